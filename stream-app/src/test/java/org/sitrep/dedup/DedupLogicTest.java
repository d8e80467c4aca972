package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.article;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.Article;
import org.sitrep.schema.SeenArticle;

class DedupLogicTest {

    @Test
    void fingerprintIgnoresCaseWhitespacePunctuationAndUnicodeForm() {
        Article a = article("a", "2023-01-11T10:00:00Z", "At least 12 soldiers were killed, officers said.");
        Article b = article("b", "2023-01-11T11:00:00Z", "  AT LEAST 12 soldiers  were killed -- officers said ");
        Article c = article("c", "2023-01-11T11:00:00Z", "At least 14 soldiers were killed, officers said.");
        assertThat(ContentFingerprint.of(a)).isEqualTo(ContentFingerprint.of(b)).hasSize(32);
        assertThat(ContentFingerprint.of(a)).isNotEqualTo(ContentFingerprint.of(c));
        assertThat(ContentFingerprint.normalise("Se\u0301gou")).isEqualTo(ContentFingerprint.normalise("S\u00e9gou"));
    }

    @Test
    void aCopyWithinTheHorizonPointsToTheFirstArticle() {
        CopyDetector detector = new CopyDetector(Duration.ofDays(7));
        Article first = article("a", "2023-01-11T10:00:00Z", "body");
        SeenArticle seen = CopyDetector.seen(first);
        assertThat(detector.originalOf(article("b", "2023-01-13T10:00:00Z", "body"), seen)).isEqualTo(seen);
        assertThat(detector.originalOf(article("c", "2023-01-19T10:00:00Z", "body"), seen)).isNull();
        assertThat(detector.originalOf(first, null)).isNull();
    }

    @Test
    void aCopyDecisionDescribesBothArticles() {
        Article first = article("a", "2023-01-11T10:00:00Z", "body");
        Article copy = article("b", "2023-01-12T10:00:00Z", "body");
        var described = new DedupDecision(copy, CopyDetector.seen(first)).toCopy();
        assertThat(described.getId()).isEqualTo("b");
        assertThat(described.getCopyOf()).isEqualTo("a");
        assertThat(described.getCopyOfUrl()).isEqualTo(first.getUrl());
        assertThat(described.getMethod()).isEqualTo("body_hash");
        assertThat(described.getSimilarity()).isEqualTo(1.0);
        assertThat(described.getSimilarityMeasure()).isEqualTo("jaccard");
        assertThat(new DedupDecision(first, CopyDetector.seen(first)).toCopy().getMethod()).isEqualTo("same_id");
    }
}
