package org.sitrep.topology;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with its serdes and the settings it is created with.
 *
 * @param configs topic-level configs (cleanup policy, retention) applied at creation
 */
public record TopicSpec<K, V>(String name, Serde<K> keys, Serde<V> values, Map<String, String> configs) {

    public Consumed<K, V> consumed(String processorName) {
        return Consumed.with(keys, values).withName(processorName);
    }

    public Produced<K, V> produced(String processorName) {
        return Produced.with(keys, values).withName(processorName);
    }
}
