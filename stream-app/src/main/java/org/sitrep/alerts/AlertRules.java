package org.sitrep.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sitrep.api.IncidentFilter;
import org.sitrep.schema.Alert;
import org.sitrep.schema.AlertReason;
import org.sitrep.schema.Incident;

/**
 * The alert rules and their evaluation, pure: given an incident version, a rule and the figure at which the rule last
 * alerted on this incident (none yet: null), is there an alert? The first match alerts ({@code match}); after that
 * only an escalation does. A rules file is JSON (see {@code docs/API.md}):
 *
 * <pre>{@code
 * {"rules": [{"id": "sahel-large", "name": "Large attacks in central Mali",
 *             "countries": ["ML"], "area": {"min_lat": 12, "max_lat": 16, "min_lon": -6, "max_lon": -1},
 *             "types": ["ambush", "attack_on_base"], "min_killed": 10, "measure": "best",
 *             "actors": ["JNIM"], "escalation": {"rise_by": 10, "thresholds": [50, 100]}}]}
 * }</pre>
 */
public record AlertRules(List<AlertRule> rules) {
    public static final AlertRules NONE = new AlertRules(List.of());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "name", "countries", "admin1", "area", "types", "min_killed",
        "measure", "actors", "escalation");

    public AlertRules {
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (AlertRule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("duplicate rule id '" + r.id() + "'");
            }
        }
    }

    /** The alert for {@code incident} under {@code rule}, if any; {@code lastKilled}: the figure at its last alert. */
    public static Optional<Alert> evaluate(AlertRule rule, Incident incident, Integer lastKilled) {
        if (!rule.matches(incident)) {
            return Optional.empty();
        }
        int killed = rule.killed(incident);
        AlertReason reason;
        if (lastKilled == null) {
            reason = AlertReason.match;
        } else if (rule.escalated(lastKilled, killed)) {
            reason = AlertReason.escalation;
        } else {
            return Optional.empty();
        }
        String message = String.format("%s %s: %s in %s%s, %s %d killed (%s)%s", rule.name() == null ? rule.id() : rule.name(),
            reason == AlertReason.match ? "matched" : "escalated", incident.getEventType(), incident.getCountry(),
            incident.getAdmin1() == null ? "" : " " + incident.getAdmin1(), incident.getEventDate(), killed, rule.measure(),
            lastKilled == null ? "" : " (was " + lastKilled + ")");
        return Optional.of(Alert.newBuilder()
            .setAlertId(incident.getIncidentId() + "/" + rule.id() + "/" + incident.getVersion())
            .setRuleId(rule.id()).setRuleName(rule.name()).setReason(reason)
            .setIncidentId(incident.getIncidentId()).setIncidentVersion(incident.getVersion())
            .setEventType(incident.getEventType()).setCountry(incident.getCountry()).setAdmin1(incident.getAdmin1())
            .setPlaces(incident.getPlaces()).setActors(incident.getActors()).setEventDate(incident.getEventDate())
            .setKilledMeasure(rule.measure().name()).setKilled(killed)
            .setPreviousKilled(reason == AlertReason.escalation ? lastKilled : null)
            .setKilledBest(IncidentFilter.bestKilled(incident)).setKilledHigh(IncidentFilter.highKilled(incident))
            .setArticles(incident.getArticles().size()).setUpdatedAt(incident.getUpdatedAt())
            .setMessage(message)
            .build());
    }

    public static AlertRules read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read alert rules " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a rules document; unknown fields, types or measures fail with the rule's id in the message. */
    public static AlertRules parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("alert rules are not JSON: " + e.getMessage());
        }
        if (root == null || !root.path("rules").isArray()) {
            throw new IllegalArgumentException("alert rules: expected {\"rules\": [...]}");
        }
        List<AlertRule> out = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            String id = r.path("id").asText("");
            if (id.isBlank()) {
                throw new IllegalArgumentException("alert rule without an id: " + r);
            }
            r.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException("rule '" + id + "': unknown field '" + f + "'");
                }
            });
            try {
                Set<String> types = strings(r.path("types"));
                IncidentFilter.checkTypes(types);
                AlertRule.Area area = null;
                if (r.has("area")) {
                    JsonNode a = r.path("area");
                    area = new AlertRule.Area(num(a, "min_lat"), num(a, "max_lat"), num(a, "min_lon"), num(a, "max_lon"));
                }
                JsonNode esc = r.path("escalation");
                List<Integer> thresholds = new ArrayList<>();
                esc.path("thresholds").forEach(t -> thresholds.add(t.asInt()));
                out.add(new AlertRule(id, r.hasNonNull("name") ? r.path("name").asText() : null,
                    strings(r.path("countries")), strings(r.path("admin1")), area, types,
                    r.hasNonNull("min_killed") ? r.path("min_killed").asInt() : null,
                    r.hasNonNull("measure") ? AlertRule.Measure.valueOf(r.path("measure").asText()) : null,
                    new ArrayList<>(strings(r.path("actors"))),
                    esc.hasNonNull("rise_by") ? esc.path("rise_by").asInt() : null, thresholds));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule '" + id + "': " + e.getMessage());
            }
        }
        return new AlertRules(out);
    }

    private static double num(JsonNode n, String field) {
        if (!n.path(field).isNumber()) {
            throw new IllegalArgumentException("area needs a number " + field);
        }
        return n.path(field).asDouble();
    }

    private static Set<String> strings(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }
}
