package org.sitrep.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.sitrep.schema.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sitrep's HTTP interface on the JDK's built-in server (no framework: a dozen GET routes do not need one). Served by
 * {@code run} and {@code demo}; described in {@code docs/API.md} and at {@code /openapi.json}.
 *
 * <ul>
 *   <li>{@code /health}, {@code /health/ready}, {@code /health/live}: as {@link HealthServer.Probe};</li>
 *   <li>{@code /incidents}, {@code /incidents/{id}}, {@code /incidents/{id}/history}: from the state stores
 *       ({@link ApiBackend});</li>
 *   <li>{@code /incidents/stream}: server-sent events of new versions ({@link SseHub});</li>
 *   <li>{@code /topology}, {@code /metrics}, {@code /openapi.json};</li>
 *   <li>{@code /} and {@code /web/*}: the incident map page (static files in the jar).</li>
 * </ul>
 *
 * Every error is JSON ({@code {"error": ..., "status": ...}}); an unexpected exception is logged here and answered 500
 * without its details. The server is bound first and the backend attached later: the bound port goes into
 * {@code application.server} before Kafka Streams starts. Until then the store routes answer 503.
 */
public final class ApiServer implements AutoCloseable {
    /** Marks a request forwarded by another instance: answer from local state, never forward again. */
    public static final String LOCAL_HEADER = "X-Sitrep-Local";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_SSE_CLIENTS = 32;
    private static final String WEB = "/org/sitrep/api/web/";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService heartbeat;
    private final ApiCounters counters;
    private final SseHub sse;
    private volatile ApiBackend backend;
    private volatile ApiGuard guard = ApiGuard.OPEN;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiServer(HttpServer server, ThreadPoolExecutor executor, ApiCounters counters) {
        this.server = server;
        this.executor = executor;
        this.counters = counters;
        this.sse = new SseHub(MAX_SSE_CLIENTS, counters);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("sitrep-api-heartbeat"));
        heartbeat.scheduleWithFixedDelay(sse::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    /** Binds {@code address} (port 0 = any free port) and starts serving; attach a backend with {@link #attach}. */
    public static ApiServer start(InetSocketAddress address, ApiCounters counters) {
        HttpServer http;
        try {
            http = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve HTTP on " + address + ": " + e.getMessage(), e);
        }
        // Requests are short except server-sent event streams, which hold a thread each (at most MAX_SSE_CLIENTS).
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, MAX_SSE_CLIENTS + 8, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), daemon("sitrep-http"), new ThreadPoolExecutor.CallerRunsPolicy());
        ApiServer api = new ApiServer(http, executor, counters);
        http.createContext("/", api::handle);
        http.setExecutor(executor);
        http.start();
        return api;
    }

    /** Sets the access rules (read token, rate limit); open by default. */
    public ApiServer guard(ApiGuard guard) {
        this.guard = guard;
        return this;
    }

    private static long contentLength(HttpExchange exchange) {
        String v = exchange.getRequestHeaders().getFirst("Content-Length");
        if (v == null) {
            return "chunked".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Transfer-Encoding")) ? 1 : 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public ApiServer attach(ApiBackend backend) {
        this.backend = backend;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public ApiCounters counters() {
        return counters;
    }

    /** Hands a new incident version to the server-sent event clients. */
    public void publish(Incident incident) {
        sse.publish(incident);
    }

    public int sseClients() {
        return sse.clientCount();
    }

    private void handle(HttpExchange exchange) {
        String route = "other";
        int status = 500;
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            List<String> segments = segments(path);
            route = route(segments);
            if (route.equals("other")) {
                status = sendJson(exchange, ApiResult.notFound("no such resource: " + path));
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                status = sendJson(exchange, ApiResult.error(405, "method not allowed: " + method));
            } else {
                ApiGuard.Verdict verdict = guard.check(route, exchange.getRemoteAddress().getAddress().getHostAddress(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestURI().toString(),
                    contentLength(exchange));
                if (!verdict.pass()) {
                    if (verdict.status() == 429) {
                        exchange.getResponseHeaders().set("Retry-After", "1");
                    } else if (verdict.status() == 401) {
                        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    }
                    status = sendJson(exchange, ApiResult.error(verdict.status(), verdict.message()));
                } else {
                    status = dispatch(exchange, route, segments);
                }
            }
        } catch (BadRequest e) {
            status = trySend(exchange, ApiResult.error(400, e.getMessage()));
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("internal error on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            status = trySend(exchange, ApiResult.error(500, "internal error"));
        } finally {
            // Closed here, not by try-with-resources: that would close it before the catch blocks could answer.
            exchange.close();
            counters.request(route, status);
        }
    }

    private static String route(List<String> s) {
        if (s.isEmpty()) {
            return "/";
        }
        String first = s.get(0);
        return switch (first) {
            case "health" -> s.size() == 1 ? "/health"
                : s.size() == 2 && (s.get(1).equals("ready") || s.get(1).equals("live")) ? "/health/" + s.get(1) : "other";
            case "incidents" -> switch (s.size()) {
                case 1 -> "/incidents";
                case 2 -> s.get(1).equals("stream") ? "/incidents/stream" : "/incidents/{id}";
                case 3 -> s.get(2).equals("history") ? "/incidents/{id}/history" : "other";
                default -> "other";
            };
            case "topology", "metrics", "openapi.json" -> s.size() == 1 ? "/" + first : "other";
            case "web" -> s.size() == 2 ? "/web/{file}" : "other";
            default -> "other";
        };
    }

    private int dispatch(HttpExchange ex, String route, List<String> s) throws IOException, InterruptedException {
        boolean local = "true".equalsIgnoreCase(ex.getRequestHeaders().getFirst(LOCAL_HEADER));
        ApiBackend b = backend;
        switch (route) {
            case "/health", "/health/ready", "/health/live" -> {
                HealthServer.Probe probe = HealthServer.Probe.valueOf(route.equals("/health") ? "HEALTH"
                    : route.substring(8).toUpperCase(java.util.Locale.ROOT));
                KafkaStreams.State state = b == null ? KafkaStreams.State.CREATED : b.state();
                boolean up = probe.passes(state);
                return send(ex, up ? 200 : 503, "application/json", HealthServer.body(up, state));
            }
            case "/openapi.json" -> {
                return sendResource(ex, "openapi.json");
            }
            case "/" -> {
                return sendResource(ex, "index.html");
            }
            case "/web/{file}" -> {
                return sendResource(ex, s.get(1));
            }
            case "/incidents/stream" -> {
                return stream(ex, filter(query(ex)));
            }
            default -> {
                // every other route needs the running app
            }
        }
        if (b == null) {
            return sendJson(ex, ApiResult.unavailable("starting; retry shortly"));
        }
        return switch (route) {
            case "/topology" -> send(ex, 200, "text/plain; charset=utf-8", b.topology());
            case "/metrics" -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", b.metrics());
            case "/incidents" -> {
                Map<String, List<String>> q = query(ex);
                yield sendJson(ex, b.incidents(filter(q), limit(q), local));
            }
            case "/incidents/{id}" -> sendJson(ex, b.incident(id(s.get(1)), local));
            case "/incidents/{id}/history" -> sendJson(ex, b.history(id(s.get(1)), local));
            default -> sendJson(ex, ApiResult.notFound("no such resource"));
        };
    }

    private int stream(HttpExchange ex, IncidentFilter filter) throws IOException, InterruptedException {
        if (closed.get()) {
            return sendJson(ex, ApiResult.unavailable("shutting down"));
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        OutputStream out = ex.getResponseBody();
        SseHub.Client client = sse.register(out, filter);
        if (client == null) {
            return sendJson(ex, ApiResult.unavailable("too many event-stream clients"));
        }
        ex.sendResponseHeaders(200, 0);
        if (client.write("retry: 3000\n: connected\n\n")) {
            client.awaitClosed();
        }
        return 200;
    }

    static String id(String raw) {
        String id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (id.isBlank() || id.length() > 200) {
            throw new BadRequest("bad incident id");
        }
        return id;
    }

    static IncidentFilter filter(Map<String, List<String>> q) {
        Set<String> known = Set.of("country", "admin1", "type", "min_killed", "actor", "since", "limit");
        for (String k : q.keySet()) {
            if (!known.contains(k)) {
                throw new BadRequest("unknown parameter '" + k + "'; known: country, admin1, type, min_killed, actor, since, limit");
            }
        }
        Set<String> types = list(q, "type");
        try {
            IncidentFilter.checkTypes(types);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        Integer minKilled = null;
        String mk = single(q, "min_killed");
        if (mk != null) {
            try {
                minKilled = Integer.parseInt(mk);
            } catch (NumberFormatException e) {
                throw new BadRequest("min_killed must be an integer, got '" + mk + "'");
            }
        }
        String since = single(q, "since");
        try {
            return new IncidentFilter(list(q, "country"), single(q, "admin1"), types, minKilled, single(q, "actor"),
                since == null ? null : TimeParam.parse(since));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("since: " + e.getMessage());
        }
    }

    static int limit(Map<String, List<String>> q) {
        String v = single(q, "limit");
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new BadRequest("limit must be between 1 and " + MAX_LIMIT + ", got '" + v + "'");
    }

    private static Set<String> list(Map<String, List<String>> q, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : q.getOrDefault(key, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String single(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        if (v == null || v.isEmpty() || v.get(v.size() - 1).isBlank()) {
            return null;
        }
        return v.get(v.size() - 1).trim();
    }

    static Map<String, List<String>> query(HttpExchange ex) {
        return parseQuery(ex.getRequestURI().getRawQuery());
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("malformed query string");
            }
        }
        return out;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private int sendResource(HttpExchange ex, String name) throws IOException {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            return sendJson(ex, ApiResult.notFound("no such file"));
        }
        try (InputStream in = ApiServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                return sendJson(ex, ApiResult.notFound("no such file: " + name));
            }
            byte[] bytes = in.readAllBytes();
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            return send(ex, 200, contentType(name), bytes);
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (name.endsWith(".json")) {
            return "application/json";
        } else if (name.endsWith(".txt") || name.endsWith(".md")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private int trySend(HttpExchange ex, ApiResult result) {
        try {
            return sendJson(ex, result);
        } catch (IOException | RuntimeException e) {
            return result.status(); // headers already sent, or the client left: nothing more to say
        }
    }

    private static int sendJson(HttpExchange ex, ApiResult result) throws IOException {
        if (result.status() == 503) {
            ex.getResponseHeaders().set("Retry-After", "1");
        }
        return send(ex, result.status(), "application/json", MAPPER.writeValueAsBytes(result.body()));
    }

    private static int send(HttpExchange ex, int status, String type, String body) throws IOException {
        return send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().putIfAbsent("Cache-Control", List.of("no-store"));
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        return status;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            heartbeat.shutdownNow();
            sse.close();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** A client error: answered 400 with the message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
