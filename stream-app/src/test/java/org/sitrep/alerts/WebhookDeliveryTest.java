package org.sitrep.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
    private static final String SECRET = "shared-secret";
    private HttpServer server;
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<String[]> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst(WebhookDelivery.SIGNATURE_HEADER),
                exchange.getRequestHeaders().getFirst(WebhookDelivery.ALERT_ID_HEADER),
                exchange.getRequestHeaders().getFirst("Content-Type")});
            Integer status = answers.pollFirst();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebhookDelivery delivery(int maxAttempts) {
        return new WebhookDelivery(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), SECRET,
            maxAttempts, Duration.ofMillis(100), Duration.ofMillis(250), waits::add);
    }

    @Test
    void retriesServerErrorsWithGrowingBackoffThenDeliversSigned() throws Exception {
        answers.addAll(List.of(503, 429, 503, 200));
        var outcome = delivery(5).deliver("ML-1/r1/3", "{\"alert_id\":\"ML-1/r1/3\"}");

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
        assertThat(received).hasSize(4).allSatisfy(r -> {
            assertThat(r[0]).isEqualTo("{\"alert_id\":\"ML-1/r1/3\"}");
            assertThat(r[1]).isEqualTo("sha256=" + WebhookDelivery.sign(SECRET.getBytes(StandardCharsets.UTF_8),
                r[0].getBytes(StandardCharsets.UTF_8)));
            assertThat(r[2]).isEqualTo("ML-1/r1/3");
            assertThat(r[3]).isEqualTo("application/json");
        });
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysWhy() throws Exception {
        answers.addAll(List.of(500, 500, 500, 500));
        var outcome = delivery(3).deliver("a", "{}");
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.failure()).isEqualTo("HTTP 500 after 3 attempts");
        assertThat(received).hasSize(3);
    }

    @Test
    void aClientErrorIsFinalAtOnce() throws Exception {
        answers.add(400);
        var outcome = delivery(5).deliver("a", "{}");
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.failure()).contains("HTTP 400").contains("not retried");
        assertThat(waits).isEmpty();
    }

    @Test
    void anUnreachableReceiverIsRetriedAsANetworkError() throws Exception {
        server.stop(0);
        var outcome = delivery(2).deliver("a", "{}");
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.failure()).contains("after 2 attempts");
        assertThat(waits).hasSize(1);
    }

    @Test
    void theSignatureIsTheHmacOfTheBody() {
        byte[] key = "key".getBytes(StandardCharsets.UTF_8);
        // RFC 4231-style check against a value computed independently: HMAC-SHA256("key", "The quick brown fox ...")
        assertThat(WebhookDelivery.sign(key, "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThatThrownBy(() -> new WebhookDelivery(URI.create("http://x"), "")).hasMessageContaining("secret");
    }
}
