package org.sitrep.ordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event-time reorder buffer: holds each record in a persistent store keyed by {@code (timestamp, id)} and releases
 * records in that order once every upstream task has promised that nothing at or before their timestamp is still to
 * come. Records that arrive shuffled within the grace therefore leave in exactly the order they would have had in a
 * sorted input, which is what makes order-sensitive stages downstream (first copy wins, first report names the
 * incident) deterministic.
 *
 * <p>The promises are upstream watermarks ({@link WatermarkMarkers markers}, sent by a {@link WatermarkEmitter} in
 * each upstream task to every partition of the repartition): the buffer keeps the latest of each upstream task in its
 * {@link WatermarkStore} and releases up to the minimum over the {@code upstreamTasks} expected. Its own stream time
 * is not used: with several upstream tasks it follows whichever runs ahead, and in a fast replay one can be days of
 * feed time ahead of another. The markers are taken off the stream here; the stage behind sees data only. The time
 * released up to is kept in the same store: the stage uses it as its clock and its emitter forwards it downstream.
 *
 * <p>Wall-clock fallbacks, so that nothing is held forever: an upstream task not heard from (no marker; an upstream
 * task that forwards records re-sends its watermark at least every punctuation) for {@code flushAfter} is left out of
 * the minimum until it speaks again (an idle partition upstream: it has nothing to send, but promises nothing
 * either; when all were silent, the first to speak again gives the others {@code flushAfter} more), and everything held is released once no record at all has arrived for {@code flushAfter} (the end of a
 * replay, a quiet night). Like the grace itself these assume a replay is not paced slower than {@code grace /
 * flushAfter}: a task silent that long while it still has records to send would have them arrive late. A record that arrives after records later than it were already released is processed at once (out of
 * order) and logged: its results may differ from those of a sorted input. Both stores are changelogged, so a restart
 * keeps what was held and what was promised. How much is held, and how many records came late, are metrics
 * ({@link BufferMetrics}).
 *
 * <p>Records leave with the key {@code keyOf(value)} (the buffer's own key is the sort key), the original timestamp,
 * and no headers.
 */
public final class ReorderProcessor<V> implements Processor<String, V, String, V> {
    private static final Logger LOG = LoggerFactory.getLogger(ReorderProcessor.class);
    static final int MAX_PER_FLUSH = 2_000;

    private final String storeName;
    private final String watermarkStoreName;
    private final int upstreamTasks;
    private final long graceMs;
    private final long flushAfterMs;
    private final Function<V, String> idOf;
    private final Function<V, String> keyOf;
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, V> buffer;
    private WatermarkStore watermarks;
    private UpstreamWatermarks upstream;
    private long lastArrivalWallMs;
    private long lastReleasedTs = Long.MIN_VALUE;
    /** Read by {@link BufferMetrics} from other threads. */
    private volatile long late;
    private volatile long maxHeld;
    private BufferMetrics metrics;
    private boolean warnedUnexpected;
    private final Map<Integer, Long> lastHeardWallMs = new HashMap<>();
    private final Set<Integer> silent = new TreeSet<>();
    /**
     * The keys held, in the store's order: a release walks these and reads only the records it forwards, where a
     * store iterator (a RocksDB seek past the tombstones of every record released before) was opened on each
     * record and each watermark.
     */
    private final NavigableSet<String> heldKeys = new TreeSet<>(ReorderProcessor::compareUtf8);

    /**
     * @param storeName          the buffer's store ({@link #store})
     * @param watermarkStoreName the stage's {@link WatermarkStore}
     * @param upstreamTasks      how many tasks write the repartition this buffer reads (partitions of their input)
     */
    public ReorderProcessor(String storeName, String watermarkStoreName, int upstreamTasks, ReorderSettings settings,
                            Function<V, String> idOf, Function<V, String> keyOf) {
        this.storeName = storeName;
        this.watermarkStoreName = watermarkStoreName;
        this.upstreamTasks = upstreamTasks;
        this.graceMs = settings.grace().toMillis();
        this.flushAfterMs = settings.flushAfter().toMillis();
        this.idOf = idOf;
        this.keyOf = keyOf;
    }

    /** The persistent, changelogged store a reorder processor needs. */
    public static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
            .withCachingEnabled();
    }

    /** How often the wall-clock punctuations look: half the flush-after, within 100 ms to 1 s. */
    static long punctuationInterval(long flushAfterMs) {
        return Math.max(100, Math.min(1000, flushAfterMs / 2));
    }

    /** Sort key: the timestamp as 16 hex digits (lexicographic = numeric for non-negative times), then the id. */
    static String sortKey(long timestamp, String id) {
        return HexFormat.of().toHexDigits(timestamp) + "|" + id;
    }

    static long timestampOf(String sortKey) {
        return HexFormat.fromHexDigitsToLong(sortKey, 0, 16);
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.buffer = context.getStateStore(storeName);
        this.watermarks = new WatermarkStore(context.getStateStore(watermarkStoreName));
        this.upstream = watermarks.load(upstreamTasks);
        this.lastReleasedTs = watermarks.released();
        heldKeys.clear();
        try (KeyValueIterator<String, V> it = buffer.all()) {
            while (it.hasNext()) {
                heldKeys.add(it.next().key);
            }
        }
        maxHeld = heldKeys.size();
        metrics = BufferMetrics.register(context, storeName, heldKeys::size, () -> maxHeld, () -> late);
        this.lastArrivalWallMs = context.currentSystemTimeMs();
        upstream.tasks().forEach(u -> lastHeardWallMs.put(u, lastArrivalWallMs)); // each gets flushAfter to speak
        context.schedule(Duration.ofMillis(punctuationInterval(flushAfterMs)), PunctuationType.WALL_CLOCK_TIME,
            this::flushIfIdle);
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public void process(Record<String, V> record) {
        if (WatermarkMarkers.isMarker(record)) {
            onWatermark(WatermarkMarkers.upstreamOf(record), WatermarkMarkers.watermarkOf(record));
            return;
        }
        lastArrivalWallMs = context.currentSystemTimeMs();
        long ts = record.timestamp();
        if (graceMs == 0 && heldKeys.isEmpty()) {
            emit(ts, record.value());
            return;
        }
        String key = sortKey(Math.max(0, ts), idOf.apply(record.value()));
        buffer.put(key, record.value());
        heldKeys.add(key);
        if (heldKeys.size() > maxHeld) {
            maxHeld = heldKeys.size();
        }
        // Nothing at or before what was already released can still be put in its place: such a record goes at once.
        release(Math.max(upstream.low(silent), lastReleasedTs));
    }

    private void onWatermark(int from, long watermark) {
        if (upstream.unexpected(from) && !warnedUnexpected) {
            warnedUnexpected = true;
            LOG.warn("{}: watermark from upstream task {}, {} expected (is the partitions setting the partition count"
                + " of the topics?)", storeName, from, upstreamTasks);
        }
        long now = context.currentSystemTimeMs();
        if (silent.containsAll(upstream.tasks()) && !silent.isEmpty()) {
            // Every task was silent (start-up before any input, the gap between two replays, a stalled thread): one
            // speaking first must not stand for the others. Each gets flushAfter again from now.
            silent.clear();
            upstream.tasks().forEach(u -> lastHeardWallMs.put(u, now));
        }
        lastHeardWallMs.put(from, now);
        boolean back = silent.remove(from);
        if (upstream.advance(from, watermark)) {
            watermarks.saveUpstream(from, watermark);
            release(upstream.low(silent));
        } else if (back) {
            release(upstream.low(silent));
        }
    }

    private void flushIfIdle(long wallClockMs) {
        boolean newlySilent = false;
        for (int u : upstream.tasks()) {
            long heard = lastHeardWallMs.getOrDefault(u, lastArrivalWallMs);
            if (wallClockMs - heard >= flushAfterMs && silent.add(u)) {
                newlySilent = true;
            }
        }
        if (newlySilent) {
            LOG.debug("{}: upstream task(s) {} silent for {} ms, left out of the watermark", storeName, silent, flushAfterMs);
            release(upstream.low(silent));
        }
        if (!heldKeys.isEmpty() && wallClockMs - lastArrivalWallMs >= flushAfterMs) {
            // In slices, so that one punctuation stays well inside the transaction and poll timeouts; the next
            // punctuation goes on (nothing new arrived, so the buffer is still idle).
            release(Long.MAX_VALUE, MAX_PER_FLUSH);
        }
    }

    private void release(long upTo) {
        if (upTo == Long.MIN_VALUE) {
            return; // an expected upstream task has not promised anything yet
        }
        release(upTo, Integer.MAX_VALUE);
    }

    /**
     * Forwards, in key order, held records whose timestamp is at most {@code upTo}, at most {@code max} of them, and
     * moves the released time to {@code upTo} (a watermark; not for the idle flush, which promises nothing beyond
     * what it forwarded).
     */
    private void release(long upTo, int max) {
        List<String> ready = new ArrayList<>();
        for (String key : heldKeys) {
            if (ready.size() >= max || timestampOf(key) > upTo) {
                break;
            }
            ready.add(key);
        }
        for (String key : ready) {
            V value = buffer.get(key);
            buffer.delete(key);
            heldKeys.remove(key);
            emit(timestampOf(key), value);
        }
        if (upTo != Long.MAX_VALUE) {
            advanceReleased(upTo);
        }
    }

    /** The order of the store's keys: their UTF-8 bytes, unsigned (String.compareTo differs past U+FFFF). */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y); // code point order is UTF-8 byte order
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private void emit(long ts, V value) {
        if (ts < lastReleasedTs) {
            late++;
            if (graceMs > 0 && Long.bitCount(late) == 1) { // 1st, 2nd, 4th, 8th... time; with no grace, disorder is expected
                LOG.warn("{}: {} record(s) arrived later than the reorder grace of {} ms allows (latest: {} ms behind); "
                    + "processed out of order", storeName, late, graceMs, lastReleasedTs - ts);
            }
        } else if (graceMs > 0) {
            // Before forwarding, so the stage's clock (WatermarkStore.clock) can reach this record's time.
            advanceReleased(ts);
        } else {
            lastReleasedTs = ts;
        }
        context.forward(new Record<>(keyOf.apply(value), value, ts));
    }

    private void advanceReleased(long ts) {
        if (ts > lastReleasedTs) {
            lastReleasedTs = ts;
            watermarks.saveReleased(ts);
        }
    }
}
