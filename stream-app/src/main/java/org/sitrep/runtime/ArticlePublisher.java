package org.sitrep.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sitrep.dlq.DeadLetters;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.schema.Article;
import org.sitrep.schema.DeadLetter;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * Writes articles to {@code news.articles.raw} with an idempotent producer: key = article id, record timestamp = the
 * article's publication time (event time). Rejected input lines go to {@code news.dlq} with their reason and bytes.
 */
public final class ArticlePublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final SitrepSerdes serdes;
    private final java.util.List<String> failures = new java.util.ArrayList<>();

    public ArticlePublisher(Map<String, Object> clientProperties, SitrepSerdes serdes) {
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.serdes = serdes;
    }

    /**
     * Sends articles in the order given; {@code progress} hears the count after each one. Throws if the broker
     * refused any of them (too large, timestamp out of range, not authorised), after sending the rest.
     */
    public void publish(List<Article> articles, IntConsumer progress) {
        int n = 0;
        for (Article a : articles) {
            send(a);
            progress.accept(++n);
        }
        flushAndCheck();
    }

    private void recordFailure(String id, Exception error) {
        if (error != null) {
            synchronized (failures) {
                failures.add(id + ": " + error.getMessage());
            }
        }
    }

    private void flushAndCheck() {
        producer.flush();
        synchronized (failures) {
            if (!failures.isEmpty()) {
                String summary = failures.size() + " record(s) refused by Kafka, first: " + failures.get(0);
                failures.clear();
                throw new IllegalStateException(summary);
            }
        }
    }

    /** Sends one article (asynchronously; {@link #flush()} waits for everything sent). */
    /** Sends one article; a refusal by the broker is reported by the next {@link #flush()}. */
    public void send(Article a) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, null, a.getPublishedAt().toEpochMilli(),
            a.getId().getBytes(StandardCharsets.UTF_8), serdes.article().serialize(Topics.ARTICLES_RAW, a)),
            (metadata, error) -> recordFailure(a.getId(), error));
    }

    /** Waits for everything sent; throws if the broker refused any record since the last flush. */
    public void flush() {
        flushAndCheck();
    }

    /** Dead-letters the rejected lines of an input file. */
    public void rejectLines(String source, List<ArticleFile.Line> rejected) {
        deadLetter("file:" + source, rejected);
    }

    /**
     * Dead-letters rejected entries; {@code origin} becomes the letter's source ({@code file:PATH}, {@code feed:URL},
     * {@code http:POST /articles}) and the entry's number its offset.
     */
    public void deadLetter(String origin, List<ArticleFile.Line> rejected) {
        for (ArticleFile.Line line : rejected) {
            byte[] value = line.text() == null ? null : line.text().getBytes(StandardCharsets.UTF_8);
            DeadLetter letter = DeadLetters.of(origin, -1, line.number(), null,
                value, "ingest", line.error(), null, Instant.now());
            producer.send(new ProducerRecord<>(Topics.DLQ, null, serdes.deadLetter().serialize(Topics.DLQ, letter)),
                (metadata, error) -> recordFailure("line " + line.number(), error));
        }
        flushAndCheck();
    }

    @Override
    public void close() {
        producer.close();
    }
}
