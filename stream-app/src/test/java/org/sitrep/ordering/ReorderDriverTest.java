package org.sitrep.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.DriverHarness;
import org.sitrep.testing.Fixtures;
import org.sitrep.testing.Shuffles;
import org.sitrep.topology.SitrepTopology;

/** The event-time reorder buffers in the whole topology (TopologyTestDriver). */
class ReorderDriverTest {
    static final String TEXT_A = "Gunmen killed five villagers in Mopti region on Monday, local officials said.";
    static final String TEXT_B = "A roadside bomb killed three soldiers near Gao on Monday, the army said.";
    static final String TEXT_C = "Al-Shabaab fighters attacked a base in Hiraan on Monday, officials said.";
    static final String TEXT_D = "Boko Haram insurgents raided a village near Maiduguri overnight, residents said.";

    @Test
    void recordsWaitUntilStreamTimePassesTheGraceThenLeaveInPublicationOrder() {
        try (DriverHarness h = new DriverHarness(Map.of("reorder-grace", "1h", "reorder-flush-after", "10m"))) {
            h.send(Fixtures.article("b", "2023-01-10T10:30:00Z", TEXT_B));
            h.send(Fixtures.article("a", "2023-01-10T10:00:00Z", TEXT_A));
            assertThat(keys(h)).as("stream time 10:30 has not passed 10:00 + 1h").isEmpty();
            h.send(Fixtures.article("c", "2023-01-10T11:05:00Z", TEXT_C));
            assertThat(keys(h)).as("stream time 11:05 releases up to 10:05").containsExactly("a");
            h.driver.advanceWallClockTime(Duration.ofMinutes(9));
            assertThat(keys(h)).as("not idle long enough").isEmpty();
            h.driver.advanceWallClockTime(Duration.ofMinutes(2));
            // The dedup buffer's idle flush hands b and c to the near-duplicate stage's buffer with the dedup task's
            // watermark (released up to 11:05), so that buffer releases them at once rather than after its own wait.
            assertThat(keys(h)).as("idle flush, in order").containsExactly("b", "c");
            // (A distinct text: TEXT_A plus a word would now be a near-duplicate of a.)
            h.send(Fixtures.article("late", "2023-01-10T09:00:00Z", TEXT_D));
            assertThat(keys(h)).as("too late to be put in its place: processed at once").containsExactly("late");
        }
    }

    @Test
    void theFirstPublishedCopyIsTheOriginalWhicheverArrivesFirst() {
        try (DriverHarness h = new DriverHarness(Map.of("reorder-grace", "1h", "reorder-flush-after", "10m"))) {
            h.send(Fixtures.article("syndicated", "2023-01-10T10:20:00Z", TEXT_A));
            h.send(Fixtures.article("wire", "2023-01-10T10:00:00Z", TEXT_A));
            h.driver.advanceWallClockTime(Duration.ofMinutes(11)); // dedup buffer's idle flush
            h.driver.advanceWallClockTime(Duration.ofMinutes(11)); // near-duplicate buffer's idle flush
            assertThat(keys(h)).containsExactly("wire");
            assertThat(h.copies.readValuesToList()).singleElement().satisfies(c -> {
                assertThat(c.getId()).isEqualTo("syndicated");
                assertThat(c.getCopyOf()).isEqualTo("wire");
            });
        }
        try (DriverHarness h = new DriverHarness(Map.of("reorder-grace", "0s"))) {
            h.send(Fixtures.article("syndicated", "2023-01-10T10:20:00Z", TEXT_A));
            h.send(Fixtures.article("wire", "2023-01-10T10:00:00Z", TEXT_A));
            assertThat(keys(h)).as("without the buffer, arrival order decides").containsExactly("syndicated");
        }
    }

    @Test
    void theSampleFeedShuffledWithinTheGraceGivesTheSameIncidents() throws Exception {
        List<Article> inOrder = ArticleFile.inPublicationOrder(new ArticleSource(new ArticleValidator(1_000_000))
            .read(ClusterSession.repoFile("data/sample-feed.jsonl")));
        List<Article> shuffled = Shuffles.withinGrace(inOrder, Duration.ofDays(1), 42);
        assertThat(Shuffles.inversions(shuffled)).as("the shuffle moves articles").isGreaterThan(5);

        Map<String, List<Incident>> expected = run(inOrder, "1d");
        assertThat(expected).isNotEmpty();
        assertThat(run(shuffled, "1d")).isEqualTo(expected);
        assertThat(run(shuffled, "0s")).as("control: without reordering the shuffle changes the incidents").isNotEqualTo(expected);
    }

    @Test
    void watermarkMarkersStayOnTheRepartitionTopics() throws Exception {
        List<Article> shuffled = Shuffles.withinGrace(ArticleFile.inPublicationOrder(new ArticleSource(
            new ArticleValidator(1_000_000)).read(ClusterSession.repoFile("data/sample-feed.jsonl"))), Duration.ofDays(1), 42);
        try (DriverHarness h = new DriverHarness(Map.of("reorder-grace", "1d", "reorder-flush-after", "1m"))) {
            shuffled.forEach(h::send);
            for (int i = 0; i < 3; i++) {
                h.driver.advanceWallClockTime(Duration.ofMinutes(2));
            }
            List<String> keys = new ArrayList<>();
            h.unique.readKeyValuesToList().forEach(kv -> keys.add(kv.key));
            h.copies.readKeyValuesToList().forEach(kv -> keys.add(kv.key));
            h.reports.readKeyValuesToList().forEach(kv -> keys.add(kv.key));
            h.incidents.readKeyValuesToList().forEach(kv -> {
                keys.add(kv.key);
                assertThat(kv.value).as("no null value published").isNotNull();
            });
            assertThat(keys).isNotEmpty().noneMatch(k -> k.startsWith(WatermarkMarkers.KEY_PREFIX));
            // Markers have no value, so the Avro serdes write no schema id for them: only the topology's own subjects.
            Set<String> expected = new TreeSet<>();
            SitrepTopology.valueSerdesByTopic(h.serdes, h.config.applicationId()).forEach((t, serde) -> expected.add(serde.subject(t)));
            assertThat(h.registry.subjects()).isSubsetOf(expected);
        }
    }

    static List<String> keys(DriverHarness h) {
        return h.unique.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    /** Every version of every incident, by incident id, in version order. */
    static Map<String, List<Incident>> run(List<Article> order, String grace) {
        try (DriverHarness h = new DriverHarness(Map.of("reorder-grace", grace, "reorder-flush-after", "1m"))) {
            order.forEach(h::send);
            h.driver.advanceWallClockTime(Duration.ofMinutes(2)); // dedup tail
            h.driver.advanceWallClockTime(Duration.ofMinutes(2)); // near-duplicate tail
            h.driver.advanceWallClockTime(Duration.ofMinutes(2)); // incidents tail
            Map<String, List<Incident>> versions = new TreeMap<>();
            h.incidents.readValuesToList().forEach(i -> versions.computeIfAbsent(i.getIncidentId(), k -> new ArrayList<>()).add(i));
            return versions;
        }
    }
}
