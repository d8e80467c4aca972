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
        MinHasher hasher = new MinHasher();
        MinHasher small = new MinHasher(3, 16, 4);
        for (String body : bodies()) {
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

    /**
     * Layouts away from the default: one-word shingles (every word its own shingle, so a body shorter than the size
     * never arises), shingles longer than most short bodies, and more than 99 bands, where a band index needs three
     * digits and the key is no longer 19 characters.
     */
    @Test
    void otherShingleSizesAndThreeDigitBandsAreThoseOfThePlainImplementation() throws Exception {
        MinHasher single = new MinHasher(1, 64, 4, 1);
        MinHasher wide = new MinHasher(9, 16, 4);
        MinHasher manyBands = new MinHasher(2, 120, 1);
        for (String body : bodies()) {
            long[] singleExpected = referenceMinima(referenceShingles(body, 1), 64);
            assertThat(single.sketch(body).signature()).as(body).isEqualTo(singleExpected);
            assertThat(single.bandKeys(singleExpected)).isEqualTo(referenceBandKeys(singleExpected, 4, 1));
            Set<Long> wideShingles = referenceShingles(body, 9);
            MinHasher.Sketch wideSketch = wide.sketch(body);
            assertThat(wideSketch.signature()).as(body).isEqualTo(referenceMinima(wideShingles, 64));
            assertThat(wideSketch.shingles()).isEqualTo(wideShingles.size());
            long[] manyExpected = referenceMinima(referenceShingles(body, 2), 120);
            assertThat(manyBands.signature(body)).as(body).isEqualTo(manyExpected);
            assertThat(manyBands.bandKeys(manyExpected)).isEqualTo(referenceBandKeys(manyExpected, 120, 1));
        }
    }

    /**
     * The generated feed, the sample feed, the dev set, and strings chosen for the ways word boundaries and UTF-8 can
     * go wrong: nothing left after normalisation, fewer words than a shingle and exactly as many, runs of punctuation
     * and white space between words, accents, Arabic, compatibility forms, characters outside the Basic Multilingual
     * Plane (surrogate pairs, emoji with joiners and flags), lone surrogates, a body that is only boilerplate (the
     * cleaner keeps nothing and the raw body is used), HTML, and bodies longer than the cleaner keeps.
     */
    private static List<String> bodies() throws Exception {
        List<String> bodies = new ArrayList<>(List.of("", " ", "  \n\t ", "--", "...!?", "one", "two words",
            "three words here", "four words in all", "five words and no more", "  Leading, and trailing!  ",
            "x--y  z\t\tw\n\nv", "l'armée malienne a perdu quatorze soldats à Macina",
            "Élysée : « l’armée française n’a pas été visée », a déclaré le porte-parole à Ségou.",
            "ＡＢＣ １２３ ﬁn Ⅳ ½", "12 345,6 km² à 3h30", "Se\u0301gou et S\u00e9gou",
            "\uD83D\uDE00 emoji and \uD801\uDC00 deseret letters in a sentence", "الجيش المالي قتل في كمين",
            "هجوم على قاعدة عسكرية في شمال مالي أسفر عن مقتل عشرة جنود، حسب مصادر أمنية.",
            "attack \uD83D\uDCA5 near Gao \uD83C\uDDF2\uD83C\uDDF1 \uD83D\uDC68\u200D\uD83D\uDC69 on Monday",
            "lone \uD800 high and \uDC00 low surrogates between words", "mot\uD800mot mot\uDFFFmot fin de phrase",
            "北京 消息 今天 发生 了 地震", "İstanbul ΣΟΣ ΟΔΟΣ straße",
            "Read also: something else entirely\n\nThe real story of an ambush near Mopti, officials said on Monday.",
            "Read also: nothing but this line", "Advertisement",
            "<p>Gunmen <b>attacked</b> a village near Djibo &amp; killed 12.</p><p>Lire aussi : autre chose</p>",
            "word ".repeat(3_000)));
        List<Article> generated = new ArticleGenerator(42).articles(600);
        for (Article a : generated) {
            bodies.add(a.getBody());
        }
        StringBuilder longBody = new StringBuilder();
        for (int i = 0; longBody.length() < 150_000; i++) {
            longBody.append(generated.get(i).getBody()).append(' ').append(i).append("\n\n");
        }
        bodies.add(longBody.toString());
        bodies.add("é ü ß ç ñ ".repeat(5_000));
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("data/sample-feed.jsonl", "data/devset/devset.jsonl")) {
            for (String line : Files.readAllLines(ClusterSession.repoFile(file))) {
                bodies.add(json.readTree(line).path("body").asText());
            }
        }
        return bodies;
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
