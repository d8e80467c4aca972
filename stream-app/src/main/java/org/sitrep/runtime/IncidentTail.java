package org.sitrep.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sitrep.registry.AvroSerde;
import org.sitrep.schema.Incident;
import org.sitrep.topology.Topics;

/** Follows {@code news.incidents} from the beginning on a background thread, handing each version to a listener. */
public final class IncidentTail implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lastRecordNanos = new AtomicLong(System.nanoTime());

    private IncidentTail(Map<String, Object> clientProperties, AvroSerde<Incident> serde, Consumer<Incident> listener) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENTS, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(Topics.INCIDENTS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    lastRecordNanos.set(System.nanoTime());
                    listener.accept(serde.deserialize(r.topic(), r.value()));
                }
            }
        }, "sitrep-incident-tail");
        thread.setDaemon(true);
    }

    public static IncidentTail start(Map<String, Object> clientProperties, AvroSerde<Incident> serde,
                                     Consumer<Incident> listener) {
        IncidentTail tail = new IncidentTail(clientProperties, serde, listener);
        tail.thread.start();
        return tail;
    }

    /** Waits until no new version has arrived for a second (at most {@code max}). */
    public void drain(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && System.nanoTime() - lastRecordNanos.get() < 1_000_000_000L) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
