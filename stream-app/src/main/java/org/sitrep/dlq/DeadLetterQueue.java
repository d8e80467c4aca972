package org.sitrep.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sitrep.registry.AvroSerde;
import org.sitrep.runtime.TopicReader;
import org.sitrep.schema.DeadLetter;
import org.sitrep.topology.Topics;

/**
 * Reads {@code news.dlq} and re-drives dead letters: their original key and value bytes go back to the topic they
 * came from, so that they are processed again (after a fix or a raised limit). Re-driven records carry the header
 * {@value #REDRIVEN_FROM_HEADER} = {@code <dlq partition>@<dlq offset>}.
 */
public final class DeadLetterQueue {
    public static final String REDRIVEN_FROM_HEADER = "sitrep.redriven.from";

    private final Map<String, Object> clientProperties;
    private final AvroSerde<DeadLetter> serde;

    public DeadLetterQueue(Map<String, Object> clientProperties, AvroSerde<DeadLetter> serde) {
        this.clientProperties = clientProperties;
        this.serde = serde;
    }

    /** One dead letter and where it sits on {@code news.dlq}. */
    public record Entry(int dlqPartition, long dlqOffset, String key, DeadLetter letter) {
        public String source() {
            return letter.getSourceTopic() + "[" + letter.getPartition() + "]@" + letter.getOffset();
        }

        public int size() {
            return letter.getValue() == null ? 0 : letter.getValue().remaining();
        }

        /** Whether it can go back to Kafka: it came from a topic (not a file) and has bytes. */
        public boolean redrivable() {
            return !letter.getSourceTopic().startsWith("file:") && !"unknown".equals(letter.getSourceTopic())
                && letter.getValue() != null;
        }
    }

    /**
     * Which dead letters to select; null fields match anything. Offsets are the source record's, inclusive.
     */
    public record Filter(String stage, String sourceTopic, Integer partition, Long fromOffset, Long toOffset) {
        public static final Filter ALL = new Filter(null, null, null, null, null);

        public boolean matches(DeadLetter d) {
            return (stage == null || stage.equals(d.getStage()))
                && (sourceTopic == null || sourceTopic.equals(d.getSourceTopic()))
                && (partition == null || partition == d.getPartition())
                && (fromOffset == null || d.getOffset() >= fromOffset)
                && (toOffset == null || d.getOffset() <= toOffset);
        }
    }

    /** The selected dead letters, in DLQ order per partition (read_committed). */
    public List<Entry> list(Filter filter) {
        List<Entry> out = new ArrayList<>();
        for (ConsumerRecord<String, DeadLetter> r : TopicReader.readAll(clientProperties, Topics.DLQ, serde::deserialize)) {
            if (r.value() != null && filter.matches(r.value())) {
                out.add(new Entry(r.partition(), r.offset(), r.key(), r.value()));
            }
        }
        return out;
    }

    /** What happened to one dead letter on re-drive. */
    public record Outcome(Entry entry, String target, boolean sent, String detail) {
    }

    /**
     * Re-publishes the original bytes of the selected dead letters to their source topics with an idempotent producer
     * (acks=all), one at a time, waiting for each; with {@code dryRun} nothing is sent.
     */
    public List<Outcome> redrive(Filter filter, boolean dryRun) {
        List<Entry> selected = list(filter);
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DLQ_MAX_BYTES);
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null
            : new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Entry e : selected) {
                DeadLetter d = e.letter();
                if (!e.redrivable()) {
                    outcomes.add(new Outcome(e, null, false, d.getValue() == null ? "no value to re-drive"
                        : "source " + d.getSourceTopic() + " is not a topic: fix the file and replay it"));
                    continue;
                }
                if (dryRun) {
                    outcomes.add(new Outcome(e, d.getSourceTopic(), false, "dry run"));
                    continue;
                }
                var headers = new RecordHeaders();
                headers.add(REDRIVEN_FROM_HEADER, (e.dlqPartition() + "@" + e.dlqOffset()).getBytes(StandardCharsets.UTF_8));
                try {
                    RecordMetadata m = producer.send(new ProducerRecord<>(d.getSourceTopic(), null, null,
                        bytes(d.getKey()), bytes(d.getValue()), headers)).get();
                    outcomes.add(new Outcome(e, m.topic() + "[" + m.partition() + "]@" + m.offset(), true, "sent"));
                } catch (ExecutionException ex) {
                    outcomes.add(new Outcome(e, d.getSourceTopic(), false, "refused: " + ex.getCause().getMessage()));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while re-driving", ex);
                }
            }
        }
        return outcomes;
    }

    static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
