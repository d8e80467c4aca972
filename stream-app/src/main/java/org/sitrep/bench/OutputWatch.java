package org.sitrep.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows output topics from their current end as a read_committed consumer (what a downstream subscriber sees) on a
 * background thread: per topic, how many records arrived and when the last one did ({@link System#nanoTime()}).
 * An optional listener sees every record's topic and value bytes on arrival.
 */
final class OutputWatch implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastArrival = new ConcurrentHashMap<>();
    private volatile RuntimeException failure;

    OutputWatch(Map<String, Object> clientProperties, List<String> topics, BiConsumer<String, byte[]> listener) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            counts.put(topic, new AtomicLong());
            lastArrival.put(topic, new AtomicLong());
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before anything is produced
        thread = new Thread(() -> {
            try {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        counts.get(r.topic()).incrementAndGet();
                        lastArrival.get(r.topic()).set(now);
                        if (listener != null) {
                            listener.accept(r.topic(), r.value());
                        }
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "sitrep-bench-watch");
        thread.setDaemon(true);
        thread.start();
    }

    long count(String topic) {
        check();
        return counts.get(topic).get();
    }

    /** {@link System#nanoTime()} of the last record of {@code topic}, 0 if none came. */
    long lastArrival(String topic) {
        check();
        return lastArrival.get(topic).get();
    }

    /** Waits until {@code topic} has had {@code n} records; false if {@code timeout} passed first. */
    boolean awaitCount(String topic, long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(topic) < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Waits until no record has arrived on any topic for {@code quiet} (at most {@code max}). */
    void awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            long last = lastArrival.values().stream().mapToLong(AtomicLong::get).max().orElse(0);
            if (System.nanoTime() - last >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("output watch failed: " + failure, failure);
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
