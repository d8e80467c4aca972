package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiteralAutomatonTest {

    private static List<String> found(LiteralAutomaton a, String text) {
        long[] bits = a.find(text);
        List<String> out = new ArrayList<>();
        for (int n = 0; n < a.size(); n++) {
            if ((bits[n >>> 6] & (1L << (n & 63))) != 0) {
                out.add(a.string(n));
            }
        }
        return out;
    }

    @Test
    void findsEveryStringTheTextContainsOverlappingOrInsideAnother() {
        LiteralAutomaton a = new LiteralAutomaton(List.of("he", "she", "his", "hers", "e", "army", "arm", "\u00e9t\u00e9"));
        assertThat(found(a, "ushers")).containsExactlyInAnyOrder("he", "she", "hers", "e");
        assertThat(found(a, "the army")).containsExactlyInAnyOrder("he", "e", "army", "arm");
        assertThat(found(a, "ont \u00e9t\u00e9 tu\u00e9s")).containsExactly("\u00e9t\u00e9");
        assertThat(found(a, "")).isEmpty();
        assertThat(found(a, "xyz")).isEmpty();
    }

    @Test
    void numbersItsStrings() {
        LiteralAutomaton a = new LiteralAutomaton(List.of("said", "told", "said"));
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.string(a.number("told"))).isEqualTo("told");
        assertThat(a.number("asked")).isEqualTo(-1);
    }

    /** Random strings over a small alphabet (with a non-ASCII letter), checked against String.contains. */
    @Test
    void agreesWithContainsOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ab c\u00e9";
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            strings.add(randomString(random, alphabet, 1 + random.nextInt(5)));
        }
        LiteralAutomaton a = new LiteralAutomaton(strings);
        for (int t = 0; t < 500; t++) {
            String text = randomString(random, alphabet, random.nextInt(40));
            List<String> expected = strings.stream().distinct().filter(text::contains).toList();
            assertThat(found(a, text)).as(text).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String randomString(SplittableRandom random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
