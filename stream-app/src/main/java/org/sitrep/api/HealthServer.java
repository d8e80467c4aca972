package org.sitrep.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The health endpoints of {@code sitrep run}, on the JDK's built-in HTTP server, for Kubernetes probes and load
 * balancers. Each answers {@code {"status": "UP"|"DOWN", "streams_state": "<KafkaStreams.State>"}}:
 *
 * <ul>
 *   <li>{@code GET /health} and {@code GET /health/ready}: 200 while Kafka Streams is RUNNING or REBALANCING, 503
 *       otherwise (CREATED, PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR). A rebalance is part of normal
 *       operation (an instance joins or leaves); taking every instance out of service for it would only add
 *       churn.</li>
 *   <li>{@code GET /health/live}: 200 unless the state is ERROR or NOT_RUNNING, the two states from which this
 *       process never recovers by itself: a restart is the cure.</li>
 * </ul>
 *
 * Other paths answer 404, other methods 405. One daemon thread serves the requests.
 */
public final class HealthServer implements AutoCloseable {
    /** The probes served, by path. */
    public enum Probe {
        HEALTH("/health"), READY("/health/ready"), LIVE("/health/live");

        private final String path;

        Probe(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        /** Whether this probe passes in {@code state}. */
        public boolean passes(KafkaStreams.State state) {
            return switch (this) {
                case HEALTH, READY -> state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
                case LIVE -> state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING;
            };
        }

        static Probe of(String path) {
            for (Probe p : values()) {
                if (p.path.equals(path)) {
                    return p;
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<KafkaStreams.State> state;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HealthServer(HttpServer server, ExecutorService executor, Supplier<KafkaStreams.State> state) {
        this.server = server;
        this.executor = executor;
        this.state = state;
    }

    /** Starts serving on {@code address} (port 0 = any free port); {@code state} is asked on every request. */
    public static HealthServer start(InetSocketAddress address, Supplier<KafkaStreams.State> state) {
        HttpServer http;
        try {
            http = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /health on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sitrep-health");
            t.setDaemon(true);
            return t;
        });
        HealthServer health = new HealthServer(http, executor, state);
        http.createContext("/", health::handle);
        http.setExecutor(executor);
        http.start();
        return health;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Probe probe = Probe.of(exchange.getRequestURI().getPath());
            String method = exchange.getRequestMethod();
            if (probe == null) {
                send(exchange, 404, "{\"error\": \"not found\"}", method);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "{\"error\": \"method not allowed\"}", method);
            } else {
                KafkaStreams.State now = state.get();
                boolean up = probe.passes(now);
                send(exchange, up ? 200 : 503, body(up, now), method);
            }
        }
    }

    static String body(boolean up, KafkaStreams.State state) {
        return "{\"status\": \"" + (up ? "UP" : "DOWN") + "\", \"streams_state\": \"" + state.name() + "\"}";
    }

    private static void send(HttpExchange exchange, int code, String body, String method) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = method.equals("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
