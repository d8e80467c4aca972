package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.testing.DriverHarness;

/**
 * Same-incident grouping over the sample feed against its truth, through the whole topology, at the default matching
 * thresholds and around them. A truth incident is <i>split</i> when its articles end in more than one incident; an
 * incident is <i>merged</i> when it holds articles of more than one truth incident. The figures printed here are
 * the measurement behind the defaults (README, "Incidents").
 */
class SampleFeedMatchingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(int incidents, int split, int merged) {}

    static Outcome run(Map<String, String> settings) throws IOException {
        JsonNode truth = JSON.readTree(Path.of("../data/sample-feed.truth.json").toFile());
        Map<String, String> labelOf = new HashMap<>();
        truth.get("incidents").forEach(t -> t.get("articles").forEach(a -> labelOf.put(a.asText(), t.get("label").asText())));
        Map<String, Incident> last = new LinkedHashMap<>();
        try (DriverHarness h = new DriverHarness(settings)) {
            for (String line : Files.readAllLines(Path.of("../data/sample-feed.jsonl"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                h.send(Article.newBuilder().setId(n.get("id").asText()).setUrl(n.get("url").asText())
                    .setOutlet(n.get("outlet").asText()).setLanguage(n.get("language").asText())
                    .setPublishedAt(Instant.parse(n.get("published_at").asText())).setTitle(n.get("title").asText())
                    .setBody(n.get("body").asText()).build());
            }
            h.incidents.readValuesToList().forEach(i -> last.put(i.getIncidentId(), i));
        }
        Map<String, Set<String>> incidentsOfLabel = new HashMap<>();
        int merged = 0;
        int live = 0;
        for (Incident i : last.values()) {
            if (i.getStatus() == IncidentStatus.merged) {
                continue;
            }
            live++;
            Set<String> labels = new HashSet<>();
            for (String article : i.getArticles()) {
                String label = labelOf.getOrDefault(article, "none");
                labels.add(label);
                incidentsOfLabel.computeIfAbsent(label, l -> new HashSet<>()).add(i.getIncidentId());
            }
            if (labels.size() > 1) {
                merged++;
            }
        }
        int split = (int) incidentsOfLabel.values().stream().filter(s -> s.size() > 1).count();
        return new Outcome(live, split, merged);
    }

    @Test
    void theDefaultsGroupEveryTruthIncidentIntoOneIncidentAndNoOther() throws IOException {
        assertThat(run(Map.of())).isEqualTo(new Outcome(7, 0, 0));
    }

    @Test
    void measureAroundTheDefaults() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String minScore : List.of("0.5", "1.0", "1.5", "1.75", "2.0")) {
            rows.add("match-min-score=" + minScore + " " + run(Map.of("match-min-score", minScore)));
        }
        for (String window : List.of("1", "3", "7")) {
            rows.add("match-window-days=" + window + " " + run(Map.of("match-window-days", window)));
        }
        for (String km : List.of("50", "250", "1000")) {
            rows.add("match-max-km=" + km + " " + run(Map.of("match-max-km", km)));
        }
        rows.add("match-min-score=0.5 match-max-km=1000 "
            + run(Map.of("match-min-score", "0.5", "match-max-km", "1000")));
        rows.add("match-min-score=0.1 match-max-km=1000 "
            + run(Map.of("match-min-score", "0.1", "match-max-km", "1000")));
        rows.forEach(System.out::println);
        // The knobs do something: demanding a near-perfect score splits incidents; a continent-wide radius with a loose
        // score merges the Tessit bombing (600 km away, same week) into the Macina ambush.
        assertThat(run(Map.of("match-min-score", "2.0")).split()).isPositive();
        assertThat(run(Map.of("match-min-score", "0.1", "match-max-km", "1000")).merged()).isPositive();
    }
}
