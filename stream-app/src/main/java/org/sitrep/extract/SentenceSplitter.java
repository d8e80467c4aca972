package org.sitrep.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits clean paragraphs into sentences, remembering which paragraph each sentence belongs to.
 *
 * <p>A sentence ends at {@code . ! ? …} (and any closing quotes or brackets after it) when the next character
 * after whitespace starts a new sentence (upper-case letter, digit, opening quote or bracket). A full stop does not
 * end a sentence after a known abbreviation (Mr., Gen., Col., Lt., U.S., janv., etc.), after a single capital
 * initial, or inside a number.
 */
public final class SentenceSplitter {

    /** One sentence: its text, the paragraph it is in, and its position within that paragraph (from 0). */
    public record Sentence(String text, int paragraph, int indexInParagraph) {}

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "cpt", "maj", "sgt", "cpl", "pte", "adm", "brig",
            "cdt", "cmdt", "st", "vs", "etc", "approx", "inc", "ltd", "co", "jr", "sr", "gov", "sen", "rep",
            "rev", "fig", "m", "mm", "mme", "mlle", "gal", "lcl", "cne", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "janv", "fev", "fevr", "avr", "juil", "env", "art", "al",
            "e.g", "i.e", "u.s", "u.n", "u.k", "a.m", "p.m");

    public SentenceSplitter() {}

    /** A sentence and where it is in its paragraph: {@code paragraph.substring(start, end)} is its text. */
    public record Located(Sentence sentence, int start, int end) {}

    /** Splits all paragraphs; paragraph numbers are the indexes in the given list. */
    public List<Sentence> split(List<String> paragraphs) {
        List<Sentence> out = new ArrayList<>();
        for (Located l : locate(paragraphs)) {
            out.add(l.sentence());
        }
        return out;
    }

    /** {@link #split}, with where each sentence is in its paragraph. */
    public List<Located> locate(List<String> paragraphs) {
        List<Located> out = new ArrayList<>();
        if (paragraphs == null) {
            return out;
        }
        for (int p = 0; p < paragraphs.size(); p++) {
            String paragraph = paragraphs.get(p);
            int k = 0;
            for (int[] r : ranges(paragraph)) {
                out.add(new Located(new Sentence(paragraph.substring(r[0], r[1]), p, k++), r[0], r[1]));
            }
        }
        return out;
    }

    /** Splits one paragraph into trimmed, non-empty sentences. */
    public List<String> splitParagraph(String paragraph) {
        List<String> out = new ArrayList<>();
        for (int[] r : ranges(paragraph)) {
            out.add(paragraph.substring(r[0], r[1]));
        }
        return out;
    }

    /** The sentences of one paragraph as {start, end} offsets, trimmed, non-empty. */
    private List<int[]> ranges(String paragraph) {
        List<int[]> out = new ArrayList<>();
        if (paragraph == null || paragraph.isBlank()) {
            return out;
        }
        String t = paragraph;
        int n = t.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int end = i + 1;
                while (end < n && (t.charAt(end) == '.' || t.charAt(end) == '!' || t.charAt(end) == '?')) {
                    end++;
                }
                while (end < n && isCloser(t.charAt(end))) {
                    end++;
                }
                // French closing guillemet after a (non-breaking) space: "morts. »"
                int sp = end;
                while (sp < n && (t.charAt(sp) == ' ' || t.charAt(sp) == '\u00a0' || t.charAt(sp) == '\u202f')) {
                    sp++;
                }
                if (sp > end && sp < n && t.charAt(sp) == '\u00bb') {
                    end = sp + 1;
                }
                if (end >= n) {
                    break;
                }
                if (!Character.isWhitespace(t.charAt(end))) {
                    i = end;
                    continue;
                }
                int next = end;
                while (next < n && Character.isWhitespace(t.charAt(next))) {
                    next++;
                }
                if (next < n && startsSentence(t.charAt(next)) && !(c == '.' && isAbbreviation(t, i))) {
                    add(out, t, start, end);
                    start = next;
                    i = next;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        add(out, t, Math.min(start, n), n);
        return out;
    }

    /** Adds [start, end) of {@code t} without leading and trailing white space (as {@link String#strip()}), if any. */
    private static void add(List<int[]> out, String t, int start, int end) {
        int a = start;
        int b = end;
        while (a < b && Character.isWhitespace(t.codePointAt(a))) {
            a += Character.charCount(t.codePointAt(a));
        }
        while (b > a && Character.isWhitespace(t.codePointBefore(b))) {
            b -= Character.charCount(t.codePointBefore(b));
        }
        if (a < b) {
            out.add(new int[] {a, b});
        }
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\u201d' || c == '\u00bb' || c == '\u2019' || c == '\'' || c == ')' || c == ']';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '\u00ab'
                || c == '(' || c == '[' || c == '\'' || c == '\u2018' || c == '-' || c == '\u2013' || c == '\u2014';
    }

    /** Whether the full stop at {@code dot} closes an abbreviation or an initial. */
    private static boolean isAbbreviation(String t, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(t.charAt(b - 1)) || t.charAt(b - 1) == '.')) {
            b--;
        }
        String word = t.substring(b, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial: "J. Smith"
        }
        String key = Text.fold(word).toLowerCase(Locale.ROOT);
        if (key.startsWith(".")) {
            key = key.substring(1);
        }
        return ABBREVIATIONS.contains(key) || (key.contains(".") && key.length() <= 6);
    }
}
