package org.sitrep.dedup;

/**
 * What a MinHash Jaccard estimate and the two shingle counts say about a pair of bodies. With A and B the two
 * shingle sets and J = |A∩B| / |A∪B|, the shared shingles are |A∩B| = J(|A| + |B|) / (1 + J) (from
 * |A∪B| = |A| + |B| - |A∩B|); the <em>containment</em> is the share of the shorter body's shingles found in the
 * other, |A∩B| / min(|A|, |B|), and the <em>share of the longer</em> is |A∩B| / max(|A|, |B|).
 *
 * <p>Containment tells a partial copy from a different text where Jaccard cannot: a re-spin keeping a third of its
 * original has J near 1/3 but containment near 1. Its error grows with the size ratio: dC/dJ = (|A| + |B|) /
 * ((1 + J)^2 min(|A|, |B|)), about 2.4 for a third of a text at J = 0.3, so the 0.041 standard error of J
 * (128 minima) becomes about 0.1.
 *
 * <p>A count of 0 means unknown (a signature stored before the counts were kept): only {@link #jaccard} is known.
 * Estimates are clamped to what sets of those sizes allow (|A∩B| ≤ min(|A|, |B|)). Pure.
 *
 * @param jaccard   the estimated Jaccard similarity, in [0, 1]
 * @param shinglesA the distinct shingles of one body, 0 if unknown
 * @param shinglesB the distinct shingles of the other, 0 if unknown
 */
public record SimilarityEstimate(double jaccard, int shinglesA, int shinglesB) {
    public SimilarityEstimate {
        if (!(jaccard >= 0 && jaccard <= 1) || shinglesA < 0 || shinglesB < 0) {
            throw new IllegalArgumentException("jaccard in [0, 1] and counts >= 0, got " + jaccard + ", " + shinglesA
                + ", " + shinglesB);
        }
    }

    /** The estimate for two signatures and their shingle counts. */
    public static SimilarityEstimate of(long[] signatureA, int shinglesA, long[] signatureB, int shinglesB) {
        return new SimilarityEstimate(MinHasher.similarity(signatureA, signatureB), shinglesA, shinglesB);
    }

    /** Both counts are known, so containment and share are. */
    public boolean sized() {
        return shinglesA > 0 && shinglesB > 0;
    }

    /** Estimated number of shingles the bodies share; NaN when not {@link #sized}. */
    public double shared() {
        if (!sized()) {
            return Double.NaN;
        }
        return Math.min(jaccard * (shinglesA + shinglesB) / (1 + jaccard), Math.min(shinglesA, shinglesB));
    }

    /** Estimated share of the shorter body's shingles found in the other, in [0, 1]; NaN when not {@link #sized}. */
    public double containment() {
        return shared() / Math.min(shinglesA, shinglesB);
    }

    /** Estimated share of the longer body's shingles found in the other, in [0, 1]; NaN when not {@link #sized}. */
    public double shareOfLonger() {
        return shared() / Math.max(shinglesA, shinglesB);
    }
}
