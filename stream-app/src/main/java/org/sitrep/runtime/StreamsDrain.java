package org.sitrep.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Waits until a Kafka Streams application has consumed and committed every record of its source topics, including
 * its internal repartition topics. With exactly-once, a committed input offset means its outputs are committed too,
 * so once all sources are caught up (twice in a row, to cover records that the last commit itself produced), every
 * output is visible to read_committed consumers.
 *
 * <p>A committed offset may stop short of the log end by transaction markers only; the gap is read to tell markers
 * from records.
 */
public final class StreamsDrain implements AutoCloseable {
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> probe;
    private final String groupId;
    private final List<String> topics;
    private String lastError;

    public StreamsDrain(Map<String, Object> clientProperties, String applicationId, Topology topology) {
        this.admin = Admin.create(clientProperties);
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.probe = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.groupId = applicationId;
        this.topics = sourceTopics(topology, applicationId);
    }

    /** The topics a topology reads, internal ones with their application-id prefix. */
    public static List<String> sourceTopics(Topology topology, String applicationId) {
        Set<String> out = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    for (String t : source.topicSet()) {
                        out.add(t.endsWith("-repartition") ? applicationId + "-" + t : t);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    public List<String> topics() {
        return topics;
    }

    /** Blocks until caught up; throws if {@code timeout} passes first. */
    public void await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int streak = 0;
        while (streak < 2) {
            streak = caughtUp() ? streak + 1 : 0;
            if (streak < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pipeline did not catch up with " + topics + " within " + timeout
                        + (lastError == null ? "" : "; last error: " + lastError));
                }
                sleep(150);
            }
        }
    }

    /** Whether the group's committed offsets cover every record of every source partition now. */
    public boolean caughtUp() {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions, Duration.ofSeconds(10));
            for (TopicPartition tp : partitions) {
                long end = ends.getOrDefault(tp, 0L);
                OffsetAndMetadata c = committed.get(tp);
                long position = c == null ? 0L : c.offset();
                if (position < end && hasRecords(tp, position, end)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            lastError = e.getCause() != null ? e.getCause().toString() : e.toString();
            return false;
        }
    }

    private boolean hasRecords(TopicPartition tp, long from, long end) {
        probe.assign(List.of(tp));
        probe.seek(tp, from);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (probe.position(tp) < end && System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = probe.poll(Duration.ofMillis(100));
            if (!records.isEmpty()) {
                return true;
            }
        }
        return probe.position(tp) < end;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        probe.close();
        admin.close();
    }
}
