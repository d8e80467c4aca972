package org.sitrep.extract;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text that remembers, for each of its characters, the range of a source text it came from, so that a stretch of
 * cleaned text can be traced back to the raw body ({@link #sourceStart}, {@link #sourceEnd}).
 *
 * <p>Copied characters map to themselves; a replacement (a decoded entity, the line break that stands for a block
 * tag, the space that stands for a run of whitespace) maps each of its characters to the whole stretch it replaced;
 * an inserted character (the space that joins two lines) maps to the gap between its neighbours. Offsets are UTF-16
 * indexes, as {@link String#substring} takes them. Immutable.
 */
final class MappedText implements CharSequence {

    private final String text;
    /** Source start of each character. */
    private final int[] from;
    /** Source end (exclusive) of each character. */
    private final int[] to;

    private MappedText(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** The text itself as its own source. */
    static MappedText of(String s) {
        int n = s.length();
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = i;
            to[i] = i + 1;
        }
        return new MappedText(s, from, to);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public MappedText subSequence(int start, int end) {
        return substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Where the character at {@code index} starts in the source. */
    int sourceStart(int index) {
        return from[index];
    }

    /** Where the character before {@code end} ends in the source (exclusive), for a stretch ending at {@code end}. */
    int sourceEnd(int end) {
        return to[end - 1];
    }

    MappedText substring(int start, int end) {
        if (start == 0 && end == text.length()) {
            return this;
        }
        return new MappedText(text.substring(start, end), Arrays.copyOfRange(from, start, end),
                Arrays.copyOfRange(to, start, end));
    }

    MappedText substring(int start) {
        return substring(start, text.length());
    }

    /** Without leading and trailing white space, as {@link String#strip()}. */
    MappedText strip() {
        int a = 0;
        int b = text.length();
        while (a < b) {
            int cp = text.codePointAt(a);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            a += Character.charCount(cp);
        }
        while (b > a) {
            int cp = text.codePointBefore(b);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            b -= Character.charCount(cp);
        }
        return substring(a, b);
    }

    /**
     * Every match of {@code pattern} replaced by what {@code replacement} gives for it; the replacement's characters
     * map to the matched stretch. A replacement equal to the match keeps the match's own mapping.
     */
    MappedText replaceAll(Pattern pattern, Function<MatchResult, String> replacement) {
        Matcher m = pattern.matcher(text);
        Builder b = null; // made at the first replacement that changes something: until then the text is unchanged
        int last = 0;
        while (m.find()) {
            String rep = replacement.apply(m);
            if (rep.equals(m.group())) {
                continue; // keeps the match's own mapping: copied with what follows
            }
            if (b == null) {
                b = new Builder(text.length());
            }
            b.append(this, last, m.start());
            if (!rep.isEmpty()) {
                b.appendReplacing(rep, this, m.start(), m.end());
            }
            last = m.end();
        }
        if (b == null) {
            return this;
        }
        b.append(this, last, text.length());
        return b.build();
    }

    /**
     * Unicode NFC, as {@link Normalizer#normalize} with {@link Normalizer.Form#NFC}: each base character with the
     * marks that follow it is normalised on its own and maps to their source stretch. Should that ever differ from
     * normalising the whole text, the whole text is normalised and every character maps to the whole source stretch
     * (a span through it then fails verification instead of being wrong).
     */
    MappedText nfc() {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return this;
        }
        int n = text.length();
        Builder b = new Builder(n);
        int i = 0;
        while (i < n) {
            int j = i + Character.charCount(text.codePointAt(i));
            while (j < n && continuesCluster(text.codePointAt(j))) {
                j += Character.charCount(text.codePointAt(j));
            }
            String cluster = text.substring(i, j);
            String norm = Normalizer.normalize(cluster, Normalizer.Form.NFC);
            if (norm.equals(cluster)) {
                b.append(this, i, j);
            } else {
                b.appendReplacing(norm, this, i, j);
            }
            i = j;
        }
        MappedText out = b.build();
        String whole = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (out.text.equals(whole)) {
            return out;
        }
        Builder coarse = new Builder(whole.length());
        coarse.appendReplacing(whole, this, 0, n);
        return coarse.build();
    }

    private static boolean continuesCluster(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || (cp >= 0x1160 && cp <= 0x11FF); // Hangul vowel and final jamo
    }

    /** Builds a mapped text piece by piece. */
    static final class Builder {
        private final StringBuilder sb;
        private int[] from;
        private int[] to;

        Builder(int capacity) {
            int c = Math.max(16, capacity);
            sb = new StringBuilder(c);
            from = new int[c];
            to = new int[c];
        }

        int length() {
            return sb.length();
        }

        boolean isEmpty() {
            return sb.length() == 0;
        }

        /** The characters [start, end) of {@code src}, with their mapping. */
        Builder append(MappedText src, int start, int end) {
            if (end <= start) {
                return this;
            }
            ensure(end - start);
            System.arraycopy(src.from, start, from, sb.length(), end - start);
            System.arraycopy(src.to, start, to, sb.length(), end - start);
            sb.append(src.text, start, end);
            return this;
        }

        Builder append(MappedText src) {
            return append(src, 0, src.length());
        }

        /** {@code s} standing for the characters [start, end) of {@code src}. */
        Builder appendReplacing(String s, MappedText src, int start, int end) {
            int a = src.from[start];
            int z = src.to[end - 1];
            return appendMapped(s, a, z);
        }

        /** One character inserted between what is already there and {@code next} (which is not empty). */
        Builder appendJoin(char c, MappedText next) {
            int a = sb.length() == 0 ? next.from[0] : to[sb.length() - 1];
            int z = Math.max(a, next.from[0]);
            return appendMapped(String.valueOf(c), a, z);
        }

        private Builder appendMapped(String s, int a, int z) {
            ensure(s.length());
            for (int k = 0; k < s.length(); k++) {
                from[sb.length() + k] = a;
                to[sb.length() + k] = z;
            }
            sb.append(s);
            return this;
        }

        private void ensure(int more) {
            int need = sb.length() + more;
            if (need > from.length) {
                int c = Math.max(need, from.length * 2);
                from = Arrays.copyOf(from, c);
                to = Arrays.copyOf(to, c);
            }
        }

        MappedText build() {
            int n = sb.length();
            return new MappedText(sb.toString(), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
        }
    }
}
