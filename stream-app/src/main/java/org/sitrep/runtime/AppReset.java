package org.sitrep.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Resets a Sitrep Kafka Streams application so that history can be processed again from scratch, with the Admin API:
 *
 * <ol>
 *   <li>refuse while the application's consumer group has members (it must be stopped first);</li>
 *   <li>move the group's committed offsets on the input topics to the beginning of each partition;</li>
 *   <li>delete the application's internal topics: {@code <application-id>-<name>-repartition} for each repartition
 *       and {@code <application-id>-<store>-changelog} for each store of the topology (only these exact names, so
 *       another application whose id merely starts the same way is never touched);</li>
 *   <li>delete the local state directory of the application ({@code <state-dir>/<application-id>});</li>
 *   <li>optionally, empty the output topics with DeleteRecords (a compacted topic is switched to
 *       {@code compact,delete} for the deletion and switched back).</li>
 * </ol>
 *
 * {@link #plan} only reads; {@link #execute} changes things.
 */
public final class AppReset {
    private static final long TIMEOUT_S = 30;

    /** What a reset would do, as found on the cluster and disk now. */
    public record Plan(String applicationId, List<String> inputTopics, Map<TopicPartition, Long> inputOffsets,
                       List<String> internalTopics, Path localState, boolean localStateExists,
                       Map<String, Long> outputRecords, List<String> activeMembers) {

        public boolean applicationRunning() {
            return !activeMembers.isEmpty();
        }

        /** A plain description of every change, for the confirmation prompt. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("Resetting application '").append(applicationId).append("' will:\n");
            sb.append("  - move its committed offsets on ").append(String.join(", ", inputTopics))
                .append(" to the beginning (").append(inputOffsets.size()).append(" partitions)\n");
            if (internalTopics.isEmpty()) {
                sb.append("  - delete no internal topics (none exist)\n");
            } else {
                sb.append("  - DELETE ").append(internalTopics.size()).append(" internal topics:\n");
                internalTopics.forEach(t -> sb.append("      ").append(t).append('\n'));
            }
            sb.append(localStateExists ? "  - DELETE the local state directory " + localState + "\n"
                : "  - delete no local state (" + localState + " does not exist)\n");
            if (!outputRecords.isEmpty()) {
                sb.append("  - DELETE ALL RECORDS of the output topics:\n");
                outputRecords.forEach((t, n) -> sb.append("      ").append(t).append(" (").append(n).append(" offsets, transaction markers included)\n"));
            }
            return sb.toString();
        }
    }

    private AppReset() {
    }

    /** The internal topic names of a topology: its repartition topics and its stores' changelogs. */
    public static List<String> internalTopics(Topology topology, String applicationId) {
        Set<String> out = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream().filter(t -> t.endsWith("-repartition"))
                        .forEach(t -> out.add(applicationId + "-" + t));
                }
                if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(s -> out.add(applicationId + "-" + s + "-changelog"));
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static Plan plan(Admin admin, String applicationId, Topology topology, Path stateDir,
                            List<String> inputTopics, List<String> outputTopics) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
            List<String> internal = internalTopics(topology, applicationId).stream().filter(existing::contains).toList();
            Map<TopicPartition, Long> earliest = offsets(admin, inputTopics.stream().filter(existing::contains).toList(),
                OffsetSpec.earliest());
            Map<String, Long> outputs = new LinkedHashMap<>();
            List<String> presentOutputs = outputTopics.stream().filter(existing::contains).toList();
            Map<TopicPartition, Long> starts = offsets(admin, presentOutputs, OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(admin, presentOutputs, OffsetSpec.latest());
            for (String t : presentOutputs) {
                long n = 0;
                for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                    if (e.getKey().topic().equals(t)) {
                        n += e.getValue() - starts.getOrDefault(e.getKey(), 0L);
                    }
                }
                outputs.put(t, n);
            }
            Path local = stateDir.resolve(applicationId);
            return new Plan(applicationId, inputTopics, earliest, internal, local, Files.exists(local), outputs,
                members(admin, applicationId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the cluster's state: " + e.getMessage(), e);
        }
    }

    /** Carries out {@code plan}; fails if the application has members again. */
    public static void execute(Admin admin, Plan plan) {
        try {
            List<String> members = members(admin, plan.applicationId());
            if (!members.isEmpty()) {
                throw new IllegalStateException("application '" + plan.applicationId() + "' is running (" + members
                    + "): stop every instance first");
            }
            Map<TopicPartition, OffsetAndMetadata> toBeginning = new HashMap<>();
            plan.inputOffsets().forEach((tp, offset) -> toBeginning.put(tp, new OffsetAndMetadata(offset)));
            if (!toBeginning.isEmpty()) {
                admin.alterConsumerGroupOffsets(plan.applicationId(), toBeginning).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            }
            deleteGroupOffsets(admin, plan.applicationId(), plan.internalTopics());
            if (!plan.internalTopics().isEmpty()) {
                admin.deleteTopics(plan.internalTopics()).all().get(TIMEOUT_S, TimeUnit.SECONDS);
                awaitGone(admin, plan.internalTopics());
            }
            deleteRecursively(plan.localState());
            if (!plan.outputRecords().isEmpty()) {
                emptyTopics(admin, plan.outputRecords().keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reset failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the local state " + plan.localState() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> members(Admin admin, String group) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
            return d.members().stream().map(m -> m.consumerId() + "@" + m.host()).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw e;
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Collection<String> topics, OffsetSpec spec)
        throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), spec)));
        Map<TopicPartition, Long> out = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition));
        admin.listOffsets(request).all().get(TIMEOUT_S, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static void deleteGroupOffsets(Admin admin, String group, List<String> topics)
        throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new java.util.HashSet<>();
        described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        try {
            admin.deleteConsumerGroupOffsets(group, partitions).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    /** Topic deletion is asynchronous: wait until the topics are gone so the next start recreates them afresh. */
    private static void awaitGone(Admin admin, List<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            Set<String> names = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
            if (topics.stream().noneMatch(names::contains)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("internal topics still listed after " + TIMEOUT_S + " s: " + topics);
            }
            Thread.sleep(100);
        }
    }

    private static void emptyTopics(Admin admin, Collection<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        for (String topic : topics) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            ConfigEntry policy = configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG);
            boolean compactOnly = policy != null && policy.value().equals(TopicConfig.CLEANUP_POLICY_COMPACT);
            if (compactOnly) {
                // DeleteRecords is refused on compact-only topics.
                setPolicy(admin, resource, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);
            }
            try {
                Map<TopicPartition, RecordsToDelete> all = new HashMap<>();
                offsets(admin, List.of(topic), OffsetSpec.latest())
                    .forEach((tp, end) -> all.put(tp, RecordsToDelete.beforeOffset(end)));
                deleteRecords(admin, all);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            } finally {
                if (compactOnly) {
                    setPolicy(admin, resource, TopicConfig.CLEANUP_POLICY_COMPACT);
                }
            }
        }
    }

    /**
     * DeleteRecords, retried while the broker still refuses it as a compact-only topic: the controller accepts the
     * policy change before every broker has applied it, so the first attempt can race it.
     */
    private static void deleteRecords(Admin admin, Map<TopicPartition, RecordsToDelete> all)
        throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            try {
                admin.deleteRecords(all).all().get(TIMEOUT_S, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.PolicyViolationException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void setPolicy(Admin admin, ConfigResource topic, String policy)
        throws InterruptedException, ExecutionException, TimeoutException {
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
            new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, policy), AlterConfigOp.OpType.SET))))
            .all().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
