package org.sitrep.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.extract.Text.Token;

/**
 * The gazetteer's name index: a hash map from a folded name (its words joined by one space) to its candidates, and
 * from each first word to the longest name starting with it, so a text costs one hash probe per word plus one per
 * candidate length where a name starts. Matching follows {@link PhraseIndex}: whole words, case and accents
 * ignored, apostrophes and hyphens between words ignored, longest name first, no overlaps, and no name across other
 * punctuation. Built once, then read-only (safe to share between threads).
 *
 * @param <T> what a name stands for
 */
final class PlaceIndex<T> {

    /** A match: all values of the winning name, character offsets into the text, and the text as written. */
    record Match<T>(List<T> values, int start, int end, String surface) {}

    private final Map<String, List<T>> byName = new HashMap<>();
    private final Map<String, Integer> longestByFirstWord = new HashMap<>();

    /** The folded key of a name: its folded words joined by single spaces; empty when it has no word. */
    static String key(String name) {
        return String.join(" ", Text.words(name));
    }

    /** Adds a value under a name; a value is added once per key. */
    void add(String name, T value) {
        List<String> words = Text.words(name);
        if (words.isEmpty()) {
            return;
        }
        List<T> values = byName.computeIfAbsent(String.join(" ", words), k -> new ArrayList<>(1));
        if (!values.contains(value)) {
            values.add(value);
        }
        longestByFirstWord.merge(words.get(0), words.size(), Math::max);
    }

    /** The values of exactly this name (folded), in insertion order. */
    List<T> lookup(String name) {
        return byName.getOrDefault(key(name), List.of());
    }

    /** Makes every candidate list immutable; call once when all names are added. */
    void freeze() {
        byName.replaceAll((k, v) -> List.copyOf(v));
    }

    int size() {
        return byName.size();
    }

    /** Longest-first, left-to-right, non-overlapping matches. */
    List<Match<T>> findAll(String text) {
        return findAll(text, text == null ? List.of() : Text.tokenize(text));
    }

    /** {@link #findAll(String)} with the text's tokens ({@link Text#tokenize}) already at hand. */
    List<Match<T>> findAll(String text, List<Token> tokens) {
        List<Match<T>> out = new ArrayList<>();
        if (text == null || text.isEmpty() || byName.isEmpty()) {
            return out;
        }
        List<Token> words = new ArrayList<>();
        List<Boolean> breakBefore = new ArrayList<>();
        boolean brk = true;
        for (Token t : tokens) {
            if (t.isWord()) {
                words.add(t);
                breakBefore.add(brk);
                brk = false;
            } else if (!t.text().equals("'") && !t.text().equals("-")) {
                brk = true;
            }
        }
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < words.size()) {
            Integer longest = longestByFirstWord.get(words.get(i).text());
            int matched = 0;
            List<T> values = null;
            if (longest != null) {
                int max = Math.min(longest, words.size() - i);
                for (int k = 1; k < max; k++) { // no name across punctuation
                    if (breakBefore.get(i + k)) {
                        max = k;
                        break;
                    }
                }
                for (int len = max; len >= 1 && values == null; len--) {
                    if (len == 1) {
                        values = byName.get(words.get(i).text()); // a one-word key is the word itself
                    } else {
                        key.setLength(0);
                        for (int k = 0; k < len; k++) {
                            if (k > 0) {
                                key.append(' ');
                            }
                            key.append(words.get(i + k).text());
                        }
                        values = byName.get(key.toString());
                    }
                    matched = len;
                }
            }
            if (values != null) {
                int s = words.get(i).start();
                int e = words.get(i + matched - 1).end();
                out.add(new Match<>(values, s, e, text.substring(s, e)));
                i += matched;
            } else {
                i++;
            }
        }
        return out;
    }
}
