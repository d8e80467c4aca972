package org.sitrep.topology;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A processor's view of one of its key-value stores that keeps the values it last read or wrote, decoded.
 *
 * <p>Kafka Streams' record cache holds serialized bytes, so every {@link KeyValueStore#get} decodes the value again.
 * A stage that reads the same few values for every record (the incident stage reads each open incident of a country
 * per report; the history stage reads the history of the incident it updates) spends most of its store time in
 * Avro decoding. (The near-duplicate stage keeps its recent signatures the same way, in the form its index uses:
 * {@code NearDuplicateStores}.) This view answers those reads from the last {@code capacity} values it saw, least recently
 * used out first. Writes and deletes go to the store first, then here, so the store stays the only source of truth:
 * what is cached is always what the store holds for the key.
 *
 * <p>Its owner creates it in {@code Processor.init}, which Kafka Streams calls again whenever the task's state is
 * restored (a rebalance, or an exactly-once transaction aborted and the store rewound): a new view starts empty.
 * Cached values are shared, not copied, so they must not be modified; Avro's generated builders copy.
 *
 * <p>A view made by {@link #rememberingAbsence} also keeps that a key had no value, so that a key read and found
 * absent, then read again before it is written (the near-duplicate stage probes an article's band keys, mostly new
 * ones, and then files the article under the same keys), goes to the store once.
 */
public final class CachedStore<K, V> {
    /** What {@link #recent} holds for a key known to have no value in the store. */
    private static final Object ABSENT = new Object();

    private final KeyValueStore<K, V> store;
    private final Map<K, Object> recent;
    private final boolean keepAbsence;
    private long hits;
    private long misses;

    public CachedStore(KeyValueStore<K, V> store, int capacity) {
        this(store, capacity, false);
    }

    /** A view that also remembers, for the last {@code capacity} keys it saw, that a key has no value. */
    public static <K, V> CachedStore<K, V> rememberingAbsence(KeyValueStore<K, V> store, int capacity) {
        return new CachedStore<>(store, capacity, true);
    }

    private CachedStore(KeyValueStore<K, V> store, int capacity, boolean keepAbsence) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.store = store;
        this.keepAbsence = keepAbsence;
        this.recent = lru(capacity);
    }

    /** A map that keeps at most {@code capacity} entries, dropping the least recently used first. Not thread-safe. */
    public static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(Math.min(capacity, 1024) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The store's value for {@code key} ({@code null} if none): from memory when seen lately, else read and kept. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Object known = recent.get(key);
        if (known != null) {
            hits++;
            return known == ABSENT ? null : (V) known;
        }
        misses++;
        V value = store.get(key);
        if (value != null) {
            recent.put(key, value);
        } else if (keepAbsence) {
            recent.put(key, ABSENT);
        }
        return value;
    }

    /** Writes {@code value} to the store, then keeps it ({@code null} deletes). */
    public void put(K key, V value) {
        if (value == null) {
            delete(key);
            return;
        }
        store.put(key, value);
        recent.put(key, value);
    }

    /** Deletes {@code key} from the store and from memory (or keeps that it is now absent). */
    public void delete(K key) {
        store.delete(key);
        if (keepAbsence) {
            recent.put(key, ABSENT);
        } else {
            recent.remove(key);
        }
    }

    /** Every entry of the store, read from the store (not cached). */
    public KeyValueIterator<K, V> all() {
        return store.all();
    }

    /** How many reads were answered from memory. */
    public long hits() {
        return hits;
    }

    /** How many reads went to the store. */
    public long misses() {
        return misses;
    }

    /** How many keys are kept (with a value, or known absent). */
    public int size() {
        return recent.size();
    }
}
