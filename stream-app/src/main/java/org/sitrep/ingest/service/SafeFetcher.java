package org.sitrep.ingest.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The only way the ingest service reaches the network: plain HTTP(S) GETs to hosts on an allowlist.
 *
 * <ul>
 *   <li>only {@code http} and {@code https} URLs whose host is on the allowlist (exact, case-insensitive); anything
 *       else ({@code file:}, {@code ftp:}, {@code jar:}, another host) is refused before any connection is made;</li>
 *   <li>redirects are followed by hand, at most {@code maxRedirects}, and each target is checked the same way: a
 *       redirect to another host is refused;</li>
 *   <li>connect and read timeouts on every request, a whole-response deadline of twice the read timeout, no proxy
 *       from the environment;</li>
 *   <li>a body longer than {@code maxBytes} is refused (by its Content-Length up front, or while reading).</li>
 * </ul>
 *
 * Conditional GET: the caller passes the stored ETag and Last-Modified; a 304 comes back as {@link Response#notModified()}.
 */
public final class SafeFetcher {
    /** A request the fetcher will not make or a response it will not accept; the message says why. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A response: status 200 with its body, or 304 without. */
    public record Response(URI url, int status, byte[] body, String etag, String lastModified, String contentType) {
        public boolean notModified() {
            return status == HttpURLConnection.HTTP_NOT_MODIFIED;
        }
    }

    private final Set<String> allowedHosts;
    private final IngestConfig.Fetch settings;

    public SafeFetcher(Set<String> allowedHosts, IngestConfig.Fetch settings) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.settings = settings;
    }

    /** Throws {@link Refused} unless {@code url} is http(s) to an allowed host. */
    public void check(URI url) throws Refused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("refused " + url + ": only http and https are fetched");
        }
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !allowedHosts.contains(host)) {
            throw new Refused("refused " + url + ": host " + host + " is not in the allowlist");
        }
        if (url.getUserInfo() != null) {
            throw new Refused("refused " + url + ": credentials in URLs are not sent");
        }
    }

    /** GET with optional conditional headers (either may be null). */
    public Response get(URI url, String etag, String lastModified) throws IOException {
        URI current = url;
        long deadline = System.nanoTime() + 2 * settings.readTimeout().toNanos() + settings.connectTimeout().toNanos();
        for (int hop = 0; ; hop++) {
            check(current);
            HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection(Proxy.NO_PROXY);
            try {
                c.setInstanceFollowRedirects(false);
                c.setUseCaches(false);
                c.setConnectTimeout((int) settings.connectTimeout().toMillis());
                c.setReadTimeout((int) settings.readTimeout().toMillis());
                c.setRequestProperty("User-Agent", settings.userAgent());
                c.setRequestProperty("Accept-Encoding", "identity");
                if (etag != null) {
                    c.setRequestProperty("If-None-Match", etag);
                }
                if (lastModified != null) {
                    c.setRequestProperty("If-Modified-Since", lastModified);
                }
                int status = c.getResponseCode();
                if (status >= 300 && status < 400 && status != HttpURLConnection.HTTP_NOT_MODIFIED) {
                    String location = c.getHeaderField("Location");
                    if (location == null) {
                        throw new IOException("HTTP " + status + " without Location from " + current);
                    }
                    if (hop >= settings.maxRedirects()) {
                        throw new Refused("refused " + url + ": more than " + settings.maxRedirects() + " redirects");
                    }
                    URI next = resolve(current, location);
                    try {
                        check(next);
                    } catch (Refused e) {
                        throw new Refused("refused redirect from " + current + " to " + next + ": " + reasonOf(e));
                    }
                    current = next;
                    continue;
                }
                if (status == HttpURLConnection.HTTP_NOT_MODIFIED) {
                    return new Response(current, status, new byte[0], c.getHeaderField("ETag"),
                        c.getHeaderField("Last-Modified"), null);
                }
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new IOException("HTTP " + status + " from " + current);
                }
                long length = c.getContentLengthLong();
                if (length > settings.maxBytes()) {
                    throw new Refused("refused " + current + ": " + length + " bytes announced, more than the limit of "
                        + settings.maxBytes());
                }
                byte[] body = readCapped(c.getInputStream(), current, deadline);
                return new Response(current, status, body, c.getHeaderField("ETag"), c.getHeaderField("Last-Modified"),
                    c.getContentType());
            } finally {
                c.disconnect();
            }
        }
    }

    private byte[] readCapped(InputStream in, URI url, long deadline) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                if (out.size() + (long) n > settings.maxBytes()) {
                    throw new Refused("refused " + url + ": response larger than the limit of " + settings.maxBytes() + " bytes");
                }
                out.write(buf, 0, n);
                if (System.nanoTime() > deadline) {
                    throw new IOException("response from " + url + " took too long");
                }
            }
            return out.toByteArray();
        }
    }

    private static URI resolve(URI base, String location) throws Refused {
        try {
            return base.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Refused("refused redirect from " + base + ": bad Location '" + location + "'");
        }
    }

    private static String reasonOf(Refused e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon < 0 ? m : m.substring(colon + 2);
    }
}
