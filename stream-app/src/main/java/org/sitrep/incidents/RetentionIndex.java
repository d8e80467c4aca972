package org.sitrep.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.schema.Incident;

/**
 * The closing-time index behind {@code incident-retention}, store {@link IncidentStage#RETENTION_STORE}: one entry
 * {@code <closing time in epoch ms, 19 digits>|<incident id>} -> incident id per closed or merged incident still in
 * {@link IncidentStage#STORE}. Keys sort by closing time, so the incidents whose retention has run out are one range
 * scan from the first key up to the cutoff: forgetting costs a seek plus the incidents forgotten, whatever the stores
 * hold, and nothing is ever scanned whole (but once, see {@link #indexed()}).
 *
 * <p>Two more keys start with {@code ~}, which sorts after every digit, so no range scan meets them:
 * {@value #INDEXED} says that the incidents stored before this index existed have been indexed, and
 * {@value #FORGOTTEN_UP_TO} holds the latest closing time of an incident forgotten so far.
 */
final class RetentionIndex {
    static final String INDEXED = "~indexed";
    static final String FORGOTTEN_UP_TO = "~forgotten-up-to";
    private static final int DIGITS = 19;

    private final KeyValueStore<String, String> store;
    private long forgottenUpTo;

    RetentionIndex(KeyValueStore<String, String> store) {
        this.store = store;
        String w = store.get(FORGOTTEN_UP_TO);
        this.forgottenUpTo = w == null ? Long.MIN_VALUE : Long.parseLong(w);
    }

    /** {@code <closing time>|<id>}; times before 1970 (never published: the ingest stage refuses them) count as 0. */
    static String key(long closedAtMs, String incidentId) {
        return prefix(closedAtMs) + "|" + incidentId;
    }

    private static String prefix(long ms) {
        String digits = Long.toString(Math.max(0, ms));
        return "0".repeat(DIGITS - digits.length()) + digits;
    }

    static long closedAt(String key) {
        return Long.parseLong(key, 0, DIGITS, 10);
    }

    /** Indexes a closed or merged incident by its closing time ({@code updated_at} of its last version). */
    void add(Incident terminal) {
        store.put(key(terminal.getUpdatedAt().toEpochMilli(), terminal.getIncidentId()), terminal.getIncidentId());
    }

    /** The entries of incidents closed strictly before {@code cutoffMs}, oldest first. */
    List<KeyValue<String, String>> closedBefore(long cutoffMs) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        if (cutoffMs <= 0) {
            return due;
        }
        // Every key closed before the cutoff sorts before the bare cutoff prefix; keys closed at the cutoff after it.
        try (KeyValueIterator<String, String> it = store.range(prefix(0), prefix(cutoffMs))) {
            it.forEachRemaining(due::add);
        }
        return due;
    }

    /** Removes the entries of incidents just forgotten, and moves {@link #forgottenUpTo()} on. */
    void forgot(List<KeyValue<String, String>> entries) {
        long latest = forgottenUpTo;
        for (KeyValue<String, String> entry : entries) {
            store.delete(entry.key);
            latest = Math.max(latest, closedAt(entry.key));
        }
        if (latest != forgottenUpTo) {
            forgottenUpTo = latest;
            store.put(FORGOTTEN_UP_TO, Long.toString(latest));
        }
    }

    /**
     * The latest closing time of an incident forgotten so far ({@link Instant#MIN} if none). Every report of a
     * forgotten incident was published by then (a closed incident's last report is a quiet period before it, a merged
     * one's merging report at it), in publication order at least.
     */
    Instant forgottenUpTo() {
        return forgottenUpTo == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(forgottenUpTo);
    }

    /** Whether the incidents stored before this index existed (an older version of Sitrep) have been indexed. */
    boolean indexed() {
        return store.get(INDEXED) != null;
    }

    void markIndexed() {
        store.put(INDEXED, "1");
    }
}
