package org.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sitrep.dedup.ContentFingerprint;
import org.sitrep.dedup.MinHasher;
import org.sitrep.extract.Extractor;
import org.sitrep.schema.Article;
import org.sitrep.schema.EventReport;

class ArticleGeneratorTest {
    static final List<ArticleGenerator.Generated> FEED = new ArticleGenerator(7).generate(2_000);

    @Test
    void sameSeedSameArticles() {
        assertThat(new ArticleGenerator(7).articles(300)).isEqualTo(new ArticleGenerator(7).articles(300));
        assertThat(new ArticleGenerator(8).articles(300)).isNotEqualTo(new ArticleGenerator(7).articles(300));
    }

    @Test
    void inPublicationOrderWithRealisticLengthsAndBothLanguages() {
        for (int i = 1; i < FEED.size(); i++) {
            assertThat(FEED.get(i).article().getPublishedAt()).isAfterOrEqualTo(FEED.get(i - 1).article().getPublishedAt());
        }
        double meanLength = FEED.stream().mapToInt(g -> g.article().getBody().length()).average().orElse(0);
        assertThat(meanLength).isBetween(2_000.0, 4_200.0);
        assertThat(FEED).anyMatch(g -> "fr".equals(g.article().getLanguage()))
            .anyMatch(g -> "en".equals(g.article().getLanguage()));
        assertThat(FEED.stream().map(g -> g.article().getId()).distinct().count()).isEqualTo(FEED.size());
    }

    @Test
    void theMixIsThere() {
        Map<String, Integer> kinds = new HashMap<>();
        FEED.forEach(g -> kinds.merge(g.kind(), 1, Integer::sum));
        assertThat(kinds.keySet()).containsExactlyInAnyOrder("report", "update", "copy", "distractor", "background");
        assertThat(kinds.get("copy")).isBetween(300, 700);
    }

    @Test
    void copiesHaveTheirOriginalsFingerprint() {
        Map<String, Integer> byFingerprint = new HashMap<>();
        FEED.forEach(g -> byFingerprint.merge(ContentFingerprint.of(g.article()), 1, Integer::sum));
        long copies = FEED.stream().filter(g -> g.kind().equals("copy")).count();
        assertThat(FEED.size() - byFingerprint.size()).isEqualTo(copies);
    }

    /**
     * Articles that are not copies read as different texts, as articles by different writers do: against the 40
     * articles before it in its language, almost none has even a third of its word 4-grams in common (estimated
     * Jaccard). Copies are the only near-duplicates, so the benchmark's dedup share is its share of copies.
     */
    @Test
    void articlesThatAreNotCopiesAreNotNearDuplicates() {
        MinHasher hasher = new MinHasher();
        Map<String, List<long[]>> recent = new HashMap<>();
        int pairs = 0;
        int similar = 0;
        for (ArticleGenerator.Generated g : FEED) {
            if (g.kind().equals("copy")) {
                continue;
            }
            long[] signature = hasher.signature(g.article().getBody());
            List<long[]> before = recent.computeIfAbsent(g.article().getLanguage(), k -> new java.util.ArrayList<>());
            for (long[] other : before) {
                double j = MinHasher.similarity(signature, other);
                pairs++;
                if (j >= 0.3) {
                    similar++;
                }
            }
            before.add(signature);
            if (before.size() > 40) {
                before.remove(0);
            }
        }
        assertThat(pairs).isGreaterThan(10_000);
        assertThat(similar).as("pairs of different articles with an estimated Jaccard of 0.3 or more, of %d", pairs)
            .isLessThan(pairs / 1000);
    }

    @Test
    void reportsGiveClaimsAndDistractorsDoNot() {
        Extractor extractor = new Extractor();
        int reports = 0;
        int withClaims = 0;
        int distractorClaims = 0;
        for (ArticleGenerator.Generated g : FEED.subList(0, 600)) {
            Article a = g.article();
            List<EventReport> found = extractor.extract(a);
            if (g.kind().equals("report") || g.kind().equals("update")) {
                reports++;
                if (!found.isEmpty() && !found.get(0).getClaims().isEmpty()) {
                    withClaims++;
                }
            } else if (g.kind().equals("distractor") || g.kind().equals("background")) {
                distractorClaims += found.stream().mapToInt(r -> r.getClaims().size()).sum();
            }
        }
        assertThat(withClaims).as("reports with claims of %d", reports).isGreaterThan(reports * 8 / 10);
        assertThat(distractorClaims).isZero();
    }
}
