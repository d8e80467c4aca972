package org.sitrep.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusteringTest {

    @Test
    void identicalClusteringsScoreOne() {
        Map<String, Set<String>> c = Map.of("a", Set.of("X"), "b", Set.of("X"), "c", Set.of("Y"), "d", Set.of("X", "Y"));
        assertThat(Clustering.pairwise(c, c).f1()).isEqualTo(1.0);
        assertThat(Clustering.bcubed(c, c).f1()).isEqualTo(1.0);
    }

    @Test
    void overMergingCostsPrecisionNotRecall() {
        Map<String, Set<String>> truth = Map.of("a", Set.of("X"), "b", Set.of("X"), "c", Set.of("Y"));
        Map<String, Set<String>> predicted = Map.of("a", Set.of("1"), "b", Set.of("1"), "c", Set.of("1"));

        Prf pairs = Clustering.pairwise(truth, predicted);
        assertThat(pairs.tp()).isEqualTo(1);
        assertThat(pairs.fp()).isEqualTo(2);
        assertThat(pairs.fn()).isZero();
        assertThat(pairs.precision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(pairs.recall()).isEqualTo(1.0);

        // a and b: 2 of the 3 items in their predicted cluster are right; c: 1 of 3.
        Prf b3 = Clustering.bcubed(truth, predicted);
        assertThat(b3.precision()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, within(1e-9));
        assertThat(b3.recall()).isEqualTo(1.0);
    }

    @Test
    void anItemLeftOutOfEveryClusterIsAloneNotAbsent() {
        Map<String, Set<String>> truth = Map.of("a", Set.of("X"), "b", Set.of("X"));
        Map<String, Set<String>> predicted = Map.of("a", Set.of("1"));

        Prf pairs = Clustering.pairwise(truth, predicted);
        assertThat(pairs.recall()).isZero();
        assertThat(pairs.fn()).isEqualTo(1);

        Prf b3 = Clustering.bcubed(truth, predicted);
        assertThat(b3.precision()).isEqualTo(1.0);
        assertThat(b3.recall()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void itemsInNoClusterOnEitherSideAreLeftOut() {
        Map<String, Set<String>> truth = Map.of("a", Set.of("X"), "b", Set.of("X"), "z", Set.of());
        Map<String, Set<String>> predicted = Map.of("a", Set.of("1"), "b", Set.of("1"), "z", Set.of());
        assertThat(Clustering.bcubed(truth, predicted).f1()).isEqualTo(1.0);
        assertThat(Clustering.pairwise(truth, predicted).tp()).isEqualTo(1);
    }

    @Test
    void anItemInTwoClustersIsPartlyRightWhenFoundInOne() {
        // d reports both X and Y; the prediction puts it with X only.
        Map<String, Set<String>> truth = Map.of("a", Set.of("X"), "c", Set.of("Y"), "d", Set.of("X", "Y"));
        Map<String, Set<String>> predicted = Map.of("a", Set.of("1"), "c", Set.of("2"), "d", Set.of("1"));
        Prf pairs = Clustering.pairwise(truth, predicted);
        assertThat(pairs.tp()).isEqualTo(1);
        assertThat(pairs.fn()).isEqualTo(1);
        assertThat(pairs.fp()).isZero();
        Prf b3 = Clustering.bcubed(truth, predicted);
        assertThat(b3.precision()).isEqualTo(1.0);
        // d with itself: min(1, 2) / 2 = 0.5; d-a: 1; d-c: 0 -> R(d) = 0.5; a: (1 + 1) / 2 = 1; c: (1 + 0) / 2 = 0.5.
        assertThat(b3.recall()).isCloseTo((1.0 + 0.5 + 0.5) / 3, within(1e-9));
    }
}
