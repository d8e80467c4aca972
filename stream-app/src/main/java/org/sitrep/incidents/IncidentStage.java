package org.sitrep.incidents;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.sitrep.ordering.ReorderProcessor;
import org.sitrep.ordering.ReorderSettings;
import org.sitrep.ordering.WatermarkEmitter;
import org.sitrep.ordering.WatermarkMarkers;
import org.sitrep.ordering.WatermarkStore;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * Stages 4 and 5: group reports into incidents and reconcile their claims. Reports are repartitioned by country
 * ({@code reports-by-country}) so that every open incident of a country lives in one task; each change publishes the
 * incident's new version to {@code news.incidents}, keyed by incident id. Reports without a country cannot be placed
 * and stay in {@code news.reports} only. Each extraction task sends its watermark (what the near-duplicate stage has
 * released up to, {@code reports-by-country-watermarks}) to every partition; the reorder buffer releases up to the
 * lowest of the {@code partitions} of them and keeps them in {@code incidents-watermark-store}.
 *
 * <p>The stream returned carries every version, and a {@code null} value when an incident is forgotten (its
 * {@code incident-retention} has run out, see {@link IncidentProcessor}): the stages that keep state per incident
 * drop theirs. Those tombstones do not reach {@code news.incidents}, the record of history, which keeps the
 * incident's last version (compaction keeps the latest record of every key).
 */
public final class IncidentStage {
    public static final String STORE = "incidents-store";
    public static final String OPEN_STORE = "incidents-open-store";
    public static final String REPARTITION = "reports-by-country";
    /** Event-time reorder buffer in front of incident assignment (see {@link ReorderProcessor}). */
    public static final String REORDER_STORE = "incidents-reorder-store";
    /** Upstream watermarks and released time of {@link #REORDER_STORE}'s buffer (see {@link WatermarkStore}). */
    public static final String WATERMARK_STORE = "incidents-watermark-store";
    /** Closing time -> incident id of the closed and merged incidents in {@link #STORE} (see {@link RetentionIndex}). */
    public static final String RETENTION_STORE = "incidents-retention-store";

    private IncidentStage() {
    }

    public static KStream<String, Incident> apply(StreamsBuilder builder, KStream<String, EventReport> reports,
                                                  Topics topics, SitrepSerdes serdes, MatchSettings settings,
                                                  Duration quietPeriod, ReorderSettings reorder, Duration retention,
                                                  String upstreamWatermarks, int partitions) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
            Serdes.String(), serdes.incident()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_STORE),
            Serdes.String(), serdes.incidentIndex()).withCachingEnabled());
        builder.addStateStore(ReorderProcessor.store(REORDER_STORE, serdes.eventReport()));
        builder.addStateStore(WatermarkStore.store(WATERMARK_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RETENTION_STORE),
            Serdes.String(), Serdes.String()).withCachingEnabled());

        KStream<String, Incident> incidents = reports
            .filter((id, report) -> report.getCountry() != null, Named.as("incidents-skip-unplaced"))
            .selectKey((id, report) -> report.getCountry(), Named.as("incidents-key-by-country"))
            .process(() -> new WatermarkEmitter<EventReport>(new WatermarkEmitter.Source.Released(upstreamWatermarks),
                    reorder),
                Named.as(REPARTITION + "-watermarks"), upstreamWatermarks)
            .repartition(Repartitioned.<String, EventReport>as(REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.eventReport())
                .withStreamPartitioner(WatermarkMarkers.partitioner()))
            // The order of a country's reports decides matching, incident ids (hash of the first report) and version
            // sequences. Reports of one country come from every dedup task, interleaved as those tasks happen to run:
            // put them back in (published_at, report id) order here, where the order matters.
            .process(() -> new ReorderProcessor<>(REORDER_STORE, WATERMARK_STORE, partitions, reorder,
                    EventReport::getReportId, EventReport::getCountry),
                Named.as("incidents-reorder-reports"), REORDER_STORE, WATERMARK_STORE)
            .process(() -> new IncidentProcessor(settings, quietPeriod, reorder.grace(), retention),
                Named.as("incidents-assign-reports"), STORE, OPEN_STORE, RETENTION_STORE, WATERMARK_STORE);
        incidents.filter((id, incident) -> incident != null, Named.as("incidents-skip-forgotten"))
            .to(topics.incidents.name(), topics.incidents.produced("incidents-write-incidents"));
        return incidents;
    }
}
