package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Partial copies found by containment, and different stories that share a quoted statement left alone, on texts
 * written for this test (places and people are invented). Each pair goes through the index with the default rule:
 * the first text is filed, the second is judged against it.
 */
class ContainmentCopiesTest {
    static final MinHasher HASHER = new MinHasher();
    static final Instant T0 = Instant.parse("2024-03-07T08:00:00Z");

    /** A wire story of eight paragraphs, about 350 words. */
    static final String WIRE = """
        Gunmen on motorcycles attacked a weekly cattle market in the village of Kelbaye on Thursday morning, killing \
        at least 23 traders and herders, the prefect of the district told reporters in the regional capital on Friday.

        The attackers arrived shortly after nine o'clock, when the market was at its busiest, and fired on the crowd \
        for nearly an hour before setting fire to the stalls and driving several hundred head of cattle towards the \
        border, according to two witnesses reached by telephone.

        A nurse at the health centre in Dossore, some forty kilometres away, said eleven wounded people had been \
        brought in overnight by cart and on the backs of motorcycles, three of them with serious burns.

        No group has said it carried out the attack. The district has seen a rise in raids on markets and water \
        points since the end of the harvest, which local officials blame on fighters who come over the river to \
        collect what they call taxes.

        Soldiers from the nearby garrison reached Kelbaye in the early afternoon and began searching the surrounding \
        bush, the prefect said, adding that reinforcements had been requested from the capital.

        Residents said many families had left for Dossore and other larger towns on Friday, fearing that the gunmen \
        would come back. The weekly market, one of the largest in the district, draws buyers from three neighbouring \
        countries.

        Humanitarian agencies say more than 60,000 people have fled their homes in the district this year, and that \
        several schools and health posts have closed for lack of staff.

        The government declared a state of emergency in the region in March and extended a ban on motorcycle traffic \
        after dark, a measure traders say has crippled the local economy.""";

    /** A ministry statement of about 95 words, quoted in full by different stories. */
    static final String STATEMENT = """
        "In the early hours of Sunday, units of the defence and security forces conducting a sweep operation in the \
        Tamou sector were targeted by an armed terrorist group. The enemy suffered heavy losses, with several dozen \
        assailants neutralised and a large quantity of weapons, ammunition and motorcycles recovered. On our side, we \
        deplore seven soldiers killed and twelve wounded, who have been evacuated and are receiving care. The \
        operation continues in order to secure the area, and the population is asked to report any suspicious \
        movement to the nearest authorities," the ministry of defence said in a statement read on state television.""";

    static final String AMBUSH_REPORT = """
        Seven soldiers were killed and twelve wounded when an armed group attacked an army unit in the Tamou sector \
        in the south-west of the country early on Sunday, the defence ministry said.

        """ + STATEMENT + """


        A security source in the regional capital, speaking on condition of anonymity, said the unit had been hit by \
        a roadside bomb before coming under fire from dozens of fighters on motorcycles, and that the toll among the \
        soldiers could rise.

        The area around the Tamou reserve, a wildlife park on the border, has been the scene of repeated attacks on \
        troops and forest rangers since last year. Residents of two villages near the reserve said they had heard \
        gunfire and explosions for several hours before dawn.""";

    static final String DISPLACED_REPORT = """
        Hundreds of families from villages around the Tamou reserve have arrived in the town of Say over the past \
        three days, carrying what they could on carts and bicycles, after fighting between the army and an armed \
        group spread to their fields.

        Local officials in Say said about 2,400 people had registered at the town hall by Tuesday evening, most of \
        them women and children, and that a school and a mosque courtyard had been opened to shelter them.

        """ + STATEMENT + """


        A farmer from one of the villages said armed men had ordered residents to leave before the army's operation \
        began, and that several granaries had been burned. The regional governor visited the displaced on Tuesday \
        and promised food and blankets, but aid groups said water was already running short in the school.""";

    static String paragraphs(String text, int from, int to) {
        return String.join("\n\n", Arrays.copyOfRange(text.split("\n\n"), from, to));
    }

    /** The verdict on {@code second} after {@code first} was filed, with the estimate printed for the log. */
    static Optional<NearDuplicateIndex.Match> judge(String first, String second) {
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        assertThat(index.offer("first", T0, first)).isEmpty();
        return index.offer("second", T0.plus(Duration.ofHours(2)), second);
    }

    static SimilarityEstimate estimate(String a, String b) {
        MinHasher.Sketch x = HASHER.sketch(a);
        MinHasher.Sketch y = HASHER.sketch(b);
        return SimilarityEstimate.of(x.signature(), x.shingles(), y.signature(), y.shingles());
    }

    /** Asserts that {@code copy} is a containment copy of {@code original} that the Jaccard rule alone misses. */
    static void assertPartialCopy(String original, String copy) {
        SimilarityEstimate e = estimate(original, copy);
        assertThat(exactEstimate(original, copy).jaccard()).as("exact Jaccard").isLessThan(NearDuplicateRule.DEFAULT_JACCARD);
        assertThat(e.jaccard()).as("Jaccard alone would miss it: %s", e).isLessThan(NearDuplicateRule.DEFAULT_JACCARD);
        assertThat(judge(original, copy)).as("%s", e).get().satisfies(m -> {
            assertThat(m.original().id()).isEqualTo("first");
            assertThat(m.measure()).isEqualTo(NearDuplicateRule.Measure.CONTAINMENT);
            assertThat(m.similarity()).isEqualTo(e.containment()).isGreaterThanOrEqualTo(NearDuplicateRule.DEFAULT_CONTAINMENT);
        });
    }

