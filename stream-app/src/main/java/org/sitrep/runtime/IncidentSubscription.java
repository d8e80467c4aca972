package org.sitrep.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sitrep.registry.AvroSerde;
import org.sitrep.schema.Incident;
import org.sitrep.topology.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code news.incidents} from a chosen position and hands every committed version to a listener, on a thread of
 * its own, until closed. A consumer without a group (nothing is committed, every subscriber sees every version),
 * {@code read_committed} since the pipeline writes in transactions.
 *
 * <p>The position is taken when {@link #start} returns, so that nothing published after it is missed when reading
 * from {@link Start#now() now}. A record that cannot be read (not Avro, unknown schema) is logged and skipped.
 */
public final class IncidentSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentSubscription.class);

    /** Where to start: the end of each partition, the beginning, or the first record at or after a time. */
    public record Start(String kind, Instant time) {
        public static Start now() {
            return new Start("now", null);
        }

        public static Start beginning() {
            return new Start("beginning", null);
        }

        /** Records whose timestamp (the event time of the report that made the version) is at or after {@code t}. */
        public static Start since(Instant t) {
            return new Start("since", Objects.requireNonNull(t));
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private IncidentSubscription(Map<String, Object> clientProperties, Start start, AvroSerde<Incident> serde,
                                 Consumer<Incident> listener) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENTS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.INCIDENTS, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.INCIDENTS + " does not exist (run `sitrep topics`)");
            }
            consumer.assign(partitions);
            seek(partitions, start);
            // Resolve the positions now: "now" means the end when start() returns, not when the thread first polls.
            partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        thread = new Thread(() -> loop(serde, listener), "sitrep-incident-subscription");
        thread.setDaemon(true);
    }

    private void seek(List<TopicPartition> partitions, Start start) {
        switch (start.kind()) {
            case "beginning" -> consumer.seekToBeginning(partitions);
            case "now" -> consumer.seekToEnd(partitions);
            default -> {
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(tp -> query.put(tp, start.time().toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
                for (TopicPartition tp : partitions) {
                    OffsetAndTimestamp at = found.get(tp);
                    if (at == null) {
                        consumer.seekToEnd(List.of(tp));
                    } else {
                        consumer.seek(tp, at.offset());
                    }
                }
            }
        }
    }

    private void loop(AvroSerde<Incident> serde, Consumer<Incident> listener) {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Incident incident;
                    try {
                        incident = serde.deserialize(r.topic(), r.value());
                    } catch (RuntimeException e) {
                        LOG.warn("skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                            e.getMessage());
                        continue;
                    }
                    if (incident != null) {
                        listener.accept(incident);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("incident subscription stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public static IncidentSubscription start(Map<String, Object> clientProperties, Start start,
                                             AvroSerde<Incident> serde, Consumer<Incident> listener) {
        IncidentSubscription s = new IncidentSubscription(clientProperties, start, serde, listener);
        s.thread.start();
        return s;
    }

    /** Whether the reading thread still runs (it stops when closed or on an unrecoverable error). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits up to {@code timeout} for the reading thread to end (after {@link #close()} or a failure). */
    public void await(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            consumer.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
