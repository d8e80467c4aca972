package org.sitrep.runtime;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Whether a running instance's event-time reorder buffers (stores named {@code *-reorder-store}) hold records. */
final class ReorderBuffers {
    private ReorderBuffers() {
    }

    /** The reorder stores of the topology, each with the id of its sub-topology. */
    static Map<String, Integer> stores(SitrepStreams streams) {
        Map<String, Integer> out = new TreeMap<>();
        for (TopologyDescription.Subtopology sub : streams.topology().describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor p) {
                    p.stores().stream().filter(s -> s.endsWith("-reorder-store")).forEach(s -> out.put(s, sub.id()));
                }
            }
        }
        return out;
    }

    /**
     * True when every reorder store of this instance is empty; false while the instance is not RUNNING or a store
     * cannot be queried (rebalance). A store of a sub-topology of which this instance runs no active task is another instance's to report (the
     * near-duplicate stage has one task in all, on one instance).
     */
    static boolean empty(SitrepStreams streams) {
        if (streams.kafkaStreams().state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        Set<Integer> local = new HashSet<>();
        for (ThreadMetadata thread : streams.kafkaStreams().metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                local.add(task.taskId().subtopology());
            }
        }
        for (Map.Entry<String, Integer> store : stores(streams).entrySet()) {
            if (!local.contains(store.getValue())) {
                continue;
            }
            try {
                ReadOnlyKeyValueStore<Object, Object> kv = streams.kafkaStreams().store(
                    StoreQueryParameters.fromNameAndType(store.getKey(), QueryableStoreTypes.keyValueStore()));
                try (KeyValueIterator<Object, Object> it = kv.all()) {
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
