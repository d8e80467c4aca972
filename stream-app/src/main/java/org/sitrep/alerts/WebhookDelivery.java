package org.sitrep.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs one alert (JSON) to a webhook, signed and retried.
 *
 * <p>Every request carries {@code X-Sitrep-Signature: sha256=<hex>}, the HMAC-SHA256 of the exact body with the
 * shared secret, and {@code X-Sitrep-Alert-Id}, so a receiver can verify the sender and drop repeats. A 2xx answer is
 * delivery. 5xx, 408, 429 and network errors are retried with exponential backoff (doubling from
 * {@code initialBackoff}, capped at {@code maxBackoff}) up to {@code maxAttempts} in all; any other answer is final at
 * once. The outcome says how many attempts were made and why it failed, for the dead letter.
 */
public final class WebhookDelivery {
    public static final String SIGNATURE_HEADER = "X-Sitrep-Signature";
    public static final String ALERT_ID_HEADER = "X-Sitrep-Alert-Id";

    private final HttpClient client;
    private final URI url;
    private final byte[] secret;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;

    /** How the delivery went. */
    public record Outcome(boolean delivered, int attempts, int lastStatus, String failure) {
    }

    /** Waits between attempts (replaced in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public WebhookDelivery(URI url, String secret, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                           Sleeper sleeper) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs a signing secret");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
    }

    public WebhookDelivery(URI url, String secret) {
        this(url, secret, 5, Duration.ofMillis(500), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
    }

    public Outcome deliver(String alertId, String json) throws InterruptedException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + sign(secret, body);
        Duration backoff = initialBackoff;
        int status = 0;
        String failure = "not attempted";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header(SIGNATURE_HEADER, signature)
                        .header(ALERT_ID_HEADER, alertId)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                    HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status / 100 == 2) {
                    return new Outcome(true, attempt, status, null);
                }
                failure = "HTTP " + status;
                if (!retryable(status)) {
                    return new Outcome(false, attempt, status, failure + " (not retried)");
                }
            } catch (IOException e) {
                status = 0;
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < maxAttempts) {
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        return new Outcome(false, maxAttempts, status, failure + " after " + maxAttempts + " attempts");
    }

    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** Hex HMAC-SHA256 of {@code body}: what a receiver recomputes to check {@value #SIGNATURE_HEADER}. */
    public static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
