package org.sitrep.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the pipeline made of each article, read from the {@code articles.jsonl} form that {@code process} writes
 * (one object per input line: {@code id}, {@code status}, {@code copy_of}, {@code incident_ids}, {@code reports}).
 */
public record Predictions(Map<String, Article> articles) {

    /** One article's fate: {@code status} is unique, copy or rejected. */
    public record Article(String id, String status, String copyOf, Set<String> incidentIds, List<Report> reports) {
        boolean isCopy() {
            return "copy".equals(status);
        }
    }

    public record Report(String eventType, LocalDate date, String country, String admin1, List<Claim> claims) {
    }

    public record Claim(String party, Integer killed, Integer injured, String claimantKind, String qualifier) {
    }

    public static Predictions read(Path articlesJsonl) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(articlesJsonl, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lines.add(mapper.readTree(line));
                }
            }
        }
        return of(lines);
    }

    /** From {@code articles.jsonl} objects; lines without an id (rejected before an id was known) are skipped. */
    public static Predictions of(List<? extends JsonNode> lines) {
        Map<String, Article> out = new LinkedHashMap<>();
        for (JsonNode n : lines) {
            String id = text(n, "id");
            if (id == null) {
                continue;
            }
            Set<String> incidents = new TreeSet<>();
            n.path("incident_ids").forEach(i -> incidents.add(i.asText()));
            List<Report> reports = new ArrayList<>();
            for (JsonNode r : n.path("reports")) {
                List<Claim> claims = new ArrayList<>();
                for (JsonNode c : r.path("claims")) {
                    claims.add(new Claim(text(c, "party"), count(c, "killed"), count(c, "injured"),
                        text(c, "claimant_kind"), text(c, "qualifier")));
                }
                String date = text(r, "event_date");
                reports.add(new Report(text(r, "event_type"), date == null ? null : LocalDate.parse(date),
                    text(r, "country"), text(r, "admin1"), List.copyOf(claims)));
            }
            out.put(id, new Article(id, text(n, "status"), text(n, "copy_of"), incidents, List.copyOf(reports)));
        }
        return new Predictions(out);
    }

    private static Integer count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
