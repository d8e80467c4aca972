package org.sitrep.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sitrep.dlq.DeadLetters;
import org.sitrep.registry.AvroSerde;
import org.sitrep.schema.Alert;
import org.sitrep.schema.DeadLetter;
import org.sitrep.topology.Topics;

/**
 * Reads {@code news.alerts} (read_committed, consumer group {@code <application-id>-webhook}) and hands each alert to
 * a {@link WebhookDelivery}. An alert that cannot be read or delivered after the last retry becomes a dead letter on
 * {@code news.dlq} (stage {@code webhook}, with its original bytes); offsets are committed only after each alert is
 * delivered or dead-lettered, so a restart re-sends rather than loses (receivers deduplicate on the alert id).
 */
public final class WebhookSink implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroSerde<Alert> alerts;
    private final AvroSerde<DeadLetter> deadLetters;
    private final WebhookDelivery delivery;
    private final Consumer<String> log;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public WebhookSink(Map<String, Object> clientProperties, String applicationId, AvroSerde<Alert> alerts,
                       AvroSerde<DeadLetter> deadLetters, WebhookDelivery delivery, Consumer<String> log) {
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-webhook");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DLQ_MAX_BYTES);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.delivery = delivery;
        this.log = log;
    }

    /** Runs until {@link #stop()} (or interruption). */
    public void run() throws InterruptedException {
        consumer.subscribe(List.of(Topics.ALERTS));
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    handle(r);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        }
    }

    void handle(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        Alert alert;
        try {
            alert = alerts.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            deadLetter(r, "cannot read alert: " + e.getMessage());
            return;
        }
        if (alert == null) {
            return;
        }
        WebhookDelivery.Outcome outcome = delivery.deliver(alert.getAlertId(), AlertJson.of(alert));
        if (outcome.delivered()) {
            log.accept("delivered " + alert.getAlertId() + " (" + outcome.attempts() + " attempt(s))");
        } else {
            deadLetter(r, "webhook delivery of " + alert.getAlertId() + " failed: " + outcome.failure());
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, String reason) {
        log.accept("dead-lettered " + Topics.ALERTS + "[" + r.partition() + "]@" + r.offset() + ": " + reason);
        DeadLetter letter = DeadLetters.of(r.topic(), r.partition(), r.offset(), r.key(), r.value(), "webhook", reason,
            null, Instant.now());
        try {
            producer.send(new ProducerRecord<>(Topics.DLQ, r.key(), deadLetters.serialize(Topics.DLQ, letter))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the dead letter for " + r.topic() + "[" + r.partition()
                + "]@" + r.offset() + "; stopping without committing it", e);
        }
    }

    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
