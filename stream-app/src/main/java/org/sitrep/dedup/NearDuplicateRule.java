package org.sitrep.dedup;

import java.util.Optional;

/**
 * When an article is a near-duplicate of an earlier one, from their {@link SimilarityEstimate}. Pure.
 *
 * <ol>
 *   <li><b>Containment</b> (both shingle counts known): estimated containment at or above {@code containment}
 *       ({@code near-dup-containment}) <em>and</em> the shared shingles at least {@code minShare} of the longer body
 *       ({@code near-dup-min-share}). The verdict carries the containment.</li>
 *   <li><b>Jaccard</b>: otherwise, estimated Jaccard similarity at or above {@code jaccard}
 *       ({@code near-dup-threshold}), the rule before containment and the only one for a signature stored without
 *       its count. The verdict carries the Jaccard estimate.</li>
 * </ol>
 *
 * <p>Defaults, from the figures (docs/EVALUATION.md, MinHasher and SimilarityEstimate for the error):
 * <ul>
 *   <li>{@code containment} 0.6. A re-spin is the story it keeps plus what the text cleaner does not strip (a new
 *       lead, a source line): the dev set's 14 re-spins have exact containment 0.72 to 0.95, distinct articles at
 *       most 0.28 (0.12 in the sample feed), reports of one event included. 0.6 sits two standard errors (about 0.07
 *       at these sizes) under a re-spin that adds a quarter of its own and more than four over distinct reports.</li>
 *   <li>{@code minShare} 0.25: the guard against a short text whose words are mostly a long quoted communiqué
 *       (or boilerplate) that a longer, different story also quotes: its containment is high, but what it shares is
 *       a small part of the longer story. A re-spin keeps at least a third of its original, so 0.25 lies two
 *       standard errors of the share (about 0.035) under a third. Two articles that are both mostly one communiqué
 *       pass, and the later is called a copy: both carry little else.</li>
 *   <li>{@code jaccard} 0.5, as before. With the defaults the containment rule already takes every pair at J ≥ 0.5
 *       whose counts are known (containment ≥ 2J / (1 + J) = 0.67, share ≥ J / (1 + J) = 0.33).</li>
 * </ul>
 */
public record NearDuplicateRule(double jaccard, double containment, double minShare) {
    public static final double DEFAULT_JACCARD = 0.5;
    public static final double DEFAULT_CONTAINMENT = 0.6;
    public static final double DEFAULT_MIN_SHARE = 0.25;
    public static final NearDuplicateRule DEFAULTS = new NearDuplicateRule(DEFAULT_JACCARD, DEFAULT_CONTAINMENT,
        DEFAULT_MIN_SHARE);

    /** The measure a verdict's similarity is in, as written to {@code news.articles.copies}. */
    public enum Measure {
        JACCARD("jaccard"), CONTAINMENT("containment");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A near-duplicate verdict: the similarity that decided it, and in which measure. */
    public record Verdict(Measure measure, double similarity) {
    }

    public NearDuplicateRule {
        for (double d : new double[] {jaccard, containment, minShare}) {
            if (!(d > 0 && d <= 1)) {
                throw new IllegalArgumentException("thresholds must be in (0, 1], got " + jaccard + ", " + containment
                    + ", " + minShare);
            }
        }
    }

    /** A near-duplicate verdict for the pair, or empty when it is not one. */
    public Optional<Verdict> judge(SimilarityEstimate e) {
        if (e.sized() && e.containment() >= containment && e.shareOfLonger() >= minShare) {
            return Optional.of(new Verdict(Measure.CONTAINMENT, e.containment()));
        }
        if (e.jaccard() >= jaccard) {
            return Optional.of(new Verdict(Measure.JACCARD, e.jaccard()));
        }
        return Optional.empty();
    }
}
