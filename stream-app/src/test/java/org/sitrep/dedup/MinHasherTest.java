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
}
