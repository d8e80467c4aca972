package org.sitrep.evaluate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an analyst labelled in a feed: per article, the events it reports (with their incident label and casualty
 * claims) or the article it copies. The file format is documented in {@code docs/EVALUATION.md}; reports take the
 * incident's {@code event_type}, dates, country and admin1 unless they give their own.
 */
public record Labels(Map<String, Article> articles) {

    static final Set<String> PARTIES = Set.of("state_forces", "foreign_forces", "militants", "civilians", "unknown");
    static final Set<String> KINDS = Set.of("state", "armed_group", "anonymous_official", "local_source", "ngo_un", "media");
    static final Set<String> QUALIFIERS = Set.of("exact", "at_least", "about");

    /** One labelled article: a copy ({@code copyOf} set, no reports of its own) or an original with its reports. */
    public record Article(String id, String language, String copyOf, List<Report> reports) {
    }

    /** One event an article reports. Dates are inclusive; {@code dateEnd} equals {@code date} for a single day. */
    public record Report(String incident, String eventType, LocalDate date, LocalDate dateEnd, String country,
                         String admin1, List<String> admin1Alternatives, List<Claim> claims) {
    }

    /** One casualty figure as the article states it; {@code null} counts are not stated. */
    public record Claim(String party, Integer killed, Integer injured, Integer missing, String claimant,
                        String claimantKind, String qualifier) {
    }

    /** A labels file that cannot be used; the message names the article and field. */
    public static final class LabelsException extends IllegalArgumentException {
        LabelsException(String message) {
            super(message);
        }
    }

    public static Labels read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new ObjectMapper().readTree(in));
        }
    }

    public static Labels parse(String json) throws IOException {
        return parse(new ObjectMapper().readTree(json));
    }

    static Labels parse(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("articles").isObject()) {
            throw new LabelsException("labels: expected a JSON object with an \"articles\" object");
        }
        Map<String, JsonNode> incidents = new LinkedHashMap<>();
        root.path("incidents").fields().forEachRemaining(e -> incidents.put(e.getKey(), e.getValue()));
        Map<String, Article> articles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("articles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            articles.put(e.getKey(), article(e.getKey(), e.getValue(), incidents));
        }
        for (Article a : articles.values()) {
            if (a.copyOf() != null && !articles.containsKey(a.copyOf())) {
                throw new LabelsException("article " + a.id() + ": copy_of " + a.copyOf() + " is not a labelled article");
            }
        }
        return new Labels(Collections.unmodifiableMap(articles));
    }

    /** The original an article copies, following chains of copies; the article itself when it is no copy. */
    public String original(String id) {
        String current = id;
        for (int hops = 0; hops <= articles.size(); hops++) {
            Article a = articles.get(current);
            if (a == null || a.copyOf() == null) {
                return current;
            }
            current = a.copyOf();
        }
        throw new LabelsException("article " + id + ": copy_of forms a cycle");
    }

    /** The reports that count for an article: its own, or for a copy those of its original. */
    public List<Report> effectiveReports(String id) {
        Article a = articles.get(original(id));
        return a == null ? List.of() : a.reports();
    }

    private static Article article(String id, JsonNode n, Map<String, JsonNode> incidents) {
        if (!n.isObject()) {
            throw new LabelsException("article " + id + ": expected an object");
        }
        String copyOf = text(n, "copy_of");
        List<Report> reports = new ArrayList<>();
        JsonNode rs = n.path("reports");
        if (copyOf == null && !rs.isArray()) {
            throw new LabelsException("article " + id + ": needs \"reports\" (a list, empty for no event) or \"copy_of\"");
        }
        int k = 0;
        for (JsonNode r : rs) {
            reports.add(report(id + " report " + (++k), r, incidents));
        }
        return new Article(id, text(n, "language"), copyOf, List.copyOf(reports));
    }

    private static Report report(String where, JsonNode r, Map<String, JsonNode> incidents) {
        String incident = text(r, "incident");
        if (incident == null) {
            throw new LabelsException(where + ": \"incident\" is required");
        }
        JsonNode defaults = incidents.getOrDefault(incident, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        String type = textOr(r, defaults, "event_type");
        LocalDate date = date(where, textOr(r, defaults, "event_date"));
        if (date == null) {
            throw new LabelsException(where + ": no event_date, neither on the report nor on incident " + incident);
        }
        LocalDate end = date(where, textOr(r, defaults, "event_date_end"));
        if (end == null || end.isBefore(date)) {
            end = date;
        }
        List<String> alternatives = new ArrayList<>();
        JsonNode alt = r.has("admin1_alternatives") ? r.get("admin1_alternatives") : defaults.path("admin1_alternatives");
        alt.forEach(a -> alternatives.add(a.asText()));
        List<Claim> claims = new ArrayList<>();
        int k = 0;
        for (JsonNode c : r.path("claims")) {
            claims.add(claim(where + " claim " + (++k), c));
        }
        return new Report(incident, type, date, end, textOr(r, defaults, "country"), textOr(r, defaults, "admin1"),
            List.copyOf(alternatives), List.copyOf(claims));
    }

    private static Claim claim(String where, JsonNode c) {
        String party = oneOf(where, "party", text(c, "party"), PARTIES, true);
        Integer killed = count(where, c, "killed");
        Integer injured = count(where, c, "injured");
        Integer missing = count(where, c, "missing");
        if (killed == null && injured == null && missing == null) {
            throw new LabelsException(where + ": a claim needs killed, injured or missing");
        }
        return new Claim(party, killed, injured, missing, text(c, "claimant"),
            oneOf(where, "claimant_kind", text(c, "claimant_kind"), KINDS, false),
            oneOf(where, "qualifier", text(c, "qualifier"), QUALIFIERS, false));
    }

    private static String oneOf(String where, String field, String value, Set<String> allowed, boolean required) {
        if (value == null) {
            if (required) {
                throw new LabelsException(where + ": \"" + field + "\" is required");
            }
            return null;
        }
        if (!allowed.contains(value)) {
            throw new LabelsException(where + ": " + field + " \"" + value + "\" is not one of " + new java.util.TreeSet<>(allowed));
        }
        return value;
    }

    private static Integer count(String where, JsonNode c, String field) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw new LabelsException(where + ": " + field + " must be a whole number >= 0, not " + v);
        }
        return v.asInt();
    }

    private static LocalDate date(String where, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new LabelsException(where + ": \"" + value + "\" is not a date (YYYY-MM-DD)");
        }
    }

    private static String textOr(JsonNode first, JsonNode fallback, String field) {
        String v = text(first, field);
        return v != null ? v : text(fallback, field);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
