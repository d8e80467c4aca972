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
    void normalisationIsNfkcLowerCaseAndOneSpaceBetweenLettersAndDigits() throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("", " ", "--", "a", " a ", "x--y",
            "Se\u0301gou", "\uFB01n \u2163 \u00BD", "ＡＢＣ１２３", "l'arm\u00e9e malienne", "\u0130stanbul \u03A3\u039F\u03A3",
            "\uD83D\uDE00 emoji \uD801\uDC00 deseret", "\u0627\u0644\u062C\u064A\u0634 \u0627\u0644\u0645\u0627\u0644\u064A",
            "tab\tnew\nline\u00a0nbsp", "12 345,6 km\u00B2"));
        for (Article a : new org.sitrep.bench.ArticleGenerator(42).articles(300)) {
            texts.add(a.getBody());
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String file : java.util.List.of("data/sample-feed.jsonl", "data/devset/devset.jsonl")) {
            for (String line : java.nio.file.Files.readAllLines(org.sitrep.testing.ClusterSession.repoFile(file))) {
                texts.add(json.readTree(line).path("body").asText());
            }
        }
        for (String text : texts) {
            assertThat(ContentFingerprint.normalise(text)).as(text).isEqualTo(referenceNormalise(text));
        }
    }

    /** The definition, written plainly (the implementation before it was made cheaper): what normalise must return. */
    private static String referenceNormalise(String text) {
        String n = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                out.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
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
