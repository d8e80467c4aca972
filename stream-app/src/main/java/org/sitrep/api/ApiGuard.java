package org.sitrep.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who may ask the HTTP API what, and how often.
 *
 * <ul>
 *   <li>With a read token set ({@code api-read-token}), every route but the health probes needs
 *   {@code Authorization: Bearer <token>} (compared in constant time); without one, reads are open.</li>
 *   <li>Each client address gets a token bucket of {@code api-rate-limit} requests per second (burst twice that);
 *   beyond it the answer is 429 with {@code Retry-After}. Health probes are not counted. 0 turns the limit off.</li>
 *   <li>The API only reads: a request with a body is refused (413), and so is a request line over 8 KB (414).</li>
 * </ul>
 * The API has no write or admin endpoints; writes go through {@code sitrep ingest}'s token-protected push.
 */
public final class ApiGuard {
    public static final ApiGuard OPEN = new ApiGuard("", 0, System::nanoTime);
    static final int MAX_URI_CHARS = 8192;
    static final int MAX_TRACKED_CLIENTS = 10_000;

    private final byte[] token;
    private final double ratePerSecond;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_TRACKED_CLIENTS;
        }
    };

    /** What to do with a request: {@code status} 0 lets it through. */
    public record Verdict(int status, String message) {
        static final Verdict PASS = new Verdict(0, null);

        public boolean pass() {
            return status == 0;
        }
    }

    public ApiGuard(String readToken, double ratePerSecond, LongSupplier nanos) {
        this.token = readToken == null || readToken.isEmpty() ? null : readToken.getBytes(StandardCharsets.UTF_8);
        this.ratePerSecond = ratePerSecond;
        this.nanos = nanos;
    }

    public static ApiGuard of(String readToken, double ratePerSecond) {
        return new ApiGuard(readToken, ratePerSecond, System::nanoTime);
    }

    /** The token this instance sends when it forwards a request to the owning instance, or null. */
    public String forwardingToken() {
        return token == null ? null : new String(token, StandardCharsets.UTF_8);
    }

    public Verdict check(String route, String client, String authorization, String uri, long contentLength) {
        if (uri.length() > MAX_URI_CHARS) {
            return new Verdict(414, "request line longer than " + MAX_URI_CHARS + " characters");
        }
        if (contentLength > 0) {
            return new Verdict(413, "this API takes no request body");
        }
        boolean probe = route.startsWith("/health");
        if (!probe && token != null && !authorized(authorization)) {
            return new Verdict(401, "missing or wrong bearer token");
        }
        if (!probe && ratePerSecond > 0 && !take(client)) {
            return new Verdict(429, "more than " + ratePerSecond + " requests per second from " + client);
        }
        return Verdict.PASS;
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    /** Token bucket per client: {@code ratePerSecond} refill, capacity twice that. */
    private synchronized boolean take(String client) {
        long now = nanos.getAsLong();
        double capacity = 2 * ratePerSecond;
        double[] b = buckets.computeIfAbsent(client, c -> new double[] {capacity, now});
        b[0] = Math.min(capacity, b[0] + (now - b[1]) / 1e9 * ratePerSecond);
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return true;
        }
        return false;
    }
}
