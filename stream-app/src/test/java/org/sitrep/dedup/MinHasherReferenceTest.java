package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.schema.Article;
import org.sitrep.testing.ClusterSession;

/**
 * Signatures are stored (near-duplicate state) and compared across versions, so {@link MinHasher} must give exactly
 * what it gave when it was written plainly: the reference below is that first implementation (boxed shingle set,
 * a string per shingle, {@code String.format} band keys). Every body of the generated feed, the sample feed and the
 * dev set, and awkward strings, must give the same signature, shingle count and band keys.
 */
class MinHasherReferenceTest {
    private static final org.sitrep.extract.TextCleaner CLEANER = new org.sitrep.extract.TextCleaner();

    @Test
    void signaturesCountsAndBandKeysAreThoseOfThePlainImplementation() throws Exception {
        List<String> bodies = new ArrayList<>(List.of("", " ", "--", "one", "two words", "three words here",
            "l'armée malienne a perdu quatorze soldats à Macina", "ＡＢＣ １２３ ﬁn Ⅳ ½",
            "\uD83D\uDE00 emoji and \uD801\uDC00 deseret letters in a sentence", "الجيش المالي قتل في كمين",
            "Read also: something else entirely\n\nThe real story of an ambush near Mopti, officials said on Monday.",
            "word ".repeat(3_000)));
        for (Article a : new ArticleGenerator(42).articles(400)) {
            bodies.add(a.getBody());
        }
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("data/sample-feed.jsonl", "data/devset/devset.jsonl")) {
            for (String line : Files.readAllLines(ClusterSession.repoFile(file))) {
                bodies.add(json.readTree(line).path("body").asText());
            }
        }
        MinHasher hasher = new MinHasher();
        MinHasher small = new MinHasher(3, 16, 4);
        for (String body : bodies) {
            Set<Long> shingles = referenceShingles(body, MinHasher.DEFAULT_SHINGLE);
            long[] expected = referenceMinima(shingles, hasher.hashes());
            MinHasher.Sketch sketch = hasher.sketch(body);
            assertThat(sketch.signature()).as(body).isEqualTo(expected);
            assertThat(sketch.shingles()).isEqualTo(shingles.size());
            assertThat(hasher.shingles(body)).isEqualTo(shingles);
            assertThat(hasher.bandKeys(expected)).isEqualTo(referenceBandKeys(expected, MinHasher.DEFAULT_BANDS,
                MinHasher.DEFAULT_ROWS));
            long[] smallExpected = referenceMinima(referenceShingles(body, 3), 64);
            assertThat(small.signature(body)).isEqualTo(smallExpected);
            assertThat(small.bandKeys(smallExpected)).isEqualTo(referenceBandKeys(smallExpected, 16, 4));
        }
    }

    private static Set<Long> referenceShingles(String body, int size) {
        String story = String.join("\n", CLEANER.paragraphs(body));
        String[] words = ContentFingerprint.normalise(story.isBlank() ? body : story).split(" ");
        Set<Long> out = new HashSet<>();
        if (words.length == 1 && words[0].isEmpty()) {
            return out;
        }
        int n = Math.max(1, words.length - size + 1);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(words.length, i + size); j++) {
                sb.append(words[j]).append(' ');
            }
            long h = 0xcbf2_9ce4_8422_2325L;
            for (byte c : sb.toString().getBytes(StandardCharsets.UTF_8)) {
                h ^= (c & 0xff);
                h *= 0x100_0000_01b3L;
            }
            out.add(h);
        }
        return out;
    }

    private static long[] referenceMinima(Set<Long> shingles, int hashes) {
        long[] seeds = new long[hashes];
        long s = 0x5369_7472_6570_4d48L;
        for (int i = 0; i < hashes; i++) {
            s = MinHasher.splitmix(s + i);
            seeds[i] = s;
        }
        long[] sig = new long[hashes];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long sh : shingles) {
            for (int i = 0; i < hashes; i++) {
                long h = MinHasher.splitmix(sh ^ seeds[i]);
                if (Long.compareUnsigned(h, sig[i]) < 0) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    private static List<String> referenceBandKeys(long[] signature, int bands, int rows) {
        List<String> keys = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            long h = 0xcbf2_9ce4_8422_2325L;
            for (int r = 0; r < rows; r++) {
                h = MinHasher.splitmix(h ^ signature[b * rows + r]);
            }
            keys.add(String.format("%02d-%016x", b, h));
        }
        return keys;
    }
}
