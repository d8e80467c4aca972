package org.sitrep.topology;

import java.util.Properties;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.sitrep.alerts.AlertStage;
import org.sitrep.api.HistoryStage;
import org.sitrep.config.SitrepConfig.PipelineConfig;
import org.sitrep.dedup.DedupStage;
import org.sitrep.extract.ExtractStage;
import org.sitrep.extract.Extractor;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.incidents.MatchSettings;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.ingest.IngestStage;
import org.sitrep.schema.Article;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;

/**
 * The Sitrep topology: ingest -> dedup -> extract -> incidents (with claim reconciliation). A function of its
 * settings and serdes only; it does no I/O. Every processor, store and internal topic is named (and
 * {@code ensure.explicit.internal.resource.naming} enforces it).
 */
public final class SitrepTopology {
    private SitrepTopology() {
    }

    public static Topology build(PipelineConfig pipeline, SitrepSerdes serdes, Extractor extractor,
                                 Properties streamsProperties) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProperties)));
        Topics topics = new Topics(serdes);
        KStream<String, Article> articles = IngestStage.apply(builder, topics, new ArticleValidator(pipeline.maxBodyChars()));
        KStream<String, Article> unique = DedupStage.apply(builder, articles, topics, serdes, pipeline.dedupHorizon());
        KStream<String, EventReport> reports = ExtractStage.apply(unique, topics, extractor);
        KStream<String, Incident> incidents = IncidentStage.apply(builder, reports, topics, serdes,
            new MatchSettings(pipeline.matchWindowDays(), pipeline.matchMaxKm(), MatchSettings.DEFAULT_MIN_SCORE),
            pipeline.incidentQuietPeriod());
        HistoryStage.apply(builder, incidents, serdes);
        AlertStage.apply(builder, incidents, topics, pipeline.alertRules());
        return builder.build(streamsProperties);
    }
}
