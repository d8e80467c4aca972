package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * MinHash + LSH near-duplicate detection: synthetic re-spins of sample-feed articles (truncated, "Read also" and
 * footer boilerplate added, headline changed) must match their original; distinct articles of the feed, including
 * other outlets' reports of the same incident and the aggregator re-spin a19, must not.
 */
class NearDuplicateTest {
    static final NearDuplicateRule RULE = NearDuplicateRule.DEFAULTS;
    private static final MinHasher HASHER = new MinHasher();

    static Map<String, JsonNode> feed() throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("../data/sample-feed.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                out.put(n.get("id").asText(), n);
            }
        }
        return out;
    }

    static Set<String> exactCopies() throws IOException {
        Set<String> out = new HashSet<>();
        new ObjectMapper().readTree(Path.of("../data/sample-feed.truth.json").toFile()).get("copies")
            .forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    /** Re-spins of a body: the first 60% of its paragraphs, "Read also" lines and a footer, both. */
    static List<String> respins(String body) {
        String[] paragraphs = body.split("\n\n");
        int keep = Math.max(1, (int) Math.ceil(paragraphs.length * 0.6));
        String truncated = String.join("\n\n", java.util.Arrays.copyOf(paragraphs, keep)) + " ...";
        List<String> withBoilerplate = new ArrayList<>(List.of(paragraphs));
        withBoilerplate.add(Math.min(2, withBoilerplate.size()), "Read also: Mali junta extends transition by two years");
        withBoilerplate.add("Read also: Sahel states leave ECOWAS\n\nSubscribe to our newsletter. Advertisement. "
            + "The views expressed in comments are those of their authors. (c) 2023 all rights reserved.");
        String boilerplate = String.join("\n\n", withBoilerplate);
        String both = "BREAKING - " + truncated + "\n\nRead also: Burkina junta suspends foreign media";
        return List.of(truncated, boilerplate, both);
    }

    @Test
    void signaturesAreDeterministicAndEstimateJaccard() {
        String a = "At least 12 Malian soldiers were killed on Tuesday in an ambush near Macina in central Mali officers said";
        String b = "At least 12 Malian soldiers were killed on Tuesday in an ambush near Ténenkou in central Mali residents said";
        assertThat(new MinHasher().signature(a)).isEqualTo(HASHER.signature(a));
        double exact = HASHER.jaccard(a, b);
        assertThat(MinHasher.similarity(HASHER.signature(a), HASHER.signature(b))).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.2));
        assertThat(MinHasher.similarity(HASHER.signature(a), HASHER.signature(a))).isEqualTo(1.0);
        assertThat(HASHER.bandKeys(HASHER.signature(a))).hasSize(MinHasher.DEFAULT_BANDS).doesNotHaveDuplicates();
    }

    @Test
    void reSpinsOfEveryFeedArticleAreFoundAndDistinctArticlesAreNot() throws IOException {
        Map<String, JsonNode> feed = feed();
        Set<String> copies = exactCopies();
        int respun = 0;
        int found = 0;
        int falsePositives = 0;
        List<String> wrong = new ArrayList<>();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, RULE, Duration.ofDays(7));
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        // The originals (exact copies are the exact fingerprint's job): none may match another.
        for (JsonNode n : feed.values()) {
            if (copies.contains(n.get("id").asText())) {
                continue;
            }
            var m = index.offer(n.get("id").asText(), t, n.get("body").asText());
            if (m.isPresent()) {
                falsePositives++;
                wrong.add(n.get("id").asText() + "~" + m.get().original().id() + " " + m.get().estimate());
            }
        }
        // Every re-spin must match its own original.
        for (JsonNode n : feed.values()) {
            String id = n.get("id").asText();
            if (copies.contains(id)) {
                continue;
            }
            for (String body : respins(n.get("body").asText())) {
                respun++;
                var m = index.offer(id + "-respin-" + respun, t.plusSeconds(respun), body);
                if (m.isPresent() && m.get().original().id().equals(id)) {
                    found++;
                } else {
                    wrong.add(id + " respin " + respun + " -> " + m.map(x -> x.original().id() + " " + x.similarity()).orElse("none"));
                }
            }
        }
        System.out.printf("near-duplicates by %s: %d/%d re-spins found, %d false positives among %d originals%n",
            RULE, found, respun, falsePositives, feed.size() - copies.size());
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(falsePositives).as("distinct feed articles matched: %s", wrong).isZero();
        assertThat((double) found / respun).as("recall on re-spins: %s", wrong).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theAggregatorReSpinA19IsNotACopyOfTheWireStoryA12() throws IOException {
        Map<String, JsonNode> feed = feed();
        String a12 = feed.get("a12").get("body").asText();
        String a19 = feed.get("a19").get("body").asText();
        double jaccard = HASHER.jaccard(a12, a19);
        MinHasher.Sketch x = HASHER.sketch(a12);
        MinHasher.Sketch y = HASHER.sketch(a19);
        SimilarityEstimate estimate = SimilarityEstimate.of(x.signature(), x.shingles(), y.signature(), y.shingles());
        System.out.printf("a19 vs a12: Jaccard %.3f, MinHash estimate %.3f, containment %.3f%n", jaccard,
            estimate.jaccard(), estimate.containment());
        // A paraphrase with its own wording: the truth counts it as its own report, and so does the rule.
        assertThat(RULE.judge(estimate)).isEmpty();
        assertThat(estimate.containment()).isLessThan(RULE.containment());
    }

    @Test
    void theIndexForgetsArticlesOlderThanTheHorizon() {
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, RULE, Duration.ofDays(7));
        String body = "At least 12 Malian soldiers were killed on Tuesday in an ambush near Macina in central Mali, officers said on condition of anonymity";
        Instant t0 = Instant.parse("2023-01-11T10:00:00Z");
        assertThat(index.offer("a", t0, body)).isEmpty();
        assertThat(index.offer("b", t0.plus(Duration.ofDays(2)), body + " Read also: more")).isPresent();
        assertThat(index.offer("c", t0.plus(Duration.ofDays(8)), body + " Read also: more")).isEmpty();
        int before = index.size();
        index.expire(t0.plus(Duration.ofDays(8)));
        assertThat(index.size()).isLessThan(before).isEqualTo(MinHasher.DEFAULT_BANDS);
    }
}
