package org.sitrep.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafeFetcherTest {
    Loopback server;
    SafeFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new Loopback();
        fetcher = new SafeFetcher(Set.of("127.0.0.1"), new IngestConfig.Fetch(Duration.ofSeconds(2),
            Duration.ofMillis(500), 1000, "sitrep-test", 3));
        server.route("/ok", ex -> Loopback.send(ex, 200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fetchesFromAnAllowedHost() throws Exception {
        SafeFetcher.Response r = fetcher.get(server.url("/ok"), null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void refusesAnotherHostWithoutConnecting() {
        URI otherHost = URI.create("http://localhost:" + server.port() + "/ok");
        assertThatThrownBy(() -> fetcher.get(otherHost, null, null))
            .isInstanceOf(SafeFetcher.Refused.class).hasMessageContaining("host localhost is not in the allowlist");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void refusesOtherSchemes() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/x", "jar:file:/x.jar!/y"}) {
            assertThatThrownBy(() -> fetcher.get(URI.create(url), null, null))
                .isInstanceOf(SafeFetcher.Refused.class).hasMessageContaining("only http and https");
        }
    }

    @Test
    void followsARedirectOnTheSameHostButNotToAnother() throws Exception {
        server.route("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/ok");
            Loopback.send(ex, 301, null, new byte[0]);
        });
        server.route("/away", ex -> {
            ex.getResponseHeaders().set("Location", "http://localhost:" + server.port() + "/ok");
            Loopback.send(ex, 302, null, new byte[0]);
        });
        assertThat(fetcher.get(server.url("/moved"), null, null).url()).isEqualTo(server.url("/ok"));

        assertThatThrownBy(() -> fetcher.get(server.url("/away"), null, null))
            .isInstanceOf(SafeFetcher.Refused.class)
            .hasMessageContaining("refused redirect")
            .hasMessageContaining("host localhost is not in the allowlist");
        assertThat(server.requests.stream().map(Loopback.Request::path)).containsExactly("/moved", "/ok", "/away");
    }

    @Test
    void stopsRedirectLoops() {
        server.route("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            Loopback.send(ex, 302, null, new byte[0]);
        });
        assertThatThrownBy(() -> fetcher.get(server.url("/loop"), null, null))
            .isInstanceOf(SafeFetcher.Refused.class).hasMessageContaining("more than 3 redirects");
        assertThat(server.count("/loop")).isEqualTo(4);
    }

    @Test
    void capsTheResponseSizeAnnouncedOrStreamed() {
        server.route("/big", ex -> Loopback.send(ex, 200, "text/plain", new byte[1001]));
        server.route("/big-chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no length announced
            for (int i = 0; i < 5; i++) {
                ex.getResponseBody().write(new byte[400]);
            }
        });
        assertThatThrownBy(() -> fetcher.get(server.url("/big"), null, null))
            .isInstanceOf(SafeFetcher.Refused.class).hasMessageContaining("1001 bytes announced");
        assertThatThrownBy(() -> fetcher.get(server.url("/big-chunked"), null, null))
            .isInstanceOf(SafeFetcher.Refused.class).hasMessageContaining("larger than the limit of 1000 bytes");
    }

    @Test
    void timesOutASilentServer() {
        server.route("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Loopback.send(ex, 200, "text/plain", new byte[1]);
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> fetcher.get(server.url("/slow"), null, null))
            .isInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }
}
