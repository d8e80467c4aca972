package org.sitrep.runtime;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Whether a running instance's event-time reorder buffers (stores named {@code *-reorder-store}) hold records. */
final class ReorderBuffers {
    private ReorderBuffers() {
    }

    static List<String> storeNames(SitrepStreams streams) {
        Set<String> names = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : streams.topology().describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor p) {
                    p.stores().stream().filter(s -> s.endsWith("-reorder-store")).forEach(names::add);
                }
            }
        }
        return List.copyOf(names);
    }

    /** True when every reorder store of this instance is empty; false while a store cannot be queried (rebalance). */
    static boolean empty(SitrepStreams streams) {
        for (String name : storeNames(streams)) {
            try {
                ReadOnlyKeyValueStore<Object, Object> store = streams.kafkaStreams().store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
                try (KeyValueIterator<Object, Object> it = store.all()) {
                    if (it.hasNext()) {
                        return false;
                    }
                }
            } catch (InvalidStateStoreException e) {
                return false;
            }
        }
        return true;
    }
}
