package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.App;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.schema.Article;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.Fixtures;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.Topics;

/**
 * {@code sitrep dlq list} and {@code sitrep dlq redrive} on a real broker: an article over {@code max-body-chars=300}
 * is dead-lettered; the app is restarted with the limit raised to 2000; re-driving the ingest stage's dead letters
 * sends the original bytes back to {@code news.articles.raw}, and the article is processed. A garbage record,
 * dead-lettered by the deserializer, is not selected and stays where it is.
 */
class DlqRedriveIT {
    static final String APP = "sitrep-it-dlq";
    static final String BODY = "At least 12 Malian soldiers were killed on Tuesday in an ambush between Mopti and Segou, "
        + "officers said on condition of anonymity. ";
    static final Article LONG = Fixtures.article("d-long", "2023-01-11T10:00:00Z", BODY.repeat(4));
    static final Article SHORT = Fixtures.article("d-short", "2023-02-17T10:00:00Z",
        "Gunmen killed 5 villagers near Djibo on Thursday, local sources said.");

    static EmbeddedKafka kafka;
    static RunOutputs before;
    static RunOutputs after;
    static String listJson;
    static String listTable;
    static String redriveOut;
    static String dryRunOut;

    @BeforeAll
    static void run() {
        kafka = EmbeddedKafka.start();
        assertThat(LONG.getBody().length()).isBetween(301, 1999);
        try (PipelineSession first = session("300")) {
            first.createTopics();
            first.start(Duration.ofMinutes(1));
            first.publish(List.of(LONG, SHORT));
            Map<String, Object> props = new HashMap<>(first.config().clientProperties());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, "d-garbage".getBytes(StandardCharsets.UTF_8),
                    "garbage".getBytes(StandardCharsets.UTF_8)));
            }
            first.awaitIdle(Duration.ofMinutes(1));
            before = first.collect();
            listJson = cli("dlq", "list", "--json");
            listTable = cli("dlq", "list");
            dryRunOut = cli("dlq", "redrive", "--stage", "ingest", "--dry-run");
        }
        // "After a fix": a new instance with the same application id and a higher limit.
        try (PipelineSession second = session("2000")) {
            second.start(Duration.ofMinutes(1));
            redriveOut = cli("dlq", "redrive", "--stage", "ingest", "--source-topic", Topics.ARTICLES_RAW);
            second.awaitIdle(Duration.ofMinutes(1));
            after = second.collect();
        }
    }

    static PipelineSession session(String maxBody) {
        return ClusterSession.create(kafka.bootstrapServers(), SharedRegistry.get().url(), APP, Map.of("max-body-chars", maxBody,
            // the first instance does not leave the group on close: let the broker notice within 6 s, not 45
            "kafka.session.timeout.ms", "6000"));
    }

    static String cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", SharedRegistry.get().url()));
        StringWriter out = new StringWriter();
        int code = App.commandLine().setOut(new PrintWriter(out)).execute(all.toArray(String[]::new));
        assertThat(code).as(String.join(" ", args) + ":\n" + out).isZero();
        return out.toString();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theLongArticleWasDeadLetteredFirst() {
        assertThat(before.uniqueIds()).containsExactly("d-short");
        assertThat(before.deadLetters()).hasSize(2);
    }

    @Test
    void listShowsSourceStageReasonKeyAndSize() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : listJson.strip().split("\n")) {
            rows.add(new ObjectMapper().readTree(line));
        }
        assertThat(rows).hasSize(2);
        JsonNode ingest = rows.stream().filter(r -> r.get("stage").asText().equals("ingest")).findFirst().orElseThrow();
        assertThat(ingest.get("source_topic").asText()).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(ingest.get("offset").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(ingest.get("partition").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(ingest.get("key").asText()).isEqualTo("d-long");
        assertThat(ingest.get("reason").asText()).contains("max-body-chars");
        assertThat(ingest.get("size").asInt()).isGreaterThan(LONG.getBody().length());
        assertThat(rows).anySatisfy(r -> assertThat(r.get("stage").asText()).isEqualTo("deserialize"));
        assertThat(listTable).contains("SOURCE", "STAGE", "REASON", "d-long", "d-garbage", "2 dead letter(s)");
    }

    @Test
    void redriveSendsOnlyTheSelectedLettersAndSaysWhatItDid() {
        assertThat(dryRunOut).contains("would send").contains("d-long").contains("0 re-driven, 1 not sent (dry run)");
        assertThat(redriveOut).contains("re-driven   " + Topics.ARTICLES_RAW).contains("key d-long").contains("1 re-driven, 0 skipped");
        assertThat(redriveOut).doesNotContain("d-garbage");
    }

    @Test
    void theReDrivenArticleIsProcessedAfterTheLimitWasRaised() {
        assertThat(after.uniqueIds()).containsExactlyInAnyOrder("d-short", "d-long");
        assertThat(after.reports()).anySatisfy(r -> assertThat(r.getArticleId()).isEqualTo("d-long"));
        assertThat(after.deadLetters()).as("nothing new was dead-lettered").hasSize(2);
    }
}
