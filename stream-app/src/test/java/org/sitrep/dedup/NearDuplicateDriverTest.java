package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupBandEntry;
import org.sitrep.schema.NearDupSignature;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.DriverHarness;

/**
 * The near-duplicate stage in the whole topology (TopologyTestDriver), over articles of the sample feed and re-spins
 * of them: what becomes a {@code minhash} copy, what stays unique, in which order, and for how long.
 */
class NearDuplicateDriverTest {
    static final MinHasher HASHER = new MinHasher();
    static Map<String, Article> feed;

    @BeforeAll
    static void readFeed() throws IOException {
        feed = ArticleFile.inPublicationOrder(new ArticleSource(new ArticleValidator(1_000_000))
                .read(ClusterSession.repoFile("data/sample-feed.jsonl")))
            .stream().collect(Collectors.toMap(Article::getId, Function.identity()));
    }

    /**
     * What an aggregator makes of a wire story: the first 60 % of its paragraphs, a "Read also" line after the second,
     * advertising and newsletter lines at the end, its own headline, outlet and URL, published {@code later}. The
     * "Read also" links name the re-spin's id, so two re-spins of one story are not exact copies of each other.
     */
    static Article respin(Article original, String id, Duration later) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(original.getBody().split("\n\n")));
        List<String> kept = new ArrayList<>(paragraphs.subList(0, (int) Math.ceil(paragraphs.size() * 0.6)));
        kept.add(2, "Read also: Mali's transition authorities extend curfew in Mopti region (" + id + ")");
        kept.add("ADVERTISEMENT");
        kept.add("Subscribe to our newsletter for the latest news from the Sahel. Advertisement - continue reading below.");
        kept.add("Read also: Burkina Faso suspends two foreign broadcasters");
        return Article.newBuilder(original)
            .setId(id)
            .setUrl("https://aggregator.example/" + id)
            .setOutlet("Aggregator Daily")
            .setTitle("SHOCKING: soldiers die in Mali ambush, here is what we know")
            .setPublishedAt(original.getPublishedAt().plus(later))
            .setBody(String.join("\n\n", kept))
            .build();
    }

    static SimilarityEstimate estimate(Article a, Article b) {
        MinHasher.Sketch x = HASHER.sketch(a.getBody());
        MinHasher.Sketch y = HASHER.sketch(b.getBody());
        return SimilarityEstimate.of(x.signature(), x.shingles(), y.signature(), y.shingles());
    }

    @Test
    void aTruncatedReSpinWithReadAlsoAndAdLinesAndANewHeadlineIsAMinhashCopyOfTheWireStory() {
        Article wire = feed.get("a08");
        Article spun = respin(wire, "spun-a08", Duration.ofHours(3));
        SimilarityEstimate e = estimate(wire, spun);
        assertThat(e.jaccard()).as("the re-spin is no exact copy").isLessThan(1.0);
        double expected = e.containment();
        assertThat(expected).as("the re-spin is near").isGreaterThanOrEqualTo(NearDuplicateRule.DEFAULT_CONTAINMENT);
        try (DriverHarness h = new DriverHarness()) {
            h.send(wire);
            h.send(spun);

            List<ArticleCopy> copies = h.copies.readValuesToList();
            assertThat(copies).singleElement().satisfies(c -> {
                assertThat(c.getId()).isEqualTo("spun-a08");
                assertThat(c.getUrl()).isEqualTo("https://aggregator.example/spun-a08");
                assertThat(c.getOutlet()).isEqualTo("Aggregator Daily");
                assertThat(c.getCopyOf()).isEqualTo("a08");
                assertThat(c.getCopyOfUrl()).isEqualTo(wire.getUrl());
                assertThat(c.getMethod()).isEqualTo("minhash");
                assertThat(c.getSimilarityMeasure()).isEqualTo("containment");
                assertThat(c.getSimilarity()).isEqualTo(expected);
            });
            assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("a08");
            assertThat(h.reports.readValuesToList()).extracting(EventReport::getArticleId)
                .isNotEmpty().doesNotContain("spun-a08");
        }
    }

    @Test
    void exactCopiesKeepBodyHashAndReSpinsOfACopyPointToTheOriginal() {
        Article wire = feed.get("a12");
        Article syndicated = feed.get("a13"); // the truth's exact copy of a12
        Article spun = respin(syndicated, "spun-a13", Duration.ofHours(2));
        try (DriverHarness h = new DriverHarness()) {
            h.send(wire);
            h.send(syndicated);
            h.send(spun);
            Map<String, ArticleCopy> copies = h.copies.readKeyValuesToMap();
            assertThat(copies).containsOnlyKeys("a13", "spun-a13");
            assertThat(copies.get("a13").getMethod()).isEqualTo("body_hash");
            assertThat(copies.get("a13").getSimilarity()).isEqualTo(1.0);
            assertThat(copies.get("a13").getSimilarityMeasure()).isEqualTo("jaccard");
            assertThat(copies.get("spun-a13").getMethod()).isEqualTo("minhash");
            assertThat(copies.get("spun-a13").getCopyOf()).isEqualTo("a12");
            assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("a12");
        }
    }

    @Test
    void differentArticlesAboutTheSameEventAreNotCopies() {
        // Incident A of the truth: the wire story, the aggregator's paraphrase a19, and later reports in other words.
        List<Article> sameEvent = List.of(feed.get("a08"), feed.get("a12"), feed.get("a19"), feed.get("a22"), feed.get("a23"));
        try (DriverHarness h = new DriverHarness()) {
            sameEvent.forEach(h::send);
            assertThat(h.copies.isEmpty()).isTrue();
            assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("a08", "a12", "a19", "a22", "a23");
        }
        assertThat(estimate(feed.get("a12"), feed.get("a19")).containment()).as("a19 paraphrases a12")
            .isLessThan(NearDuplicateRule.DEFAULT_CONTAINMENT);
    }

    @Test
    void theSameFeedInAnyArrivalOrderGivesTheSameCopyDecisions() {
        Article wire = feed.get("a08");
        Article first = respin(wire, "spun-1", Duration.ofMinutes(20));
        Article second = respin(wire, "spun-2", Duration.ofMinutes(40));
        Article other = feed.get("a09");
        List<Article> inOrder = List.of(wire, other, first, second);
        List<Article> shuffled = List.of(second, first, other, wire); // the original arrives last

        Decisions expected = run(inOrder, "1h");
        assertThat(expected.copies()).extracting(ArticleCopy::getId, ArticleCopy::getCopyOf)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("spun-1", "a08"),
                org.assertj.core.groups.Tuple.tuple("spun-2", "a08"));
        assertThat(expected.unique()).containsExactly("a08", "a09");
        assertThat(run(shuffled, "1h")).isEqualTo(expected);
        assertThat(run(shuffled, "0s")).as("control: without the reorder buffers arrival order decides")
            .isNotEqualTo(expected);
    }

    record Decisions(List<String> unique, List<ArticleCopy> copies) {
    }

    static Decisions run(List<Article> arrival, String grace) {
        try (DriverHarness h = new DriverHarness(Map.of("reorder-grace", grace, "reorder-flush-after", "10m"))) {
            arrival.forEach(h::send);
            h.driver.advanceWallClockTime(Duration.ofMinutes(11)); // dedup buffer's tail
            h.driver.advanceWallClockTime(Duration.ofMinutes(11)); // near-duplicate buffer's tail
            List<ArticleCopy> copies = new ArrayList<>(h.copies.readValuesToList());
            copies.sort((x, y) -> x.getId().compareTo(y.getId()));
            return new Decisions(h.unique.readKeyValuesToList().stream().map(kv -> kv.key).toList(), copies);
        }
    }

    @Test
    void articlesOlderThanTheHorizonAreForgottenAndTheirReSpinsAreUnique() {
        Article wire = feed.get("a08");
        Instant t0 = wire.getPublishedAt();
        try (DriverHarness h = new DriverHarness(Map.of("dedup-horizon", "7d"))) {
            KeyValueStore<String, NearDupSignature> signatures = h.driver.getKeyValueStore(NearDuplicateStage.SIGNATURES_STORE);
            KeyValueStore<String, NearDupBand> bands = h.driver.getKeyValueStore(NearDuplicateStage.BANDS_STORE);
            h.send(wire);
            h.send(respin(wire, "within", Duration.ofDays(6)));
            assertThat(h.copies.readValuesToList()).singleElement()
                .satisfies(c -> assertThat(c.getCopyOf()).isEqualTo("a08"));
            assertThat(signatures.get("a08")).isNotNull();
            assertThat(signatures.get("within")).as("copies are not filed").isNull();
            assertThat(count(bands)).isEqualTo(MinHasher.DEFAULT_BANDS);

            // Eight days on, another story moves stream time past the horizon: the purge drops a08's entries.
            Article later = Article.newBuilder(feed.get("a20")).setPublishedAt(t0.plus(Duration.ofDays(8))).build();
            h.send(later);
            assertThat(signatures.get("a08")).isNull();
            assertThat(count(bands)).as("only the later story's bands").isEqualTo(MinHasher.DEFAULT_BANDS);

            h.send(respin(wire, "after", Duration.ofDays(8).plusHours(1)));
            assertThat(h.copies.readValuesToList()).isEmpty();
            assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("a08", "a20", "after");
        }
    }

    @Test
    void aReSpinBeyondTheHorizonIsUniqueEvenBeforeThePurgeRuns() {
        Article wire = feed.get("a08");
        try (DriverHarness h = new DriverHarness(Map.of("dedup-horizon", "7d"))) {
            h.send(wire);
            h.send(respin(wire, "late-spin", Duration.ofDays(7).plusMinutes(1)));
            assertThat(h.copies.isEmpty()).isTrue();
            assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("a08", "late-spin");
        }
    }

    @Test
    void theRuleIsMadeOfTheThreeSettings() {
        Article wire = feed.get("a08");
        Article plain = respin(wire, "spun", Duration.ofHours(1));
        // The aggregator's own paragraph (not furniture the cleaner drops): the containment is under 1.
        Article spun = Article.newBuilder(plain).setBody("Our correspondent in the region, who asked not to be named for"
            + " safety reasons, says travellers on the road between the two towns have been stopped and searched by"
            + " armed men every week since the start of the year.\n\n" + plain.getBody()).build();
        SimilarityEstimate e = estimate(wire, spun);
        assertThat(e.containment()).isBetween(NearDuplicateRule.DEFAULT_CONTAINMENT, 0.95);
        assertThat(e.shareOfLonger()).isBetween(NearDuplicateRule.DEFAULT_MIN_SHARE, 0.95);
        String aboveJaccard = String.valueOf(Math.min(1.0, e.jaccard() + 0.05));

        assertThat(copyOf(wire, spun, Map.of())).satisfies(c -> {
            assertThat(c.getSimilarityMeasure()).isEqualTo("containment");
            assertThat(c.getSimilarity()).isEqualTo(e.containment());
        });
        assertThat(copyOf(wire, spun, Map.of("near-dup-containment", String.valueOf(e.containment() + 0.05),
            "near-dup-threshold", aboveJaccard))).as("containment %.3f under the setting", e.containment()).isNull();
        assertThat(copyOf(wire, spun, Map.of("near-dup-min-share", String.valueOf(e.shareOfLonger() + 0.05),
            "near-dup-threshold", aboveJaccard))).as("share %.3f under the setting", e.shareOfLonger()).isNull();
        assertThat(copyOf(wire, spun, Map.of("near-dup-min-share", "1", "near-dup-threshold", String.valueOf(e.jaccard()))))
            .as("the Jaccard rule alone").satisfies(c -> {
                assertThat(c.getSimilarityMeasure()).isEqualTo("jaccard");
                assertThat(c.getSimilarity()).isEqualTo(e.jaccard());
            });
    }

    /** The copy record of {@code spun} after {@code wire} under these settings, or null when it is unique. */
    private static ArticleCopy copyOf(Article wire, Article spun, Map<String, String> settings) {
        try (DriverHarness h = new DriverHarness(settings)) {
            h.send(wire);
            h.send(spun);
            List<ArticleCopy> copies = h.copies.readValuesToList();
            assertThat(copies).hasSizeLessThanOrEqualTo(1);
            return copies.isEmpty() ? null : copies.get(0);
        }
    }

    @Test
    void theIndexIsWrittenToItsChangelogsSoARestartRestoresIt() {
        Article wire = feed.get("a08");
        try (DriverHarness h = new DriverHarness()) {
            h.send(wire);
            String app = h.config.applicationId();
            var signatures = h.driver.createOutputTopic(app + "-" + NearDuplicateStage.SIGNATURES_STORE + "-changelog",
                Serdes.String().deserializer(), h.serdes.nearDupSignature().deserializer()).readKeyValuesToList();
            var bands = h.driver.createOutputTopic(app + "-" + NearDuplicateStage.BANDS_STORE + "-changelog",
                Serdes.String().deserializer(), h.serdes.nearDupBand().deserializer()).readKeyValuesToList();
            assertThat(signatures).singleElement().satisfies(kv -> {
                assertThat(kv.key).isEqualTo("a08");
                assertThat(kv.value.getUrl()).isEqualTo(wire.getUrl());
                assertThat(kv.value.getPublishedAt()).isEqualTo(wire.getPublishedAt());
                assertThat(kv.value.getMinhash()).hasSize(MinHasher.DEFAULT_HASHES);
                assertThat(kv.value.getShingles()).isEqualTo(HASHER.sketch(wire.getBody()).shingles()).isPositive();
            });
            assertThat(bands).extracting(kv -> kv.key)
                .containsExactlyInAnyOrderElementsOf(HASHER.bandKeys(HASHER.signature(wire.getBody())));
            assertThat(bands).allSatisfy(kv -> assertThat(kv.value.getArticles())
                .containsExactly(new NearDupBandEntry("a08", wire.getPublishedAt())));
        }
    }

    static long count(KeyValueStore<String, ?> store) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }
}
