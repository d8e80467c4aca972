package org.sitrep.ingest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sitrep.schema.Article;

/**
 * Reads one article from a JSON object: {@code id, url, outlet, language, published_at, fetched_at, title, body};
 * unknown fields are ignored. Only {@code url}, {@code published_at} and {@code body} are required: a missing id is
 * derived from the canonical URL, a missing outlet from the URL's host. Nesting depth and string sizes are capped
 * before parsing, so hostile input fails fast with {@link InvalidArticleException}.
 */
public final class JsonArticleParser {
    private static final int MAX_NESTING = 16;
    private static final int MAX_STRING_CHARS = 20_000_000;

    private final ObjectMapper mapper;

    public JsonArticleParser() {
        JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNumberLength(100)
                .build())
            .build();
        // One object per line: "{...} junk" is malformed, not an article followed by ignorable noise.
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public Article parse(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new InvalidArticleException("JSON over a size limit (nesting depth " + MAX_NESTING + ", string "
                + MAX_STRING_CHARS + " characters, number 100 digits): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        String url = text(node, "url", true);
        String id = text(node, "id", false);
        String outlet = text(node, "outlet", false);
        return Article.newBuilder()
            .setId(id != null ? id : ArticleIds.fromUrl(url))
            .setUrl(url)
            .setOutlet(outlet != null ? outlet : hostOf(url))
            .setLanguage(language(text(node, "language", false)))
            .setPublishedAt(instant(text(node, "published_at", true), "published_at"))
            .setFetchedAt(node.hasNonNull("fetched_at") ? instant(text(node, "fetched_at", true), "fetched_at") : null)
            .setTitle(orEmpty(text(node, "title", false)))
            .setBody(text(node, "body", true))
            .build();
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidArticleException("field '" + field + "' is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidArticleException("field '" + field + "' must be a string, got " + v.getNodeType());
        }
        String s = v.asText();
        if (required && s.isBlank()) {
            throw new InvalidArticleException("field '" + field + "' is empty");
        }
        return s;
    }

    private static String language(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        return dash > 0 ? c.substring(0, dash) : c;
    }

    /** ISO-8601 with an offset or Z; a local date-time or a bare date is taken as UTC. */
    static Instant instant(String text, String field) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other ISO forms
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException("field '" + field + "' is not an ISO-8601 time: '" + abbreviate(t) + "'");
        }
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(ArticleIds.canonicalUrl(url)).getHost();
            if (host != null) {
                return host;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        throw new InvalidArticleException("no outlet given and none can be read from url '" + abbreviate(url) + "'");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
