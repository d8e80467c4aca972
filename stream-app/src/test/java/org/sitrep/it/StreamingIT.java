package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.registry.HttpSchemaRegistryClient;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.runtime.TopicReader;
import org.sitrep.schema.Article;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.Fixtures;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.Topics;

/**
 * The streaming path on a real KRaft broker in this JVM and the real Apicurio registry: articles in, copies out,
 * garbage dead-lettered, every value Confluent Avro with a schema registered under {@code <topic>-value}.
 */
class StreamingIT {
    static EmbeddedKafka kafka;
    static PipelineSession session;
    static RunOutputs outputs;
    static byte[] garbage = "{ this is not avro".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void runPipeline() {
        kafka = EmbeddedKafka.start();
        session = ClusterSession.create(kafka.bootstrapServers(), SharedRegistry.get().url(), "sitrep-it-streaming", Map.of());
        session.createTopics();
        session.start(Duration.ofMinutes(1));
        Article first = Fixtures.article("s1", "2023-01-11T10:00:00Z",
            "At least 12 Malian soldiers were killed on Tuesday in attacks between Mopti and Segou, officers said on condition of anonymity.");
        Article copy = Fixtures.article("s2", "2023-01-11T11:00:00Z", first.getBody().toUpperCase());
        Article later = Fixtures.article("s3", "2023-01-12T10:00:00Z",
            "The Malian army said on Thursday that 14 soldiers were killed and 11 wounded in the ambush near Macina on Tuesday.");
        session.publish(List.of(first, copy, later));
        Map<String, Object> props = new HashMap<>(session.config().clientProperties());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, "poison".getBytes(StandardCharsets.UTF_8), garbage));
        }
        session.awaitIdle(Duration.ofMinutes(2));
        outputs = session.collect();
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

    @Test
    void copiesAreDroppedAndUniqueArticlesPassThrough() {
        assertThat(outputs.uniqueIds()).containsExactlyInAnyOrder("s1", "s3");
        assertThat(outputs.copies()).singleElement().satisfies(c -> assertThat(c.getCopyOf()).isEqualTo("s1"));
    }

    @Test
    void garbageBytesBecomeADeadLetterWithTheOriginalBytes() {
        assertThat(outputs.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.getSourceTopic()).isEqualTo(Topics.ARTICLES_RAW);
            assertThat(d.getStage()).isEqualTo("deserialize");
            assertThat(d.getReason()).contains("not in the Confluent Avro wire format");
            assertThat(bytes(d.getValue())).isEqualTo(garbage);
            assertThat(d.getOffset()).isGreaterThanOrEqualTo(0);
        });
        assertThat(session.streams().kafkaStreams().state().isRunningOrRebalancing()).isTrue();
    }

    @Test
    void everyOutputValueIsConfluentAvroUnderItsTopicValueSubject() {
        var registry = new HttpSchemaRegistryClient(SharedRegistry.get().url());
        for (String topic : List.of(Topics.ARTICLES_RAW, Topics.ARTICLES_UNIQUE, Topics.ARTICLES_COPIES, Topics.DLQ)) {
            var records = TopicReader.readAll(session.config().clientProperties(), topic, (t, b) -> b);
            assertThat(records).as(topic).isNotEmpty();
            var latest = registry.latest(topic + "-value");
            for (var r : records) {
                if (r.key() != null && r.key().equals("poison")) {
                    continue;
                }
                assertThat(r.value()[0]).as(topic).isZero();
                assertThat(ByteBuffer.wrap(r.value(), 1, 4).getInt()).as(topic).isEqualTo(latest.id());
            }
        }
        assertThat(registry.globalCompatibility()).isEqualTo("BACKWARD");
    }

    @Test
    void reportsAndIncidentsArePublished() {
        assertThat(outputs.reports()).isNotEmpty();
        assertThat(outputs.finalIncidents()).isNotEmpty();
        assertThat(outputs.finalIncidents()).allSatisfy(i -> assertThat(i.getCountry()).isEqualTo("ML"));
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