    @Test
    void aTruncatedCopyIsACopy() {
        // The first two paragraphs and half a sentence of the third, as an aggregator cuts a story off.
        String truncated = paragraphs(WIRE, 0, 2) + "\n\nA nurse at the health centre in Dossore, some forty kilometres ...";
        assertPartialCopy(WIRE, truncated);
    }

    @Test
    void aCopyWithAdsAndReadAlsoLinesIsACopy() {
        String[] p = WIRE.split("\n\n");
        String spun = String.join("\n\n", p[0], "Read also: Floods cut the road to the regional capital", p[1],
            "ADVERTISEMENT", "Read also: Ten things to know about the dry season", p[3],
            "Subscribe to our newsletter for the latest news from the region.",
            "Post a Comment", "Comments are the views of our readers and not of this site.");
        assertPartialCopy(WIRE, spun);
        assertThat(HASHER.shingles(spun)).as("the furniture is not the story")
            .isEqualTo(HASHER.shingles(String.join("\n\n", p[0], p[1], p[3])));
    }

    @Test
    void aCopyWithANewLeadAndAThirdOfTheBodyIsACopy() {
        // The headline is not part of the body; the aggregator's own lead is, and it is no furniture.
        String spun = "At least 23 people were killed when armed men stormed a busy livestock market in the east of the"
            + " country on Thursday, the latest in a string of attacks on trading centres in the border area.\n\n"
            + paragraphs(WIRE, 1, 3) + "\n\n" + paragraphs(WIRE, 4, 5);
        SimilarityEstimate exact = exactEstimate(WIRE, spun);
        assertThat(exact.shareOfLonger()).as("about a third of the story").isBetween(0.3, 0.45);
        assertThat(exact.containment()).as("the new lead is about a fifth of it").isBetween(0.7, 0.9);
        assertPartialCopy(WIRE, spun);
    }

    @Test
    void twoStoriesQuotingTheSameLongStatementAreNotCopies() {
        SimilarityEstimate exact = exactEstimate(AMBUSH_REPORT, DISPLACED_REPORT);
        assertThat(exact.shared()).as("the statement's shingles, about 90").isGreaterThan(80);
        assertThat(judge(AMBUSH_REPORT, DISPLACED_REPORT)).as("%s", estimate(AMBUSH_REPORT, DISPLACED_REPORT)).isEmpty();
        assertThat(judge(DISPLACED_REPORT, AMBUSH_REPORT)).isEmpty();
    }

    @Test
    void aShortItemThatIsMostlyAStatementIsNoCopyOfALongStoryQuotingIt() {
        String item = "The defence ministry issued a statement on Sunday evening about the fighting in the Tamou sector."
            + "\n\n" + STATEMENT;
        String longStory = DISPLACED_REPORT + "\n\n" + paragraphs(WIRE, 3, 8) + "\n\n" + paragraphs(AMBUSH_REPORT, 2, 4);
        SimilarityEstimate e = estimate(item, longStory);
        // Containment alone would call the item a copy: the guard is what keeps it.
        assertThat(e.containment()).as("%s", e).isGreaterThanOrEqualTo(NearDuplicateRule.DEFAULT_CONTAINMENT);
        assertThat(e.shareOfLonger()).as("%s", e).isLessThan(NearDuplicateRule.DEFAULT_MIN_SHARE);
        assertThat(judge(longStory, item)).isEmpty();
        assertThat(judge(item, longStory)).as("nor the long story a copy of the item").isEmpty();
    }

    @Test
    void theEstimateOfAThirdOfTheStoryIsCloseToTheExactFigure() {
        String third = paragraphs(WIRE, 0, 3);
        SimilarityEstimate exact = exactEstimate(WIRE, third);
        SimilarityEstimate e = estimate(WIRE, third);
        assertThat(exact.containment()).isEqualTo(1.0);
        // Three standard errors of the Jaccard estimate with 128 minima, carried through dC/dJ.
        double sigmaJ = Math.sqrt(exact.jaccard() * (1 - exact.jaccard()) / MinHasher.DEFAULT_HASHES);
        assertThat(e.jaccard()).isCloseTo(exact.jaccard(), org.assertj.core.data.Offset.offset(3 * sigmaJ));
        assertThat(e.shareOfLonger()).isCloseTo(exact.shareOfLonger(), org.assertj.core.data.Offset.offset(3 * sigmaJ));
    }

    /** The estimate the exact Jaccard similarity gives: the true containment and share. */
    static SimilarityEstimate exactEstimate(String a, String b) {
        return new SimilarityEstimate(HASHER.jaccard(a, b), HASHER.shingles(a).size(), HASHER.shingles(b).size());
    }
}
