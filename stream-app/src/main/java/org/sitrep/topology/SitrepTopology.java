package org.sitrep.topology;

import java.util.LinkedHashMap;
import java.util.Map;
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
import org.sitrep.dedup.NearDuplicateStage;
import org.sitrep.extract.ExtractStage;
import org.sitrep.extract.Extractor;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.incidents.MatchSettings;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.ingest.IngestStage;
import org.sitrep.schema.Article;
import org.sitrep.registry.AvroSerde;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;

/**
 * The Sitrep topology: ingest -> dedup (exact, then near-duplicates) -> extract -> incidents (with claim reconciliation). A function of its
 * settings and serdes only; it does no I/O. Every processor, store and internal topic is named (and
 * {@code ensure.explicit.internal.resource.naming} enforces it).
 */
public final class SitrepTopology {
    private SitrepTopology() {
    }

    /**
     * Every topic the topology writes, public and internal (full names), with its Avro value serde: used to register
     * all subjects at start-up.
     */
    public static Map<String, AvroSerde<?>> valueSerdesByTopic(SitrepSerdes serdes, String applicationId) {
        Map<String, AvroSerde<?>> out = new LinkedHashMap<>();
        out.put(Topics.ARTICLES_RAW, serdes.article());
        out.put(Topics.ARTICLES_UNIQUE, serdes.article());
        out.put(Topics.ARTICLES_COPIES, serdes.articleCopy());
        out.put(Topics.REPORTS, serdes.eventReport());
        out.put(Topics.INCIDENTS, serdes.incident());
        out.put(Topics.DLQ, serdes.deadLetter());
        out.put(Topics.ALERTS, serdes.alert());
        out.put(internal(applicationId, DedupStage.REPARTITION + "-repartition"), serdes.article());
        out.put(internal(applicationId, NearDuplicateStage.REPARTITION + "-repartition"), serdes.article());
        out.put(internal(applicationId, NearDuplicateStage.BY_ID_REPARTITION + "-repartition"), serdes.article());
        out.put(internal(applicationId, IncidentStage.REPARTITION + "-repartition"), serdes.eventReport());
        out.put(internal(applicationId, DedupStage.STORE + "-changelog"), serdes.seenArticle());
        out.put(internal(applicationId, DedupStage.REORDER_STORE + "-changelog"), serdes.article());
        out.put(internal(applicationId, NearDuplicateStage.REORDER_STORE + "-changelog"), serdes.article());
        out.put(internal(applicationId, NearDuplicateStage.SIGNATURES_STORE + "-changelog"), serdes.nearDupSignature());
        out.put(internal(applicationId, NearDuplicateStage.BANDS_STORE + "-changelog"), serdes.nearDupBand());
        out.put(internal(applicationId, IncidentStage.REORDER_STORE + "-changelog"), serdes.eventReport());
        out.put(internal(applicationId, IncidentStage.STORE + "-changelog"), serdes.incident());
        out.put(internal(applicationId, IncidentStage.OPEN_STORE + "-changelog"), serdes.incidentIndex());
        out.put(internal(applicationId, HistoryStage.STORE + "-changelog"), serdes.incidentHistory());
        return out;
    }

    private static String internal(String applicationId, String name) {
        return applicationId + "-" + name;
    }

    /**
     * @param partitions the {@code partitions} setting: partitions of {@code news.articles.raw} and of the internal
     *                   topics, so also how many upstream tasks each reorder buffer waits for a watermark from
     */
    public static Topology build(PipelineConfig pipeline, int partitions, SitrepSerdes serdes, Extractor extractor,
                                 Properties streamsProperties) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProperties)));
        Topics topics = new Topics(serdes);
        KStream<String, Article> articles = IngestStage.apply(builder, topics, new ArticleValidator(pipeline.maxBodyChars()));
        KStream<String, Article> exactUnique = DedupStage.apply(builder, articles, topics, serdes,
            pipeline.dedupHorizon(), pipeline.reorder(), partitions);
        KStream<String, Article> unique = NearDuplicateStage.apply(builder, exactUnique, topics, serdes,
            pipeline.dedupHorizon(), pipeline.nearDupRule(), pipeline.reorder(), partitions);
        KStream<String, EventReport> reports = ExtractStage.apply(builder, unique, topics, extractor);
        KStream<String, Incident> incidents = IncidentStage.apply(builder, reports, topics, serdes,
            new MatchSettings(pipeline.matchWindowDays(), pipeline.matchMaxKm(), pipeline.matchMinScore()),
            pipeline.incidentQuietPeriod(), pipeline.reorder(), pipeline.incidentRetention(),
            ExtractStage.WATERMARK_STORE, partitions);
        HistoryStage.apply(builder, incidents, serdes);
        AlertStage.apply(builder, incidents, topics, pipeline.alertRules());
        return builder.build(streamsProperties);
    }
}
