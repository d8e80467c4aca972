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
 * per report; the near-duplicate stage reads the signatures of recent articles per article) spends most of its store
 * time in Avro decoding. This view answers those reads from the last {@code capacity} values it saw, least recently
 * used out first. Writes and deletes go to the store first, then here, so the store stays the only source of truth:
 * what is cached is always what the store holds for the key.
 *
 * <p>Its owner creates it in {@code Processor.init}, which Kafka Streams calls again whenever the task's state is
 * restored (a rebalance, or an exactly-once transaction aborted and the store rewound): a new view starts empty.
 * Cached values are shared, not copied, so they must not be modified; Avro's generated builders copy.
 */
public final class CachedStore<K, V> {
    private final KeyValueStore<K, V> store;
    private final Map<K, V> recent;
    private long hits;
    private long misses;

    public CachedStore(KeyValueStore<K, V> store, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.store = store;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1024) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The store's value for {@code key} ({@code null} if none): from memory when seen lately, else read and kept. */
    public V get(K key) {
        V value = recent.get(key);
        if (value != null) {
            hits++;
            return value;
        }
        misses++;
        value = store.get(key);
        if (value != null) {
            recent.put(key, value);
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

    /** Deletes {@code key} from the store and from memory. */
    public void delete(K key) {
        store.delete(key);
        recent.remove(key);
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

    /** How many values are kept. */
    public int size() {
        return recent.size();
    }
}
