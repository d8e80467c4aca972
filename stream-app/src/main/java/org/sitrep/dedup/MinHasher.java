package org.sitrep.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MinHash signatures of an article body over word shingles, and their LSH band keys, for near-duplicate detection
 * (re-spins that an exact fingerprint misses: truncation, added "Read also" lines, changed headlines).
 *
 * <p>The body is normalised as for the exact fingerprint ({@link ContentFingerprint#normalise}), split into words,
 * and every run of {@code shingle} consecutive words is hashed (64-bit FNV-1a). The signature holds, for each of
 * {@code bands * rows} seeded hash functions (splitmix64 of the shingle hash xor a seed), the minimum over the
 * shingles; the share of positions where two signatures agree estimates the Jaccard similarity of their shingle sets.
 * Band {@code i} is the {@code rows} values from position {@code i * rows}: two bodies share a band key with
 * probability {@code 1 - (1 - J^rows)^bands}, which makes candidate lookup sublinear (one key per band, no scan).
 * With 16 bands of 4 rows the lookup finds pairs at J = 0.5 with probability 0.65, at J = 0.7 with 0.998.
 *
 * <p>Pure and deterministic: the same body gives the same signature on every instance and every run.
 */
public final class MinHasher {
    public static final int DEFAULT_SHINGLE = 4;
    public static final int DEFAULT_BANDS = 16;
    public static final int DEFAULT_ROWS = 4;

    private final int shingle;
    private final int bands;
    private final int rows;
    private final long[] seeds;

    public MinHasher() {
        this(DEFAULT_SHINGLE, DEFAULT_BANDS, DEFAULT_ROWS);
    }

    public MinHasher(int shingle, int bands, int rows) {
        if (shingle < 1 || bands < 1 || rows < 1) {
            throw new IllegalArgumentException("shingle, bands and rows must be positive");
        }
        this.shingle = shingle;
        this.bands = bands;
        this.rows = rows;
        this.seeds = new long[bands * rows];
        long s = 0x5369_7472_6570_4d48L; // "SitrepMH": fixed, so signatures are stable across versions and instances
        for (int i = 0; i < seeds.length; i++) {
            s = splitmix(s + i);
            seeds[i] = s;
        }
    }

    /** Boilerplate a syndicator adds ("Read also" lines, ads, share prompts, comment footers) is not the story. */
    private static final org.sitrep.extract.TextCleaner CLEANER = new org.sitrep.extract.TextCleaner();

    /**
     * The shingle hashes of a body (empty for an empty body; one shingle when it has fewer words than the size). The
     * body is first cleaned as the extractor cleans it (HTML, "Read also"/"Lire aussi" lines, ads, share prompts,
     * copyright lines and everything from a comment or disclaimer footer on are dropped), so that an aggregator's
     * re-spin and its original are compared on the story they share, not on the aggregator's furniture.
     */
    Set<Long> shingles(String body) {
        String story = body == null ? "" : String.join("\n", CLEANER.paragraphs(body));
        String[] words = ContentFingerprint.normalise(story.isBlank() ? body : story).split(" ");
        Set<Long> out = new HashSet<>();
        if (words.length == 1 && words[0].isEmpty()) {
            return out;
        }
        int n = Math.max(1, words.length - shingle + 1);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(words.length, i + shingle); j++) {
                sb.append(words[j]).append(' ');
            }
            out.add(fnv1a(sb.toString()));
        }
        return out;
    }

    /** The signature of a body: {@code bands * rows} minima. */
    public long[] signature(String body) {
        long[] sig = new long[seeds.length];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long sh : shingles(body)) {
            for (int i = 0; i < seeds.length; i++) {
                long h = splitmix(sh ^ seeds[i]);
                if (Long.compareUnsigned(h, sig[i]) < 0) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** One key per band: band index and a hash of its rows, as text ({@code 07-1f3a...}). */
    public List<String> bandKeys(long[] signature) {
        List<String> keys = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            long h = 0xcbf2_9ce4_8422_2325L;
            for (int r = 0; r < rows; r++) {
                h = splitmix(h ^ signature[b * rows + r]);
            }
            keys.add(String.format("%02d-%016x", b, h));
        }
        return keys;
    }

    /** Estimated Jaccard similarity: the share of positions where the signatures agree. */
    public static double similarity(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures of different sizes");
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /** The exact Jaccard similarity of two bodies' shingle sets (for tests and measurement). */
    double jaccard(String a, String b) {
        Set<Long> x = shingles(a);
        Set<Long> y = shingles(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1.0;
        }
        Set<Long> inter = new HashSet<>(x);
        inter.retainAll(y);
        return (double) inter.size() / (x.size() + y.size() - inter.size());
    }

    static long fnv1a(String s) {
        long h = 0xcbf2_9ce4_8422_2325L;
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (c & 0xff);
            h *= 0x100_0000_01b3L;
        }
        return h;
    }

    static long splitmix(long x) {
        long z = x + 0x9e37_79b9_7f4a_7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
        return z ^ (z >>> 31);
    }
}
