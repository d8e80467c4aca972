package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Containment and share of the longer text from a Jaccard similarity and two shingle counts. */
class SimilarityEstimateTest {
    private static final MinHasher HASHER = new MinHasher();

    @Test
    void fromTheExactJaccardTheSharedShinglesAreExact() {
        String story = "The river burst its banks after three days of rain and flooded the lower town, where the water"
            + " reached the roofs of the market stalls before the firemen could move the traders' goods to the school";
        String part = "the water reached the roofs of the market stalls before the firemen could move the traders' goods";
        Set<Long> a = HASHER.shingles(story);
        Set<Long> b = HASHER.shingles(part);
        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        SimilarityEstimate e = new SimilarityEstimate(HASHER.jaccard(story, part), a.size(), b.size());
        assertThat(e.sized()).isTrue();
        assertThat(e.shared()).isCloseTo(both.size(), within(1e-9));
        assertThat(e.containment()).isCloseTo((double) both.size() / b.size(), within(1e-9)).isEqualTo(1.0, within(1e-9));
        assertThat(e.shareOfLonger()).isCloseTo((double) both.size() / a.size(), within(1e-9)).isLessThan(0.6);
    }

    @Test
    void theFormulaForSetsOfKnownSize() {
        // |A| = 300, |B| = 100, 90 shared: union 310, J = 9/31.
        SimilarityEstimate e = new SimilarityEstimate(90.0 / 310, 300, 100);
        assertThat(e.shared()).isCloseTo(90, within(1e-9));
        assertThat(e.containment()).isCloseTo(0.9, within(1e-9));
        assertThat(e.shareOfLonger()).isCloseTo(0.3, within(1e-9));
        assertThat(new SimilarityEstimate(90.0 / 310, 100, 300)).as("symmetric")
            .satisfies(s -> assertThat(s.containment()).isCloseTo(0.9, within(1e-9)));
    }

    @Test
    void anEstimateBeyondWhatTheSizesAllowIsClamped() {
        // J = 0.5 is impossible for 100 and 1,000 shingles (at most 0.1): all of the shorter is shared, no more.
        SimilarityEstimate e = new SimilarityEstimate(0.5, 1_000, 100);
        assertThat(e.shared()).isEqualTo(100);
        assertThat(e.containment()).isEqualTo(1.0);
        assertThat(e.shareOfLonger()).isEqualTo(0.1);
    }

    @Test
    void anUnknownCountLeavesOnlyTheJaccardEstimate() {
        for (SimilarityEstimate e : new SimilarityEstimate[] {
            new SimilarityEstimate(0.7, 0, 120), new SimilarityEstimate(0.7, 120, 0)}) {
            assertThat(e.sized()).isFalse();
            assertThat(e.jaccard()).isEqualTo(0.7);
            assertThat(e.shared()).isNaN();
            assertThat(e.containment()).isNaN();
            assertThat(e.shareOfLonger()).isNaN();
        }
    }

    @Test
    void ofComparesTheSignatures() {
        long[] a = {1, 2, 3, 4};
        long[] b = {1, 2, 9, 9};
        assertThat(SimilarityEstimate.of(a, 40, b, 20)).isEqualTo(new SimilarityEstimate(0.5, 40, 20));
    }

    @Test
    void outOfRangeInputsAreRefused() {
        assertThatThrownBy(() -> new SimilarityEstimate(1.2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityEstimate(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityEstimate(0.5, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
