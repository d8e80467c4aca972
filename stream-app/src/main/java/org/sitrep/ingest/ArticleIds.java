package org.sitrep.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/** Stable article ids: the hash of the canonical URL, so the same story fetched twice gets the same id. */
public final class ArticleIds {
    private ArticleIds() {
    }

    /**
     * The canonical form of a URL: lower-case scheme and host, no {@code www.}, no fragment, no tracking parameters
     * ({@code utm_*}, {@code fbclid}, {@code gclid}), no trailing slash; an unparseable URL is only trimmed.
     */
    public static String canonicalUrl(String url) {
        String trimmed = url.trim();
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null) {
                return trimmed;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("utm_"))
                .filter(p -> !p.startsWith("fbclid=") && !p.startsWith("gclid="))
                .sorted()
                .collect(Collectors.joining("&"));
            String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return scheme + "://" + host + port + path + (query.isEmpty() ? "" : "?" + query);
        } catch (Exception e) {
            return trimmed;
        }
    }

    /** {@code u-} plus the first 16 hex digits of the SHA-256 of the canonical URL. */
    public static String fromUrl(String url) {
        return "u-" + sha256Hex(canonicalUrl(url)).substring(0, 16);
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
