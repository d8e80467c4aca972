package org.sitrep.ordering;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A stage's small watermark store (persistent, changelogged, cached so a burst of updates writes the changelog once
 * per commit): the latest watermark of each upstream task ({@code upstream:<n>}), so a restart does not forget what
 * was promised, and the time the stage's reader has released up to ({@code released}). The released time is shared
 * with the other processors of the task: the stage's logic uses it as its clock ({@link #clock}), and the
 * {@link WatermarkEmitter} in front of the next repartition forwards it as the stage's own watermark.
 */
public final class WatermarkStore {
    static final String UPSTREAM = "upstream:";
    static final String RELEASED = "released";

    private final KeyValueStore<String, Long> store;

    public WatermarkStore(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    public static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
            .withCachingEnabled();
    }

    /** The upstream watermarks stored, counted against {@code expected} tasks. */
    public UpstreamWatermarks load(int expected) {
        UpstreamWatermarks out = new UpstreamWatermarks(expected);
        try (KeyValueIterator<String, Long> it = store.prefixScan(UPSTREAM, Serdes.String().serializer())) {
            while (it.hasNext()) {
                KeyValue<String, Long> entry = it.next();
                out.advance(Integer.parseInt(entry.key.substring(UPSTREAM.length())), entry.value);
            }
        }
        return out;
    }

    public void saveUpstream(int upstream, long watermark) {
        store.put(UPSTREAM + upstream, watermark);
    }

    /** Everything at or before this time has been released; {@link Long#MIN_VALUE} when nothing is known yet. */
    public long released() {
        return released(store);
    }

    public void saveReleased(long released) {
        store.put(RELEASED, released);
    }

    static long released(KeyValueStore<String, Long> store) {
        Long v = store.get(RELEASED);
        return v == null ? Long.MIN_VALUE : v;
    }

    /**
     * The clock of a stage behind a reorder buffer: its old clock ({@code streamTimeClock}: stream time, less the grace
     * where the stage allows for held records), but never past what the buffer has released. The task's stream time
     * follows the fastest upstream task; the released time is where the records still to come start, so state
     * expired or incidents closed up to it cannot be wanted by a record still held. Without a released time (no
     * grace, or nothing released yet) it is the old clock.
     */
    public static long clock(KeyValueStore<String, Long> store, long streamTimeClock) {
        long released = released(store);
        return released == Long.MIN_VALUE ? streamTimeClock : Math.min(streamTimeClock, released);
    }
}
