package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shingles are taken from the story, not from what an aggregator wraps around it. Text written for this test. */
class MinHasherTest {
    private static final String STORY = "Gunmen on motorbikes attacked a market town in the north of the country on Sunday, "
        + "killing at least twelve traders, a local official said.\n\n"
        + "The attackers set fire to stalls and drove off with cattle before troops arrived from the district capital.\n\n"
        + "No group has claimed the attack, the third on a market in the area since the rainy season began.";

    @Test
    void aggregatorFurnitureDoesNotChangeTheShingles() {
        String respin = "Read also: Ten things to know about the rainy season\n\n" + STORY
            + "\n\nAdvertisement\n\nRead also: Floods cut the main road\n\nPost a Comment\n\nComments are the views of readers.";
        MinHasher hasher = new MinHasher();
        assertThat(hasher.shingles(respin)).isEqualTo(hasher.shingles(STORY));
        assertThat(hasher.signature(respin)).isEqualTo(hasher.signature(STORY));
    }

    @Test
    void aBodyThatIsAllFurnitureStillHasShingles() {
        assertThat(new MinHasher().shingles("Advertisement")).isNotEmpty();
        assertThat(new MinHasher().shingles("")).isEmpty();
    }

    @Test
    void aSketchCountsTheDistinctShingles() {
        MinHasher hasher = new MinHasher();
        MinHasher.Sketch sketch = hasher.sketch(STORY);
        assertThat(sketch.shingles()).isEqualTo(hasher.shingles(STORY).size()).isGreaterThan(50);
        assertThat(sketch.signature()).hasSize(MinHasher.DEFAULT_HASHES).isEqualTo(hasher.signature(STORY));
        assertThat(hasher.sketch("").shingles()).isZero();
    }

    @Test
    void theSignatureOfTheLayoutBeforeIsThePrefixOfTodaysAndComparesWithIt() {
        long[] before = new MinHasher(MinHasher.DEFAULT_SHINGLE, 16, 4).signature(STORY);
        long[] today = new MinHasher().signature(STORY);
        assertThat(before).hasSize(64).isEqualTo(java.util.Arrays.copyOf(today, 64));
        assertThat(MinHasher.similarity(before, today)).isEqualTo(1.0);
        long[] other = new MinHasher().signature("A different story about a flood that cut the main road for a week");
        assertThat(MinHasher.similarity(before, other)).isEqualTo(MinHasher.similarity(java.util.Arrays.copyOf(today, 64),
            java.util.Arrays.copyOf(other, 64)));
    }

    @Test
    void thirtyTwoBandsOfTwoRowsOverTheFirstSixtyFourMinima() {
        MinHasher hasher = new MinHasher();
        long[] sig = hasher.signature(STORY);
        java.util.List<String> keys = hasher.bandKeys(sig);
        assertThat(keys).hasSize(32).doesNotHaveDuplicates();
        long[] changed = sig.clone();
        changed[5] ^= 1; // position 5: row 1 of band 2
        java.util.List<String> after = hasher.bandKeys(changed);
        for (int b = 0; b < 32; b++) {
            assertThat(after.get(b).equals(keys.get(b))).as("band %d", b).isEqualTo(b != 2);
        }
        long[] beyond = sig.clone();
        beyond[64] ^= 1; // estimate-only positions do not make band keys
        assertThat(hasher.bandKeys(beyond)).isEqualTo(keys);
    }

    @Test
    void tooFewHashesForTheBandsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MinHasher(4, 60, 32, 2))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
