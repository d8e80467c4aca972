package org.sitrep.ingest.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.ingest.InvalidArticleException;
import org.sitrep.ingest.JsonArticleParser;
import org.sitrep.ingest.Languages;
import org.sitrep.schema.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: one JSON article or an array of them, with the fields of the JSON Lines input.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} is required (compared in constant time): 401 otherwise;</li>
 *   <li>a body over the size cap: 413 (by Content-Length up front, or while reading); other methods: 405;</li>
 *   <li>a body that is not a JSON object or array: 400, and dead-lettered;</li>
 *   <li>otherwise 200 with {@code {"accepted":[ids], "rejected":[{"index":i,"reason":...}]}}: valid articles are
 *       published (fetched_at = the time received unless given), invalid ones dead-lettered with their reason;</li>
 *   <li>publishing failed: 503. Answers never carry stack traces.</li>
 * </ul>
 */
public final class PushServer implements AutoCloseable {
    public static final String PATH = "/articles";
    static final String ORIGIN = "http:POST " + PATH;
    private static final Logger LOG = LoggerFactory.getLogger(PushServer.class);
    private static final int MAX_BATCH = 10_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] tokenDigest;
    private final long maxBytes;
    private final ArticleValidator validator;
    private final ArticleSink sink;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build());
    private final JsonArticleParser parser = new JsonArticleParser();

    public PushServer(IngestConfig.Push config, ArticleValidator validator, ArticleSink sink, Clock clock) throws IOException {
        this.tokenDigest = digest(config.token());
        this.maxBytes = config.maxBytes();
        this.validator = validator;
        this.sink = sink;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sitrep-ingest-push");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals(PATH)) {
                answer(ex, 404, error("not found"));
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().set("Allow", "POST");
                answer(ex, 405, error("method not allowed; POST a JSON article or an array of them"));
                return;
            }
            if (!authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                answer(ex, 401, error("missing or wrong bearer token"));
                return;
            }
            String length = ex.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length) > maxBytes) {
                answer(ex, 413, error("request body larger than " + maxBytes + " bytes"));
                return;
            }
            byte[] body = readCapped(ex.getRequestBody());
            if (body == null) {
                answer(ex, 413, error("request body larger than " + maxBytes + " bytes"));
                return;
            }
            answer(ex, 200, null, accept(body, ex));
        } catch (RuntimeException | IOException e) {
            LOG.warn("POST {} failed", PATH, e);
            try {
                answer(ex, 500, error("internal error"));
            } catch (IOException | RuntimeException ignored) {
                // the response may already be under way
            }
        }
    }

    /** Parses, validates, publishes; answers itself when the body is malformed or publishing fails (returns null then). */
    private ObjectNode accept(byte[] body, HttpExchange ex) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            String reason = "body is not a JSON object or array of articles";
            sink.reject(ORIGIN, List.of(new ArticleFile.Line(1, new String(body, StandardCharsets.UTF_8), null, reason)));
            answer(ex, 400, error(reason));
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        if (items.size() > MAX_BATCH) {
            answer(ex, 413, error("more than " + MAX_BATCH + " articles in one request"));
            return null;
        }
        Instant received = clock.instant();
        List<Article> articles = new ArrayList<>();
        List<ArticleFile.Line> rejected = new ArrayList<>();
        ObjectNode result = mapper.createObjectNode();
        ArrayNode accepted = result.putArray("accepted");
        ArrayNode refused = result.putArray("rejected");
        for (int i = 0; i < items.size(); i++) {
            String text = items.get(i).toString();
            try {
                Article a = parser.parse(text);
                if (a.getFetchedAt() == null) {
                    a = Article.newBuilder(a).setFetchedAt(received).build();
                }
                articles.add(validator.requireValid(Languages.complete(a)));
                accepted.add(a.getId());
            } catch (InvalidArticleException e) {
                rejected.add(new ArticleFile.Line(i, text, null, "article " + i + ": " + e.getMessage()));
                refused.addObject().put("index", i).put("reason", e.getMessage());
            }
        }
        try {
            sink.reject(ORIGIN, rejected);
            sink.publish(articles);
        } catch (RuntimeException e) {
            LOG.warn("could not publish pushed articles: {}", e.getMessage());
            answer(ex, 503, error("could not publish the articles now; retry later"));
            return null;
        }
        return result;
    }

    private boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Digests have a fixed length, so the comparison time says nothing about the token's length or prefix.
        return MessageDigest.isEqual(tokenDigest, digest(header.substring(7).trim()));
    }

    private byte[] readCapped(InputStream in) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return data.length > maxBytes ? null : data;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private ObjectNode error(String message) {
        return mapper.createObjectNode().put("error", message);
    }

    private void answer(HttpExchange ex, int status, ObjectNode body) throws IOException {
        answer(ex, status, body, null);
    }

    private void answer(HttpExchange ex, int status, ObjectNode errorBody, ObjectNode okBody) throws IOException {
        ObjectNode body = okBody != null ? okBody : errorBody;
        if (body == null) {
            return; // already answered
        }
        byte[] bytes = mapper.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
