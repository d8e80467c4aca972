package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.dedup.DedupStage;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.runtime.TopicReader;
import org.sitrep.schema.Article;
import org.sitrep.schema.DeadLetter;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.Fixtures;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.Topics;

/**
 * Poison on every Avro input topic of the topology — {@code news.articles.raw} and both internal repartition topics —
 * on a real broker with the real registry: garbage bytes, an unknown schema id, the id of another record type, a
 * truncated Avro payload, an empty value and a tombstone; on the raw topic also valid Avro articles that the ingest
 * rules reject (empty fields, a body over {@code max-body-chars}, year 9999, markup only). Every poison record must
 * come out on {@code news.dlq} naming its topic, partition, offset and key, with a reason and its original bytes — or
 * be ignored where that is the documented rule — no stream thread may die, and articles after the poison are processed.
 */
class PoisonIT {
    static final String APP = "sitrep-it-poison";
    static final String FINGERPRINTS = APP + "-" + DedupStage.REPARTITION + "-repartition";
    static final String COUNTRIES = APP + "-" + IncidentStage.REPARTITION + "-repartition";
    static final Article BEFORE = Fixtures.article("p-before", "2023-01-11T10:00:00Z",
        "At least 12 Malian soldiers were killed on Tuesday in attacks between Mopti and Segou, officers said.");
    static final Article AFTER = Fixtures.article("p-after", "2023-01-12T10:00:00Z",
        "The Malian army said on Thursday that 14 soldiers were killed and 11 wounded in the ambush near Macina on Tuesday.");

    /** One poison record as sent, with where the broker put it. */
    record Sent(String name, String topic, int partition, long offset, byte[] key, byte[] value) {
    }

    static EmbeddedKafka kafka;
    static PipelineSession session;
    static RunOutputs outputs;
    static final List<Sent> sent = new ArrayList<>();
    static Set<String> threadsBefore;
    static Set<String> threadsAfter;

    @BeforeAll
    static void run() throws Exception {
        kafka = EmbeddedKafka.start();
        session = ClusterSession.create(kafka.bootstrapServers(), SharedRegistry.get().url(), APP, Map.of());
        session.createTopics();
        session.start(Duration.ofMinutes(1));
        threadsBefore = threadNames(session.streams().kafkaStreams());
        session.publish(List.of(BEFORE));
        session.awaitIdle(Duration.ofMinutes(1));

        var serdes = session.serdes();
        byte[] validArticle = serdes.article().serialize(Topics.ARTICLES_RAW, BEFORE);
        byte[] validReport = serdes.eventReport().serialize(COUNTRIES, session.collect().reports().get(0));
        int deadLetterId = serdes.deadLetter().schemaId(Topics.DLQ);
        Map<String, Object> props = new HashMap<>(session.config().clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : List.of(Topics.ARTICLES_RAW, FINGERPRINTS, COUNTRIES)) {
                byte[] valid = topic.equals(COUNTRIES) ? validReport : validArticle;
                send(producer, topic, "garbage", "{ this is not avro \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1));
                send(producer, topic, "unknown-id", wire(987_654, Arrays.copyOfRange(valid, 5, valid.length)));
                send(producer, topic, "other-record-type", wire(deadLetterId, Arrays.copyOfRange(valid, 5, valid.length)));
                send(producer, topic, "truncated", Arrays.copyOf(valid, valid.length / 2));
                send(producer, topic, "trailing-bytes", concat(valid, new byte[] {1, 2, 3}));
                send(producer, topic, "magic-only", new byte[] {0});
                send(producer, topic, "empty", new byte[0]);
                send(producer, topic, "tombstone", null);
            }
            for (Article bad : List.of(
                Article.newBuilder(BEFORE).setId("p-empty-body").setBody("").build(),
                Article.newBuilder(BEFORE).setId("p-blank-outlet").setOutlet(" ").build(),
                Article.newBuilder(BEFORE).setId("p-huge").setBody("x".repeat(600_000)).build(),
                Article.newBuilder(BEFORE).setId("p-y9999").setPublishedAt(java.time.Instant.parse("9999-12-31T00:00:00Z")).build())) {
                send(producer, Topics.ARTICLES_RAW, bad.getId(), serdes.article().serialize(Topics.ARTICLES_RAW, bad));
            }
        }
        session.publish(List.of(AFTER));
        session.awaitIdle(Duration.ofMinutes(2));
        outputs = session.collect();
        threadsAfter = threadNames(session.streams().kafkaStreams());
        outputs.deadLetters().forEach(d -> System.out.printf("dead letter %s[%d]@%d %s: %s%n", d.getSourceTopic(),
            d.getPartition(), d.getOffset(), d.getStage(), d.getReason()));
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String name, byte[] value) throws Exception {
        byte[] key = ("poison-" + name).getBytes(StandardCharsets.UTF_8);
        RecordMetadata m = producer.send(new ProducerRecord<>(topic, 0, key, value)).get();
        sent.add(new Sent(name, topic, m.partition(), m.offset(), key, value));
    }

