package org.sitrep.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.extract.Text.Token;

/**
 * A dictionary of multi-word phrases matched on whole words, ignoring case and accents; the longest phrase wins
 * and matches do not overlap. Apostrophes and hyphens between words are ignored ("Jama'at" = "jama at").
 *
 * @param <T> what a phrase stands for
 */
final class PhraseIndex<T> {

    /** A match: value, token-free character offsets into the searched text, and the text as written. */
    record Match<T>(T value, int start, int end, String surface) {}

    private record Entry<T>(List<String> words, T value) {}

    private final Map<String, List<Entry<T>>> byFirstWord = new HashMap<>();
    private int maxWords = 1;

    /** Adds a phrase; the first value added for a phrase wins on equal length. */
    void add(String phrase, T value) {
        List<String> words = Text.words(phrase);
        if (words.isEmpty()) {
            return;
        }
        maxWords = Math.max(maxWords, words.size());
        byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(new Entry<>(List.copyOf(words), value));
    }

    boolean isEmpty() {
        return byFirstWord.isEmpty();
    }

    /** All values whose phrase is exactly {@code phrase}. */
    List<T> lookup(String phrase) {
        List<String> words = Text.words(phrase);
        List<T> out = new ArrayList<>();
        if (words.isEmpty()) {
            return out;
        }
        for (Entry<T> e : byFirstWord.getOrDefault(words.get(0), List.of())) {
            if (e.words().equals(words)) {
                out.add(e.value());
            }
        }
        return out;
    }

    /** Longest-first, left-to-right, non-overlapping matches; all values of the winning phrase are returned. */
    List<Match<List<T>>> findAll(String text) {
        return findAll(text, text == null ? List.of() : Text.tokenize(text));
    }

    /** {@link #findAll(String)} with the text's tokens ({@link Text#tokenize}) already at hand. */
    List<Match<List<T>>> findAll(String text, List<Token> toks) {
        List<Match<List<T>>> out = new ArrayList<>();
        if (text == null || text.isEmpty() || byFirstWord.isEmpty()) {
            return out;
        }
        // word tokens with a flag telling whether a hard break (other punctuation) precedes them
        List<Token> words = new ArrayList<>();
        List<Boolean> breakBefore = new ArrayList<>();
        boolean brk = true;
        for (Token t : toks) {
            if (t.isWord()) {
                words.add(t);
                breakBefore.add(brk);
                brk = false;
            } else if (!t.text().equals("'") && !t.text().equals("-")) {
                brk = true;
            }
        }
        int i = 0;
        while (i < words.size()) {
            List<Entry<T>> cands = byFirstWord.get(words.get(i).text());
            int bestLen = 0;
            List<T> bestValues = new ArrayList<>();
            if (cands != null) {
                for (Entry<T> e : cands) {
                    int len = e.words().size();
                    if (len < bestLen || i + len > words.size()) {
                        continue;
                    }
                    boolean ok = true;
                    for (int k = 0; k < len; k++) {
                        if (!words.get(i + k).text().equals(e.words().get(k)) || (k > 0 && breakBefore.get(i + k))) {
                            ok = false;
                            break;
                        }
                    }
                    if (ok) {
                        if (len > bestLen) {
                            bestLen = len;
                            bestValues = new ArrayList<>();
                        }
                        bestValues.add(e.value());
                    }
                }
            }
            if (bestLen > 0) {
                int s = words.get(i).start();
                int e = words.get(i + bestLen - 1).end();
                out.add(new Match<>(List.copyOf(bestValues), s, e, text.substring(s, e)));
                i += bestLen;
            } else {
                i++;
            }
        }
        return out;
    }
}
