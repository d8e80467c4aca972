package org.sitrep.ingest.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sitrep.config.ConfigLoader;

/**
 * The {@code sitrep ingest} configuration, read from a JSON file (example: {@code deploy/ingest.example.json}).
 *
 * @param settings     ordinary Sitrep settings ({@code bootstrap-servers}, {@code schema-registry-url},
 *                     {@code kafka.*}...); the environment and flags override them
 * @param stateDir     where per-feed state files live (ETag, Last-Modified, ids already emitted)
 * @param feeds        the feeds to poll
 * @param allowedHosts every host the fetcher may talk to: the feeds' hosts plus {@code allowed_hosts}
 * @param fetch        timeouts and size cap of every outgoing request
 * @param push         {@code POST /articles}; null = off
 * @param watch        the watched directory; null = off
 * @param seenWindow   how many emitted item ids each feed remembers (at least twice the feed's current item count)
 */
public record IngestConfig(Map<String, String> settings, Path stateDir, List<Feed> feeds, Set<String> allowedHosts,
                           Fetch fetch, Push push, Watch watch, int seenWindow) {

    /** One feed: optional outlet and language override what the feed says (language only when it says none). */
    public record Feed(URI url, String outlet, String language, Duration pollInterval, boolean fetchPages) {
    }

    public record Fetch(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent, int maxRedirects) {
        public static Fetch defaults() {
            return new Fetch(Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024,
                "sitrep-ingest/0.1 (+https://github.com/sitrep)", 5);
        }
    }

    /** {@code token} is the bearer token itself (resolved from {@code token_env} when given so). */
    public record Push(String bind, int port, String token, long maxBytes) {
        @Override
        public String toString() {
            return "Push[bind=" + bind + ", port=" + port + ", token=***, maxBytes=" + maxBytes + "]";
        }
    }

    /** {@code settle}: a file is read once it has not changed for this long (so half-written files are left alone). */
    public record Watch(Path dir, Duration interval, Duration settle) {
    }

    static final Set<String> TOP_LEVEL = Set.of("settings", "state_dir", "feeds", "allowed_hosts", "fetch", "push",
        "watch", "seen_window", "default_poll_interval");
    public static final String DEFAULT_TOKEN_ENV = "SITREP_INGEST_TOKEN";

    /** Reads and checks the file; {@code env} resolves {@code push.token_env}. Fails with a message naming the field. */
    public static IngestConfig read(Path file, Map<String, String> env) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read ingest config " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("ingest config " + file + " must hold a JSON object");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(root, base, env);
    }

    static IngestConfig parse(JsonNode root, Path base, Map<String, String> env) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' in ingest config; known: "
                    + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (root.has("settings")) {
            root.get("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        }
        Path stateDir = path(base, text(root, "state_dir", "ingest-state"));
        Duration defaultInterval = duration(root, "default_poll_interval", "15m");
        List<Feed> feeds = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        JsonNode feedNodes = root.path("feeds");
        for (int i = 0; i < feedNodes.size(); i++) {
            JsonNode f = feedNodes.get(i);
            String where = "feeds[" + i + "]";
            URI url = httpUrl(f.isTextual() ? f.asText() : text(f, "url", null), where + ".url");
            hosts.add(url.getHost().toLowerCase(Locale.ROOT));
            feeds.add(new Feed(url, f.isTextual() ? null : text(f, "outlet", null),
                f.isTextual() ? null : text(f, "language", null),
                f.isTextual() ? defaultInterval : duration(f, "poll_interval", null, defaultInterval),
                !f.isTextual() && f.path("fetch_pages").asBoolean(false)));
        }
        root.path("allowed_hosts").forEach(h -> hosts.add(h.asText().trim().toLowerCase(Locale.ROOT)));
        JsonNode fn = root.path("fetch");
        Fetch d = Fetch.defaults();
        Fetch fetch = new Fetch(duration(fn, "connect_timeout", null, d.connectTimeout()),
            duration(fn, "read_timeout", null, d.readTimeout()),
            positive(fn, "max_bytes", d.maxBytes()), text(fn, "user_agent", d.userAgent()),
            (int) positive(fn, "max_redirects", d.maxRedirects()));
        Push push = null;
        JsonNode pn = root.path("push");
        if (pn.isObject() && pn.path("enabled").asBoolean(true)) {
            String token = text(pn, "token", null);
            String tokenEnv = text(pn, "token_env", DEFAULT_TOKEN_ENV);
            if (token == null) {
                token = env.get(tokenEnv);
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("push is on but has no token: set push.token or the environment variable "
                    + tokenEnv);
            }
            if (token.length() < 16) {
                throw new IllegalArgumentException("push token is too short (at least 16 characters)");
            }
            push = new Push(text(pn, "bind", "127.0.0.1"), (int) pn.path("port").asLong(8090), token,
                positive(pn, "max_bytes", 5L * 1024 * 1024));
        }
        Watch watch = null;
        JsonNode wn = root.path("watch");
        if (wn.isObject()) {
            String dir = text(wn, "dir", null);
            if (dir == null) {
                throw new IllegalArgumentException("watch.dir is missing");
            }
            watch = new Watch(path(base, dir), duration(wn, "interval", null, Duration.ofSeconds(10)),
                duration(wn, "settle", null, Duration.ofSeconds(2)));
        }
        int seen = (int) positive(root, "seen_window", 2000);
        if (feeds.isEmpty() && push == null && watch == null) {
            throw new IllegalArgumentException("ingest config has nothing to do: no feeds, no push, no watch");
        }
        return new IngestConfig(Map.copyOf(settings), stateDir, List.copyOf(feeds), Set.copyOf(hosts), fetch, push,
            watch, seen);
    }

    private static URI httpUrl(String text, String where) {
        if (text == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
        URI u;
        try {
            u = new URI(text.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a URL: " + text);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException(where + " must be an http(s) URL with a host: " + text);
        }
        return u;
    }

    private static Path path(Path base, String p) {
        Path path = Path.of(p);
        return path.isAbsolute() || base == null ? path : base.resolve(path);
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? fallback : v.asText().trim();
    }

    private static Duration duration(JsonNode n, String field, String fallback) {
        return ConfigLoader.parseDuration(text(n, field, fallback));
    }

    private static Duration duration(JsonNode n, String field, String ignored, Duration fallback) {
        String v = text(n, field, null);
        if (v == null) {
            return fallback;
        }
        Duration d = ConfigLoader.parseDuration(v);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, got '" + v + "'");
        }
        return d;
    }

    private static long positive(JsonNode n, String field, long fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToLong() || v.asLong() <= 0) {
            throw new IllegalArgumentException(field + " must be a positive integer, got " + v);
        }
        return v.asLong();
    }
}
