package org.sitrep.evaluate;

/** Precision, recall and F1 from true-positive, false-positive and false-negative counts (or from two ratios). */
public record Prf(double precision, double recall, long tp, long fp, long fn) {

    public static Prf ofCounts(long tp, long fp, long fn) {
        return new Prf(tp + fp == 0 ? 1.0 : (double) tp / (tp + fp), tp + fn == 0 ? 1.0 : (double) tp / (tp + fn), tp, fp, fn);
    }

    /** For averaged measures such as B-cubed, where there are no counts. */
    public static Prf ofRatios(double precision, double recall) {
        return new Prf(precision, recall, -1, -1, -1);
    }

    public double f1() {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    public boolean hasCounts() {
        return tp >= 0;
    }
}
