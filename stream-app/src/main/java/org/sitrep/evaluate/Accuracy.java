package org.sitrep.evaluate;

/** A share of correct answers; {@code total} 0 means nothing was there to judge. */
public record Accuracy(long correct, long total) {

    public static final Accuracy NONE = new Accuracy(0, 0);

    public double value() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    public Accuracy plus(boolean right) {
        return new Accuracy(correct + (right ? 1 : 0), total + 1);
    }
}
