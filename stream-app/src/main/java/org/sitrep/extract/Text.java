package org.sitrep.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text helpers shared by the extraction classes.
 *
 * <p>{@link #fold(String)} maps every character to exactly one character (lower case, accents removed, typographic
 * quotes, apostrophes and dashes replaced by their ASCII forms), so offsets found in folded text are valid in the
 * original text.
 */
final class Text {

    private Text() {}

    /** Lower-cases, strips accents and normalises quotes/dashes, keeping the length (one char in, one char out). */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = foldChar(s.charAt(i));
        }
        return new String(out);
    }

    /** {@link #foldChar} of characters from 128 on, plus one, as found (0: not yet): folding them normalises. */
    private static final int[] FOLDED = new int[Character.MAX_VALUE + 1];

    static char foldChar(char c) {
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        int known = FOLDED[c];
        if (known != 0) {
            return (char) (known - 1);
        }
        char f = foldNonAscii(c);
        FOLDED[c] = f + 1; // one int written: another thread sees it whole or not at all
        return f;
    }

    private static char foldNonAscii(char c) {
        switch (c) {
            case '\u2019': case '\u2018': case '\u02bc': case '\u00b4': case '\u2032':
                return '\'';
            case '\u201c': case '\u201d': case '\u00ab': case '\u00bb': case '\u201e': case '\u2033':
                return '"';
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2212':
                return '-';
            case '\u00a0': case '\u202f': case '\u2009': case '\u2007':
                return ' ';
            case '\u0153':
                return '\u0153';
            default:
                break;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = d.isEmpty() ? c : d.charAt(0);
        if (Character.getType(base) == Character.NON_SPACING_MARK) {
            return c;
        }
        return Character.toLowerCase(base);
    }

    /** True for characters that can be part of a word token. */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** A token of a sentence: {@code text} is folded, {@code surface} as written; offsets index the sentence. */
    record Token(String text, String surface, int start, int end) {
        boolean isNumber() {
            return !text.isEmpty() && Character.isDigit(text.charAt(0));
        }

        boolean isWord() {
            return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0));
        }

        boolean capitalised() {
            return !surface.isEmpty() && Character.isUpperCase(surface.charAt(0));
        }

        boolean allCaps() {
            if (surface.length() <= 1) {
                return false;
            }
            for (int i = 0; i < surface.length(); i++) {
                if (Character.isLowerCase(surface.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Splits text into word tokens (runs of letters or of digits, digit groups such as {@code 1,200} kept together)
     * and single-character punctuation tokens. Whitespace is dropped.
     */
    static List<Token> tokenize(String original) {
        List<Token> out = new ArrayList<>();
        if (original == null) {
            return out;
        }
        String folded = fold(original);
        int n = folded.length();
        int i = 0;
        while (i < n) {
            char c = folded.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < n && Character.isDigit(folded.charAt(j))) {
                    j++;
                }
                // thousands groups: 1,200 / 1.200 / 1 200 with a (narrow) non-breaking space
                if (j - i <= 3) {
                    while (j + 4 <= n && isGroupSeparator(original.charAt(j)) && allDigits(folded, j + 1, j + 4)
                            && (j + 4 == n || !Character.isDigit(folded.charAt(j + 4)))) {
                        j += 4;
                    }
                }
                out.add(new Token(folded.substring(i, j), original.substring(i, j), i, j));
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(folded.charAt(j))) {
                    j++;
                }
                out.add(new Token(folded.substring(i, j), original.substring(i, j), i, j));
                i = j;
            } else if (Character.isWhitespace(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else {
                out.add(new Token(String.valueOf(c), original.substring(i, i + 1), i, i + 1));
                i++;
            }
        }
        return out;
    }

    private static boolean isGroupSeparator(char c) {
        return c == ',' || c == '.' || c == '\u00a0' || c == '\u202f' || c == '\u2009';
    }

    private static boolean allDigits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Folds and splits into word tokens only (used for dictionary keys). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (Token t : tokenize(s)) {
            if (t.isWord()) {
                out.add(t.text());
            }
        }
        return out;
    }
}
