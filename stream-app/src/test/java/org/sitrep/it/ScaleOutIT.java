package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sitrep.dedup.NearDuplicateStage;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.runtime.StreamsDrain;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.RunChecks.Summary;
import static org.sitrep.testing.RunChecks.assertEachVersionOnce;
import static org.sitrep.testing.RunChecks.publishOneByOne;
import static org.sitrep.testing.RunChecks.reportIds;
import static org.sitrep.testing.RunChecks.summaries;
import org.sitrep.testing.SharedRegistry;

/**
 * Scale-out on a three-broker KRaft cluster in this JVM (KafkaClusterTestKit) with the real Apicurio registry and the
 * bundled sample feed. Every Sitrep topic and every internal topic has three replicas, {@code min.insync.replicas} is
 * 2, and each instance keeps one standby replica of every stateful task.
 *
 * <p>The instances are separate {@link KafkaStreams} clients in this JVM (same application id, one stream thread
 * each, each with its own state directory), not separate processes: {@link KafkaStreams#metadataForLocalThreads()} is
 * how the test sees which tasks are active and standby on each instance, and one JVM keeps the run within the
 * machine's two cores. Each phase gets a fresh cluster, since Sitrep's topic names are fixed.
 *
 * <p>Articles are published one at a time, each once the previous one is fully processed. The incidents stage's
 * result depends on the order in which reports reach it (the first report names the incident, and reports are
 * matched greedily), and Kafka orders records only within a partition: published all at once, the feed's reports
 * reach {@code reports-by-country} in an order that varies from run to run even with one instance. Pacing makes the
 * order the same in every run, so any difference left comes from scale-out itself.
 *
 * <ol>
 *   <li>one instance processes the whole feed: the reference incidents;</li>
 *   <li>three instances process it: the same incidents, each version published once;</li>
 *   <li>two instances take the first half of the feed; the one with stateful active tasks is stopped (leaving the
 *       group); the survivor, which held standbys of those tasks, takes them over, and the second half is published:
 *       the same incidents again, nothing lost and nothing duplicated (exactly-once v2).</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    static final int PARTITIONS = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    static List<Article> feed;
    static Map<String, Summary> reference;
    static Set<String> referenceReports;

    /** What must not depend on how many instances ran: an incident's articles and its casualty estimates. */
    @BeforeAll
    static void readFeed() throws Exception {
        Path file = ClusterSession.repoFile("data/sample-feed.jsonl");
        var lines = ArticleFile.read(file, new ArticleValidator(1_000_000));
        assertThat(lines).allMatch(ArticleFile.Line::ok);
        feed = ArticleFile.inPublicationOrder(lines);
        SharedRegistry.get();
    }

    @Test
    @Order(1)
    void oneInstanceGivesTheReferenceIncidents() throws Exception {
        try (Cluster cluster = Cluster.start(); Instances app = new Instances(cluster, "sitrep-scale-1", 1)) {
            app.session(0).createTopics();
            app.startAll();
            publishOneByOne(app.session(0), feed, TIMEOUT);
            RunOutputs out = app.session(0).collect();
            assertEachVersionOnce(out);
            reference = summaries(out);
            referenceReports = reportIds(out);
        }
        assertThat(reference).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void threeInstancesGiveTheSameIncidents() throws Exception {
        try (Cluster cluster = Cluster.start(); Instances app = new Instances(cluster, "sitrep-scale-3", 3)) {
            app.session(0).createTopics();
            app.startAll();
            await().atMost(TIMEOUT).until(() -> app.balanced(3));
            for (int i = 0; i < 3; i++) {
                assertThat(app.active(i)).as("instance %d has work", i).isNotEmpty();
            }
            publishOneByOne(app.session(0), feed, TIMEOUT);
            RunOutputs out = app.session(0).collect();
            assertEachVersionOnce(out);
            assertThat(reportIds(out)).isEqualTo(referenceReports);
            assertThat(summaries(out)).isEqualTo(reference());
        }
    }

    @Test
    @Order(3)
    void stoppingAnInstanceMidStreamMovesItsTasksToTheStandbyAndLosesNothing() throws Exception {
        try (Cluster cluster = Cluster.start(); Instances app = new Instances(cluster, "sitrep-scale-failover", 2)) {
            app.session(0).createTopics();
            app.startAll();
            await().atMost(TIMEOUT).until(() -> app.balanced(2) && app.standbysPlaced(2));

            int half = feed.size() / 2;
            publishOneByOne(app.session(0), feed.subList(0, half), TIMEOUT);

            int victim = app.stateful(app.active(0)).isEmpty() ? 1 : 0;
            int survivor = 1 - victim;
            Set<TaskId> moved = app.stateful(app.active(victim));
            assertThat(moved).as("the stopped instance owns stateful tasks").isNotEmpty();
            assertThat(app.standby(survivor)).as("the survivor holds standbys of them").containsAll(moved);

            app.stop(victim);
            await().atMost(TIMEOUT).until(() -> app.streams(survivor).state() == KafkaStreams.State.RUNNING
                && app.active(survivor).equals(app.allTasks()));
            assertThat(app.active(survivor)).containsAll(moved);
            assertThat(app.standby(survivor)).as("no other instance, so no standbys").isEmpty();
            assertThat(app.partitions(survivor)).as("every source partition is now read by the survivor")
                .containsAll(app.sourcePartitions());

            publishOneByOne(app.session(survivor), feed.subList(half, feed.size()), TIMEOUT);
            RunOutputs out = app.session(survivor).collect();
            assertEachVersionOnce(out);
            assertThat(reportIds(out)).as("every report once, none lost").isEqualTo(referenceReports);
            assertThat(summaries(out)).isEqualTo(reference());
        }
    }

    private static Map<String, Summary> reference() {
        assertThat(reference).as("the one-instance run comes first").isNotNull();
        return reference;
    }

    /** A three-broker KRaft cluster (one broker also the controller), release metadata version, RF 3, min ISR 2. */
    static final class Cluster implements AutoCloseable {
        final KafkaClusterTestKit kit;
        private boolean closed;

        private Cluster(KafkaClusterTestKit kit) {
            this.kit = kit;
        }

        static Cluster start() throws Exception {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(3)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build())
                .setConfigProp("unstable.api.versions.enable", "false")
                .setConfigProp("unstable.feature.versions.enable", "false")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("default.replication.factor", "3")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.cleaner.dedupe.buffer.size", "2097152")
                .build();
            Cluster cluster = new Cluster(kit);
            try {
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
            } catch (Exception e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }

        String bootstrap() {
            return kit.bootstrapServers();
        }

        @Override
        public void close() throws Exception {
            if (!closed) {
                closed = true;
                kit.close();
            }
        }
    }

    /** N Sitrep instances with the same application id, each with its own state directory. */
    static final class Instances implements AutoCloseable {
        final List<PipelineSession> sessions = new ArrayList<>();
        final boolean[] stopped;

        Instances(Cluster cluster, String applicationId, int n) {
            Map<String, String> settings = new HashMap<>();
            settings.put("partitions", String.valueOf(PARTITIONS));
            settings.put("replication-factor", "3");
            settings.put("kafka.num.standby.replicas", "1");
            settings.put("kafka.num.stream.threads", "1");
            // Publication is paced one article at a time, so order is already fixed: the event-time reorder buffers
            // would only hold the last article back until their wall-clock flush, after the drain has returned.
            settings.put("reorder-grace", "0s");
            // The smallest allowed: were a warm-up needed, it would not wait the default 10 minutes.
            settings.put("kafka.probing.rebalance.interval.ms", "60000");
            for (int i = 0; i < n; i++) {
                sessions.add(ClusterSession.create(cluster.bootstrap(), SharedRegistry.get().url(), applicationId, settings));
            }
            stopped = new boolean[n];
        }

        PipelineSession session(int i) {
            return sessions.get(i);
        }

        KafkaStreams streams(int i) {
            return sessions.get(i).streams().kafkaStreams();
        }

        void startAll() {
            sessions.forEach(s -> s.streams().start());
            await().atMost(TIMEOUT).until(() -> sessions.stream()
                .allMatch(s -> s.streams().kafkaStreams().state() == KafkaStreams.State.RUNNING));
        }

        Set<TaskId> active(int i) {
            return tasks(i, ThreadMetadata::activeTasks);
        }

        Set<TaskId> standby(int i) {
            return tasks(i, ThreadMetadata::standbyTasks);
        }

        Set<org.apache.kafka.common.TopicPartition> partitions(int i) {
            return streams(i).metadataForLocalThreads().stream()
                .flatMap(t -> t.activeTasks().stream())
                .flatMap(t -> t.topicPartitions().stream())
                .collect(Collectors.toSet());
        }

        private Set<TaskId> tasks(int i, java.util.function.Function<ThreadMetadata, Set<TaskMetadata>> which) {
            return streams(i).metadataForLocalThreads().stream()
                .flatMap(t -> which.apply(t).stream())
                .map(TaskMetadata::taskId)
                .collect(Collectors.toCollection(TreeSet::new));
        }

        /** Every task of the topology: one per sub-topology and partition. */
        /** One task per partition of each sub-topology's input: PARTITIONS, but one for the near-duplicate stage. */
        Set<TaskId> allTasks() {
            Set<TaskId> all = new TreeSet<>();
            for (var sub : sessions.get(0).streams().topology().describe().subtopologies()) {
                boolean single = sub.nodes().stream().anyMatch(n -> n instanceof org.apache.kafka.streams.TopologyDescription.Source src
                    && src.topicSet() != null && src.topicSet().contains(NearDuplicateStage.REPARTITION + "-repartition"));
                for (int p = 0; p < (single ? 1 : PARTITIONS); p++) {
                    all.add(new TaskId(sub.id(), p));
                }
            }
            return all;
        }

        /** Tasks of the sub-topologies that have state stores. */
        Set<TaskId> stateful(Set<TaskId> tasks) {
            Set<Integer> withStores = new TreeSet<>();
            sessions.get(0).streams().topology().describe().subtopologies().forEach(s -> {
                boolean stores = s.nodes().stream().anyMatch(n -> n instanceof org.apache.kafka.streams.TopologyDescription.Processor p
                    && !p.stores().isEmpty());
                if (stores) {
                    withStores.add(s.id());
                }
            });
            return tasks.stream().filter(t -> withStores.contains(t.subtopology()))
                .collect(Collectors.toCollection(TreeSet::new));
        }

        Set<org.apache.kafka.common.TopicPartition> sourcePartitions() {
            Set<org.apache.kafka.common.TopicPartition> out = new TreeSet<>(
                java.util.Comparator.comparing(org.apache.kafka.common.TopicPartition::toString));
            for (String topic : org.sitrep.runtime.StreamsDrain.sourceTopics(sessions.get(0).streams().topology(),
                sessions.get(0).config().applicationId())) {
                int partitions = topic.endsWith("-" + NearDuplicateStage.REPARTITION + "-repartition") ? 1 : PARTITIONS;
                for (int p = 0; p < partitions; p++) {
                    out.add(new org.apache.kafka.common.TopicPartition(topic, p));
                }
            }
            return out;
        }

        /** All running instances are RUNNING and own every task exactly once between them. */
        boolean balanced(int n) {
            List<Set<TaskId>> owned = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (stopped[i]) {
                    continue;
                }
                if (streams(i).state() != KafkaStreams.State.RUNNING) {
                    return false;
                }
                owned.add(active(i));
            }
            int total = owned.stream().mapToInt(Set::size).sum();
            Set<TaskId> union = new TreeSet<>();
            owned.forEach(union::addAll);
            return total == union.size() && union.equals(allTasks()) && owned.stream().noneMatch(Set::isEmpty);
        }

        /** Each stateful active task has one standby, on another instance. */
        boolean standbysPlaced(int n) {
            Map<TaskId, Integer> standbyOwners = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                for (TaskId t : standby(i)) {
                    if (standbyOwners.put(t, i) != null) {
                        return false;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (TaskId t : stateful(active(i))) {
                    Integer owner = standbyOwners.get(t);
                    if (owner == null || owner == i) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Stops instance i and leaves the group at once, so the survivors rebalance without a session timeout. */
        void stop(int i) {
            streams(i).close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
            stopped[i] = true;
        }

        @Override
        public void close() {
            for (PipelineSession s : sessions) {
                s.close();
            }
        }
    }
}
