package org.sitrep.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentHistory;
import org.sitrep.schema.IncidentVersion;
import org.sitrep.topology.CachedStore;
import org.sitrep.topology.SitrepSerdes;

/**
 * Keeps each incident's versions for {@code GET /incidents/{id}/history}: store {@value #STORE} (incident id ->
 * {@link IncidentHistory}, oldest version first), fed by processor {@value #PROCESSOR} from the incidents stage's
 * output inside the same sub-topology, so it is partitioned like {@code incidents-store} (by country, see
 * {@link IncidentPartitioner}). The compacted {@code news.incidents} keeps only the newest version per key, so the
 * history cannot be read back from it.
 *
 * <p>Versions are summaries (status, type, region, new articles, counts, casualty estimates), not whole records: a
 * few hundred bytes each. At most {@value #MAX_VERSIONS} are kept; older ones are dropped and counted.
 *
 * <p>A history lives as long as its incident in {@code incidents-store}: when the incidents stage forgets an incident
 * ({@code incident-retention} after it closed) it forwards a {@code null} under its id, and its history is deleted
 * too, so the store holds the histories of the open incidents and of those closed within the retention.
 */
public final class HistoryStage {
    public static final String STORE = "api-history-store";
    public static final String PROCESSOR = "api-record-history";
    static final int MAX_VERSIONS = 200;
    /** Histories kept decoded ({@link CachedStore}): those of the incidents updated lately. */
    static final int DECODED_HISTORIES = 1024;

    private HistoryStage() {
    }

    public static void apply(StreamsBuilder builder, KStream<String, Incident> incidents, SitrepSerdes serdes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
            serdes.incidentHistory()).withCachingEnabled());
        incidents.process(HistoryProcessor::new, Named.as(PROCESSOR), STORE);
    }

    /** The history after {@code incident} is added: versions in order, a re-delivered version replaces its copy. */
    static IncidentHistory append(IncidentHistory history, Incident incident) {
        List<IncidentVersion> versions = new ArrayList<>(history == null ? List.of() : history.getVersions());
        int dropped = history == null ? 0 : history.getDropped();
        versions.removeIf(v -> v.getVersion() >= incident.getVersion());
        Set<String> known = new HashSet<>();
        versions.forEach(v -> known.addAll(v.getNewArticles()));
        List<String> fresh = incident.getArticles().stream().filter(a -> !known.contains(a)).toList();
        versions.add(IncidentVersion.newBuilder()
            .setVersion(incident.getVersion())
            .setStatus(incident.getStatus().toString())
            .setMergedInto(incident.getMergedInto())
            .setEventType(incident.getEventType())
            .setAdmin1(incident.getAdmin1())
            .setUpdatedAt(incident.getUpdatedAt())
            .setNewArticles(fresh)
            .setArticleCount(incident.getArticles().size())
            .setOutletCount(incident.getOutlets().size())
            .setClaimCount(incident.getClaims().size())
            .setCasualties(incident.getCasualties())
            .setContested(incident.getContested())
            .build());
        while (versions.size() > MAX_VERSIONS) {
            versions.remove(0);
            dropped++;
        }
        return new IncidentHistory(incident.getIncidentId(), versions, dropped);
    }

    static final class HistoryProcessor implements Processor<String, Incident, Void, Void> {
        private CachedStore<String, IncidentHistory> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = new CachedStore<>(context.getStateStore(STORE), DECODED_HISTORIES);
        }

        @Override
        public void process(Record<String, Incident> record) {
            Incident incident = record.value();
            if (incident == null) {
                store.delete(record.key()); // the incident was forgotten
                return;
            }
            store.put(incident.getIncidentId(), append(store.get(incident.getIncidentId()), incident));
        }
    }
}