    static byte[] wire(int id, byte[] payload) {
        return concat(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array(), payload);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Set<String> threadNames(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().map(ThreadMetadata::threadName).collect(Collectors.toCollection(TreeSet::new));
    }

    static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void everyPoisonRecordIsADeadLetterNamingItsTopicPartitionOffsetKeyReasonAndBytes() {
        List<DeadLetter> letters = outputs.deadLetters();
        List<String> missing = new ArrayList<>();
        for (Sent s : sent) {
            List<DeadLetter> mine = letters.stream().filter(d -> d.getSourceTopic().equals(s.topic())
                && d.getPartition() == s.partition() && d.getOffset() == s.offset()).toList();
            if (mine.isEmpty()) {
                missing.add(s.topic() + "/" + s.name());
                continue;
            }
            assertThat(mine).as(s.topic() + "/" + s.name()).singleElement().satisfies(d -> {
                assertThat(bytes(d.getKey())).as("key").isEqualTo(s.key());
                assertThat(bytes(d.getValue())).as("original bytes").isEqualTo(s.value());
                assertThat(d.getReason()).as("reason").isNotBlank();
                assertThat(d.getStage()).isNotBlank();
                assertThat(d.getErrorClass()).isNotBlank();
            });
        }
        assertThat(missing).as("poison records with no dead letter").isEmpty();
    }

    @Test
    void reasonsSayWhatWasWrong() {
        Map<String, String> reasonByName = new HashMap<>();
        for (Sent s : sent) {
            outputs.deadLetters().stream().filter(d -> d.getSourceTopic().equals(s.topic()) && d.getOffset() == s.offset()
                && d.getPartition() == s.partition()).findFirst()
                .ifPresent(d -> reasonByName.put(s.topic() + "/" + s.name(), d.getStage() + ": " + d.getReason()));
        }
        String raw = Topics.ARTICLES_RAW + "/";
        assertThat(reasonByName.get(raw + "garbage")).startsWith("deserialize:").contains("not in the Confluent Avro wire format");
        assertThat(reasonByName.get(raw + "unknown-id")).contains("unknown writer schema id 987654");
        assertThat(reasonByName.get(raw + "truncated")).contains("corrupt Avro payload");
        assertThat(reasonByName.get(raw + "trailing-bytes")).contains("trailing bytes");
        assertThat(reasonByName.get(raw + "p-empty-body")).startsWith("ingest:").contains("empty body");
        assertThat(reasonByName.get(raw + "p-blank-outlet")).contains("'outlet'");
        assertThat(reasonByName.get(raw + "p-huge")).contains("max-body-chars");
        assertThat(reasonByName.get(raw + "p-y9999")).contains("outside 1990..2100");
        assertThat(reasonByName.get(FINGERPRINTS + "/garbage")).startsWith("deserialize:");
        assertThat(reasonByName.get(COUNTRIES + "/other-record-type")).startsWith("deserialize:")
            .contains("Found org.sitrep.schema.DeadLetter, expecting org.sitrep.schema.EventReport");
        for (String topic : List.of(Topics.ARTICLES_RAW, FINGERPRINTS, COUNTRIES)) {
            assertThat(reasonByName.get(topic + "/tombstone")).contains("record has no value (tombstone)");
            assertThat(reasonByName.get(topic + "/empty")).contains("record has no value (0 bytes)");
        }
    }

    @Test
    void noStreamThreadDiedAndLaterRecordsWereProcessed() {
        assertThat(session.streams().kafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(threadsAfter).as("no thread was replaced").isEqualTo(threadsBefore);
        assertThat(outputs.uniqueIds()).contains("p-before", "p-after");
        assertThat(outputs.reports()).anySatisfy(r -> assertThat(r.getArticleId()).isEqualTo("p-after"));
        assertThat(outputs.finalIncidents()).anySatisfy(i -> assertThat(i.getArticles()).contains("p-after"));
    }

    @Test
    void onlyThePoisonWasDeadLettered() {
        // Filed under the record key, or for an article the processing handler rejects, under the article id.
        Set<String> poisonKeys = sent.stream().map(s -> new String(s.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
        sent.stream().filter(s -> s.name().startsWith("p-")).forEach(s -> poisonKeys.add(s.name()));
        var dlq = TopicReader.readAll(session.config().clientProperties(), Topics.DLQ, (t, b) -> b);
        assertThat(dlq).isNotEmpty().allSatisfy(r -> assertThat(poisonKeys).contains(r.key()));
    }
}
