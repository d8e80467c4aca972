package org.sitrep.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted HTTP server on loopback that stands in for a registry in unit tests. Each {@code METHOD path} answers with
 * its queued responses in turn, repeating the last one; unscripted requests get 404/40401. Every request is recorded.
 */
final class FakeRegistryServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    /** One received request: the raw (still percent-encoded) path, headers by lower-case name, body text. */
    record Request(String method, String path, Map<String, String> headers, String body) {
    }

    private record Answer(int status, String body, Duration delay) {
    }

    FakeRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, with {@code path} (e.g. "/apis/ccompat/v7") appended. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FakeRegistryServer answer(String method, String path, int status, String body) {
        return answer(method, path, status, body, Duration.ZERO);
    }

    synchronized FakeRegistryServer answer(String method, String path, int status, String body, Duration delay) {
        answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(new Answer(status, body, delay));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Answer answer = record(new Request(method, path, headers, body));
        pause(answer.delay());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Answer record(Request request) {
        requests.add(request);
        Deque<Answer> queue = answers.get(request.method() + " " + request.path());
        if (queue == null || queue.isEmpty()) {
            return new Answer(404, "{\"error_code\":40401,\"message\":\"Subject not found.\"}", Duration.ZERO);
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    private static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
