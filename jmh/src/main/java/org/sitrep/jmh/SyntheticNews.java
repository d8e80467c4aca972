package org.sitrep.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic article bodies for the near-duplicate benchmark, as many as wanted without holding them: body
 * {@code n} is a function of {@code n}. Words follow a Zipf law (exponent 1) over a 50,000-word vocabulary, so
 * distinct articles share common shingles as real ones do ("said on condition of"); 250-600 words in paragraphs of
 * about 50; each of 200 outlets ends its articles with its own 40-word footer, so articles of one outlet also share
 * boilerplate (about 5 % of their shingles). Not language, but the same statistics for MinHash: what matters is how
 * many shingles two bodies share.
 */
final class SyntheticNews {
    static final int VOCABULARY = 50_000;
    static final int OUTLETS = 200;

    private final double[] cumulative = new double[VOCABULARY];
    private final String[] footers = new String[OUTLETS];

    SyntheticNews() {
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cumulative[i] /= sum;
        }
        for (int o = 0; o < OUTLETS; o++) {
            footers[o] = words(new SplittableRandom(0xF00_7E5L + o), 40);
        }
    }

    private String word(SplittableRandom r) {
        int i = Arrays.binarySearch(cumulative, r.nextDouble());
        return "w" + Integer.toString(i < 0 ? -i - 1 : i, 36);
    }

    private String words(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n * 6);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(word(r));
        }
        return sb.toString();
    }

    /** The paragraphs of body {@code n}, its outlet's footer last. */
    List<String> paragraphs(long n) {
        SplittableRandom r = new SplittableRandom(0x5175_4E45_5753L ^ (n * 0x9E37_79B9_7F4A_7C15L));
        int total = 250 + r.nextInt(351);
        List<String> out = new ArrayList<>();
        for (int left = total; left > 0; left -= 50) {
            out.add(words(r, Math.min(50, left)) + ".");
        }
        out.add(footers[(int) Math.floorMod(n, (long) OUTLETS)]);
        return out;
    }

    String body(long n) {
        return String.join("\n\n", paragraphs(n));
    }

    /** An aggregator's re-spin of body {@code n}: its first 60 % of paragraphs, "Read also" and ad lines. */
    String respin(long n) {
        List<String> p = paragraphs(n);
        List<String> kept = new ArrayList<>(p.subList(0, (int) Math.ceil(p.size() * 0.6)));
        kept.add(Math.min(2, kept.size()), "Read also: " + words(new SplittableRandom(n), 8));
        kept.add("Advertisement. Subscribe to our newsletter. Read also: " + words(new SplittableRandom(~n), 8));
        return String.join("\n\n", kept);
    }
}
