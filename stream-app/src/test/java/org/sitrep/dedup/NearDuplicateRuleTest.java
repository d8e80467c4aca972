package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sitrep.dedup.NearDuplicateRule.Measure;

/** The near-duplicate decision on estimates: containment with its guard, else Jaccard. */
class NearDuplicateRuleTest {
    private static final NearDuplicateRule RULE = NearDuplicateRule.DEFAULTS;

    /** The estimate for sets of {@code a} and {@code b} shingles sharing {@code shared}. */
    static SimilarityEstimate sets(int a, int b, int shared) {
        return new SimilarityEstimate((double) shared / (a + b - shared), a, b);
    }

    @Test
    void aPartialCopyIsACopyByContainment() {
        // A third of a 300-shingle story plus a fifth of its own.
        assertThat(RULE.judge(sets(300, 125, 100))).get().satisfies(v -> {
            assertThat(v.measure()).isEqualTo(Measure.CONTAINMENT);
            assertThat(v.similarity()).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void eachConditionSeparatesJustOverFromJustUnder() {
        assertThat(RULE.judge(sets(240, 100, 61))).as("containment 0.61, share 0.254").get()
            .extracting(NearDuplicateRule.Verdict::measure).isEqualTo(Measure.CONTAINMENT);
        assertThat(RULE.judge(sets(240, 100, 59))).as("containment 0.59").isEmpty();
        assertThat(RULE.judge(sets(260, 100, 64))).as("containment 0.64, share 0.246").isEmpty();
        assertThat(RULE.judge(sets(260, 100, 66))).as("containment 0.66, share 0.254").isPresent();
    }

    @Test
    void aShortTextInsideAMuchLongerOneIsNoCopy() {
        // All of a 60-shingle statement inside a 400-shingle story: containment 1, share 0.15.
        assertThat(RULE.judge(sets(400, 60, 60))).isEmpty();
    }

    @Test
    void differentStoriesSharingAQuoteAreNoCopies() {
        // 90 shingles of a quoted statement in two stories of 240 and 260: containment 0.375.
        assertThat(RULE.judge(sets(260, 240, 90))).isEmpty();
    }

    @Test
    void withoutCountsOnlyJaccardDecides() {
        assertThat(RULE.judge(new SimilarityEstimate(0.49, 0, 100))).isEmpty();
        assertThat(RULE.judge(new SimilarityEstimate(0.5, 0, 100))).get().satisfies(v -> {
            assertThat(v.measure()).isEqualTo(Measure.JACCARD);
            assertThat(v.similarity()).isEqualTo(0.5);
        });
    }

    @Test
    void theJaccardRuleAppliesWhenContainmentFails() {
        NearDuplicateRule strict = new NearDuplicateRule(0.3, 0.95, 0.25);
        // Equal sizes, J = 0.4: containment 0.57, under 0.95; Jaccard 0.4 over 0.3.
        assertThat(strict.judge(sets(140, 140, 80))).get().satisfies(v -> {
            assertThat(v.measure()).isEqualTo(Measure.JACCARD);
            assertThat(v.similarity()).isEqualTo(80.0 / 200);
        });
    }

    @Test
    void withTheDefaultsEveryPairAtHalfJaccardIsAContainmentCopy() {
        for (int a = 20; a <= 2_000; a += 45) {
            for (int b = a; b <= 2_000; b += 45) {
                for (double j = 0.5; j <= 1.0; j += 0.05) {
                    if (j > (double) a / b) {
                        continue; // not a possible pair of sets
                    }
                    SimilarityEstimate e = new SimilarityEstimate(j, a, b);
                    assertThat(RULE.judge(e)).as("%s", e).get()
                        .extracting(NearDuplicateRule.Verdict::measure).isEqualTo(Measure.CONTAINMENT);
                }
            }
        }
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new NearDuplicateRule(0.5, 0, 0.25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateRule(0.5, 0.6, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateRule(Double.NaN, 0.6, 0.25)).isInstanceOf(IllegalArgumentException.class);
    }
}
