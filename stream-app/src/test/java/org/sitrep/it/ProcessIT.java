package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.App;
import org.sitrep.testing.ClusterSession;

/**
 * {@code sitrep process} over the bundled sample feed, end to end on the embedded broker and the real Apicurio
 * registry, checked against the feed's ground truth (data/sample-feed.truth.json).
 */
class ProcessIT {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path out;
    static int exitCode;
    static String console;
    static Map<String, JsonNode> articles = new HashMap<>();
    static Map<String, JsonNode> incidents = new HashMap<>();
    static JsonNode truth;

    @BeforeAll
    static void process() throws Exception {
        Path feed = ClusterSession.repoFile("data/sample-feed.jsonl");
        StringWriter text = new StringWriter();
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(text));
        exitCode = cli.execute("process", "--input", feed.toString(), "--out", out.toString());
        console = text.toString();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            articles.put(n.get("id").asText(), n);
        }
        for (String line : Files.readAllLines(out.resolve("incidents.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            incidents.put(n.get("incident_id").asText(), n);
        }
        truth = JSON.readTree(ClusterSession.repoFile("data/sample-feed.truth.json").toFile());
    }

    @Test
    void everyInputLineIsAccountedFor() {
        assertThat(exitCode).as(console).isZero();
        assertThat(articles).hasSize((int) lines(ClusterSession.repoFile("data/sample-feed.jsonl")));
        assertThat(console).contains("incidents ->");
    }

    @Test
    void copiesAreExactlyTheTruthsCopies() {
        Map<String, String> expected = new HashMap<>();
        truth.get("copies").forEach(c -> expected.put(c.get("id").asText(), c.get("copy_of").asText()));
        Map<String, String> actual = new HashMap<>();
        articles.forEach((id, a) -> {
            if (a.get("status").asText().equals("copy")) {
                actual.put(id, a.get("copy_of").asText());
            }
        });
        assertThat(actual).isEqualTo(expected);
        articles.forEach((id, a) -> assertThat(a.get("status").asText()).as(id).isIn("unique", "copy"));
    }

    @Test
    void articlesOfDifferentIncidentsNeverShareAnIncident() {
        Map<String, String> ownerOfIncident = new HashMap<>();
        for (JsonNode t : truth.get("incidents")) {
            for (JsonNode a : t.get("articles")) {
                for (JsonNode id : articles.get(a.asText()).get("incident_ids")) {
                    String previous = ownerOfIncident.putIfAbsent(id.asText(), t.get("label").asText());
                    assertThat(previous == null ? t.get("label").asText() : previous)
                        .as("incident %s holds articles of truth incidents %s and %s", id.asText(), previous, t.get("label").asText())
                        .isEqualTo(t.get("label").asText());
                }
            }
        }
    }

    @Test
    void eachTruthIncidentIsOneIncidentWithItsCountryAndDate() {
        for (JsonNode t : truth.get("incidents")) {
            Set<String> ids = new TreeSet<>();
            for (JsonNode a : t.get("articles")) {
                articles.get(a.asText()).get("incident_ids").forEach(id -> ids.add(id.asText()));
            }
            String label = t.get("label").asText();
            assertThat(ids).as("incidents of truth incident %s", label).hasSize(1);
            JsonNode incident = incidents.get(ids.iterator().next());
            assertThat(incident.get("country").asText()).as(label).isEqualTo(t.get("country").asText());
            assertThat(incident.get("event_date").asText()).as(label).isEqualTo(t.get("event_date").asText());
        }
    }

    @Test
    void theBackgroundArticleMakesNoIncident() {
        for (JsonNode id : truth.get("no_event")) {
            assertThat(articles.get(id.asText()).get("incident_ids")).as(id.asText()).isEmpty();
        }
    }

    @Test
    void theMaliAmbushIsReconciledFromEveryClaimant() {
        JsonNode a = incidentOf("A");
        assertThat(a.get("event_type").asText()).isEqualTo("ambush");
        JsonNode soldiers = a.get("casualties").get("state_forces").get("killed");
        assertThat(soldiers.get("best").asInt()).isEqualTo(14);
        // "at least 12" (anonymous officers) caps the floor; a local official's "une dizaine" may lower it.
        assertThat(soldiers.get("low").asInt()).isBetween(7, 12);
        assertThat(soldiers.get("high").asInt()).isEqualTo(14);
        assertThat(a.get("casualties").get("state_forces").get("injured").get("best").asInt()).isEqualTo(11);
        JsonNode militants = a.get("casualties").get("militants").get("killed");
        assertThat(militants.get("high").asInt()).isEqualTo(31);
        assertThat(a.get("casualties").get("foreign_forces").get("killed").get("best").isNull()).isTrue();

        Set<String> kinds = new HashSet<>();
        a.get("claims").forEach(c -> {
            kinds.add(c.get("claimant_kind").asText());
            assertThat(articles).containsKey(c.get("article_id").asText());
            assertThat(c.get("sentence").asText()).isNotBlank();
        });
        assertThat(kinds).contains("state", "anonymous_official", "armed_group");
        assertThat(a.get("claims")).anySatisfy(c -> {
            assertThat(c.get("claimant_kind").asText()).isEqualTo("armed_group");
            assertThat(c.get("party").asText()).isEqualTo("foreign_forces");
            assertThat(c.get("killed").asInt()).isEqualTo(5);
            assertThat(c.get("partisan").asBoolean()).isTrue();
        });
    }

    @Test
    void bestEstimatesFallWithinTheFiguresTheFeedStates() {
        int checked = 0;
        for (JsonNode t : truth.get("incidents")) {
            JsonNode incident = incidentOf(t.get("label").asText());
            var parties = t.get("killed").fields();
            while (parties.hasNext()) {
                var party = parties.next();
                JsonNode estimate = incident.get("casualties").path(party.getKey()).path("killed");
                if (estimate.isMissingNode() || estimate.isNull() || estimate.get("best").isNull()) {
                    continue;
                }
                assertThat(estimate.get("best").asInt()).as("%s %s best", t.get("label").asText(), party.getKey())
                    .isBetween(party.getValue().get("low").asInt(), party.getValue().get("high").asInt());
                checked++;
            }
        }
        assertThat(checked).as("estimates compared with the truth").isGreaterThanOrEqualTo(7);
    }

    @Test
    void incidentLinesCarryTheDocumentedFields() {
        for (JsonNode i : incidents.values()) {
            for (String field : List.of("incident_id", "event_type", "country", "admin1", "places", "event_date",
                "articles", "casualties", "claims")) {
                assertThat(i.has(field)).as("%s in %s", field, i.get("incident_id")).isTrue();
            }
        }
    }

    private static JsonNode incidentOf(String label) {
        for (JsonNode t : truth.get("incidents")) {
            if (t.get("label").asText().equals(label)) {
                String first = t.get("articles").get(0).asText();
                return incidents.get(articles.get(first).get("incident_ids").get(0).asText());
            }
        }
        throw new AssertionError("no truth incident " + label);
    }

    private static long lines(Path p) {
        try {
            return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
