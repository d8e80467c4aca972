package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthServerTest {
    final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HealthServer server;

    @BeforeEach
    void start() {
        server = HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), state::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void healthAndReadyAreUpOnlyWhileRunningOrRebalancing(State s) throws Exception {
        state.set(s);
        boolean up = s == State.RUNNING || s == State.REBALANCING;
        for (String path : new String[] {"/health", "/health/ready"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " in " + s).isEqualTo(up ? 200 : 503);
            assertThat(r.body()).isEqualTo("{\"status\": \"" + (up ? "UP" : "DOWN") + "\", \"streams_state\": \"" + s + "\"}");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void liveIsUpUnlessErrorOrNotRunning(State s) throws Exception {
        state.set(s);
        boolean live = s != State.ERROR && s != State.NOT_RUNNING;
        HttpResponse<String> r = get("/health/live");
        assertThat(r.statusCode()).as("live in " + s).isEqualTo(live ? 200 : 503);
        assertThat(r.body()).contains("\"streams_state\": \"" + s + "\"");
    }

    @Test
    void theStateIsReadOnEveryRequest() throws Exception {
        state.set(State.REBALANCING);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        state.set(State.PENDING_SHUTDOWN);
        assertThat(get("/health").statusCode()).isEqualTo(503);
        state.set(State.RUNNING);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAreRejected() throws Exception {
        state.set(State.RUNNING);
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/healthz").statusCode()).isEqualTo(404);
        assertThat(get("/health/other").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/health"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void headAnswersTheStatusWithoutABody() throws Exception {
        state.set(State.ERROR);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/health/live"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void closeReleasesThePortAndIsIdempotent() {
        int port = server.port();
        assertThat(port).isPositive();
        server.close();
        server.close();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
