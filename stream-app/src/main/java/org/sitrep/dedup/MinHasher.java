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
 * and every run of {@code shingle} consecutive words is hashed (64-bit FNV-1a of the words' UTF-8 bytes, each word
 * followed by a space). The signature holds, for each of
 * {@code hashes} seeded hash functions (splitmix64 of the shingle hash xor a seed), the minimum over the shingles;
 * the share of positions where two signatures agree estimates the Jaccard similarity J of their shingle sets, with a
 * standard error of sqrt(J(1-J)/hashes): 0.041 at J = 0.3 with the default 128 (0.057 with 64). The seeds are a
 * fixed sequence, so position i is the same hash function whatever the signature's length: a shorter signature is a
 * prefix of a longer one (see {@link #similarity}). A {@link Sketch} adds the number of distinct shingles, which
 * with J gives the estimated containment ({@link SimilarityEstimate}).
 *
 * <p>Band {@code i} is the {@code rows} values from position {@code i * rows} (the first {@code bands * rows}
 * positions). Two bodies share at least one band key with probability {@code 1 - (1 - J^rows)^bands}, which makes
 * candidate lookup sublinear (one key per band, no scan). The default is 32 bands of 2 rows, chosen for partial
 * copies (a re-spin keeping a third to a half of its original has J of about 0.3 to 0.5). The chance that a pair is
 * a candidate, by layout:
 *
 * <pre>
 *   J                  0.05   0.10   0.20   0.25   0.30   0.35   0.40   0.50   0.70
 *   32 x 2 (default)  0.077  0.275  0.729  0.873  0.951  0.985  0.996  1.000  1.000
 *   16 x 4 (before)   0.000  0.002  0.025  0.061  0.122  0.215  0.340  0.644  0.988
 *   21 x 3            0.003  0.021  0.155  0.282  0.437  0.602  0.751  0.939  1.000
 *   64 x 2            0.148  0.474  0.927  0.984  0.998  1.000  1.000  1.000  1.000
 * </pre>
 * Only two rows find J = 0.3 pairs reliably; 32 bands of 2 find 95 % of them with 32 band reads per lookup (16
 * before), where 64 bands would find 99.8 % for 64 reads. The price of two rows is candidates that the decision then
 * rejects: pairs at J = 0.1 (two re-spins by one aggregator sharing its furniture) are read one time in four (one
 * signature read each). The bands use the first 64 positions; all 128 serve the estimate.
 *
 * <p>Pure and deterministic: the same body gives the same signature on every instance and every run.
 */
public final class MinHasher {
    public static final int DEFAULT_SHINGLE = 4;
    public static final int DEFAULT_HASHES = 128;
    public static final int DEFAULT_BANDS = 32;
    public static final int DEFAULT_ROWS = 2;

    /** A body's signature and its number of distinct shingles. */
    public record Sketch(long[] signature, int shingles) {
    }

    private final int shingle;
    private final int bands;
    private final int rows;
    private final long[] seeds;

    public MinHasher() {
        this(DEFAULT_SHINGLE, DEFAULT_HASHES, DEFAULT_BANDS, DEFAULT_ROWS);
    }

    /** A hasher whose signatures are exactly its bands' positions. */
    public MinHasher(int shingle, int bands, int rows) {
        this(shingle, bands * rows, bands, rows);
    }

    public MinHasher(int shingle, int hashes, int bands, int rows) {
        if (shingle < 1 || bands < 1 || rows < 1) {
            throw new IllegalArgumentException("shingle, bands and rows must be positive");
        }
        if (hashes < bands * rows) {
            throw new IllegalArgumentException("the bands need " + bands * rows + " hashes, got " + hashes);
        }
        this.shingle = shingle;
        this.bands = bands;
        this.rows = rows;
        this.seeds = new long[hashes];
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
        Set<Long> out = new HashSet<>();
        for (long h : distinctShingles(body)) {
            out.add(h);
        }
        return out;
    }

    /**
     * The distinct shingle hashes of a body, sorted: {@link #shingles} without boxing. The normalised text is encoded
     * to UTF-8 once; its words are the runs between single spaces (a space byte never occurs inside a multi-byte
     * character, and normalisation leaves no leading, trailing or doubled space), so a shingle is one contiguous run
     * of bytes, and its FNV-1a is taken over that run and the space the shingle string ended with.
     */
    long[] distinctShingles(String body) {
        String story = body == null ? "" : String.join("\n", CLEANER.paragraphs(body));
        String normalised = ContentFingerprint.normalise(story.isBlank() ? body : story);
        if (normalised.isEmpty()) {
            return new long[0];
        }
        byte[] utf8 = normalised.getBytes(StandardCharsets.UTF_8);
        int words = 1;
        for (byte c : utf8) {
            if (c == ' ') {
                words++;
            }
        }
        // starts[w] is where word w begins; starts[words] is one past the end, as if a space followed the last word,
        // so word w always ends at starts[w + 1] - 1.
        int[] starts = new int[words + 1];
        for (int i = 0, w = 1; i < utf8.length; i++) {
            if (utf8[i] == ' ') {
                starts[w++] = i + 1;
            }
        }
        starts[words] = utf8.length + 1;
        int n = Math.max(1, words - shingle + 1);
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            int end = starts[Math.min(words, i + shingle)] - 1;
            long h = FNV_OFFSET;
            for (int p = starts[i]; p < end; p++) {
                h = (h ^ (utf8[p] & 0xff)) * FNV_PRIME;
            }
            hashes[i] = (h ^ ' ') * FNV_PRIME;
        }
        java.util.Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[distinct - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return java.util.Arrays.copyOf(hashes, distinct);
    }

    /** The signature of a body: {@code hashes} minima. */
    public long[] signature(String body) {
        return minima(distinctShingles(body));
    }

    /** The signature of a body and its number of distinct shingles. */
    public Sketch sketch(String body) {
        long[] shingles = distinctShingles(body);
        return new Sketch(minima(shingles), shingles.length);
    }

    /** Number of hash functions: the length of a signature. */
    public int hashes() {
        return seeds.length;
    }

    /**
     * The unsigned minima, as signed minima of the values with the sign bit flipped. Each hash function's values are
     * first written to a scratch array by a loop with no branch, which the JIT can turn into vector instructions
     * (splitmix64 is shifts, xors and multiplications, lane by lane); the scan for the minimum that follows is cheap
     * beside it, as a new minimum is rare once the first few values are seen.
     */
    private long[] minima(long[] shingles) {
        long[] sig = new long[seeds.length];
        long[] values = new long[shingles.length];
        for (int i = 0; i < seeds.length; i++) {
            long seed = seeds[i];
            for (int j = 0; j < shingles.length; j++) {
                values[j] = splitmix(shingles[j] ^ seed) ^ Long.MIN_VALUE;
            }
            long min = Long.MAX_VALUE ^ Long.MIN_VALUE; // the starting minimum (what an empty body keeps), flipped
            for (long h : values) {
                if (h < min) {
                    min = h;
                }
            }
            sig[i] = min ^ Long.MIN_VALUE;
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
            keys.add(bandKey(b, h));
        }
        return keys;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code String.format("%02d-%016x", band, hash)}, without the formatter (64 keys per article). */
    static String bandKey(int band, long hash) {
        if (band > 99) {
            return String.format("%02d-%016x", band, hash);
        }
        char[] key = new char[19];
        key[0] = (char) ('0' + band / 10);
        key[1] = (char) ('0' + band % 10);
        key[2] = '-';
        for (int i = 0; i < 16; i++) {
            key[3 + i] = HEX[(int) (hash >>> (60 - 4 * i)) & 0xf];
        }
        return new String(key);
    }

    /**
     * Estimated Jaccard similarity: the share of positions where the signatures agree, over the positions both have
     * (a signature stored with fewer minima, by an earlier version, is the prefix of today's: same hash functions).
     */
    public static double similarity(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            throw new IllegalArgumentException("empty signature");
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / n;
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

    private static final long FNV_OFFSET = 0xcbf2_9ce4_8422_2325L;
    private static final long FNV_PRIME = 0x100_0000_01b3L;

    static long fnv1a(String s) {
        long h = FNV_OFFSET;
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (c & 0xff);
            h *= FNV_PRIME;
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
