package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.alerts.WebhookDelivery;
import org.sitrep.alerts.WebhookSink;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.TopicAdmin;
import org.sitrep.runtime.TopicReader;
import org.sitrep.schema.Alert;
import org.sitrep.schema.AlertReason;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventType;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * The webhook sink on the real broker and registry against a loopback receiver: an alert whose first POST fails is
 * delivered on retry, signed; an alert the receiver always refuses ends as a dead letter with its original bytes.
 */
class WebhookSinkIT {
    static EmbeddedKafka kafka;
    static HttpServer receiver;
    static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    static final List<String> delivered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        kafka = EmbeddedKafka.start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst(WebhookDelivery.ALERT_ID_HEADER);
            int n = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            boolean signed = ("sha256=" + WebhookDelivery.sign("s3cret".getBytes(StandardCharsets.UTF_8), body))
                .equals(exchange.getRequestHeaders().getFirst(WebhookDelivery.SIGNATURE_HEADER));
            int status = !signed ? 401 : id.startsWith("refused") ? 503 : n == 1 ? 500 : 204;
            if (status == 204) {
                delivered.add(id);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        kafka.close();
    }

    @Test
    void retriedAlertsAreDeliveredAndHopelessOnesDeadLettered() throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        var serdes = new SitrepSerdes(SchemaRegistryClients.create(SharedRegistry.get().url(), Map.of()));
        try (Admin admin = Admin.create(client)) {
            TopicAdmin.createTopics(admin, new Topics(serdes).all(), 1, (short) 1);
        }
        byte[] refusedBytes;
        try (var producer = new KafkaProducer<>(client, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, key("ML-1"), serdes.alert().serialize(Topics.ALERTS, alert("ML-1/big/2"))));
            refusedBytes = serdes.alert().serialize(Topics.ALERTS, alert("refused/big/1"));
            producer.send(new ProducerRecord<>(Topics.ALERTS, key("ML-2"), refusedBytes));
            producer.send(new ProducerRecord<>(Topics.ALERTS, key("ML-3"), "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        WebhookDelivery delivery = new WebhookDelivery(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
            "s3cret", 3, Duration.ofMillis(10), Duration.ofMillis(50), d -> Thread.sleep(d.toMillis()));
        WebhookSink sink = new WebhookSink(client, "sitrep-it-webhook", serdes.alert(), serdes.deadLetter(), delivery, l -> { });
        Thread runner = new Thread(() -> {
            try {
                sink.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> TopicReader.readAll(client, Topics.DLQ, (t, b) -> b).size() == 2);
        } finally {
            sink.stop();
            runner.join(10_000);
            sink.close();
        }
        assertThat(delivered).containsExactly("ML-1/big/2");
        assertThat(attempts.get("ML-1/big/2").get()).isEqualTo(2);
        assertThat(attempts.get("refused/big/1").get()).isEqualTo(3);
        List<DeadLetter> letters = TopicReader.readAll(client, Topics.DLQ, serdes.deadLetter()::deserialize).stream()
            .map(r -> r.value()).toList();
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.getStage()).isEqualTo("webhook");
            assertThat(l.getSourceTopic()).isEqualTo(Topics.ALERTS);
        });
        assertThat(letters).anySatisfy(l -> {
            assertThat(l.getReason()).contains("refused/big/1").contains("HTTP 503 after 3 attempts");
            byte[] original = new byte[l.getValue().remaining()];
            l.getValue().duplicate().get(original);
            assertThat(original).isEqualTo(refusedBytes);
        });
        assertThat(letters).anySatisfy(l -> assertThat(l.getReason()).startsWith("cannot read alert"));
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Alert alert(String id) {
        return Alert.newBuilder()
            .setAlertId(id).setRuleId("big").setReason(AlertReason.match).setIncidentId(id.split("/")[0])
            .setIncidentVersion(1).setEventType(EventType.ambush).setCountry("ML")
            .setEventDate(LocalDate.parse("2023-01-10")).setKilledMeasure("best").setKilled(14).setKilledBest(14)
            .setKilledHigh(31).setArticles(3).setUpdatedAt(Instant.parse("2023-01-12T15:00:00Z"))
            .setMessage("ambush in Mopti, 14 killed").build();
    }
}
