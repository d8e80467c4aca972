package org.sitrep.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression with the literal strings every match of it must contain, read off its source when it is
 * compiled, so that a text without them is not searched at all: {@link #matcher} then gives a matcher that finds
 * nothing. The extractor's patterns are long alternations of words ("monday|tuesday|...", "army|ministry|..."),
 * which {@link Pattern} tries one by one at every position of a text; checking a few literals first is far cheaper,
 * and most sentences lack them.
 *
 * <p>What is required is derived conservatively: a run of plain characters is required where it is not under an
 * optional quantifier; a group is required when it is not optional, and an alternation requires one literal of each
 * of its branches (the branch's best), so it gives nothing when one branch requires nothing. Lookarounds, classes,
 * {@code .}, {@code \w} and other escapes require nothing. A pattern the reader does not understand (inline flags,
 * other than {@code s}, {@code m} and {@code d}, back references) or compiled with flags gets no guard and is always
 * searched. {@code \d} requires one of the ten
 * ASCII digits (what it matches without {@link Pattern#UNICODE_CHARACTER_CLASS}). Of the sets of literals a pattern
 * requires, the {@value #MAX_SETS} most selective (longest shortest literal) are checked.
 */
final class GuardedPattern {

    /** Sets of required literals checked per text, at most. */
    static final int MAX_SETS = 2;

    private static final Pattern NOTHING = Pattern.compile("(?!)");
    /** One {@link Literals} per distinct set, so that patterns sharing a set can share its answer for a text. */
    private static final Map<Set<String>, Literals> INTERNED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Pattern pattern;
    private final List<Literals> required;

    private GuardedPattern(Pattern pattern, List<Literals> required) {
        this.pattern = pattern;
        this.required = required;
    }

    /** Compiles the expression (no flags) and reads its required literals. */
    static GuardedPattern compile(String regex) {
        Pattern p = Pattern.compile(regex);
        List<Set<String>> sets;
        try {
            sets = new Reader(regex).read();
        } catch (Unsupported e) {
            sets = List.of();
        }
        List<Set<String>> best = new ArrayList<>(sets);
        best.sort(Comparator.comparingInt(GuardedPattern::selectivity).reversed());
        List<Literals> required = new ArrayList<>();
        for (Set<String> s : best.subList(0, Math.min(MAX_SETS, best.size()))) {
            required.add(INTERNED.computeIfAbsent(Set.copyOf(s), Literals::new));
        }
        return new GuardedPattern(p, List.copyOf(required));
    }

    Pattern pattern() {
        return pattern;
    }

    /** The literal sets this pattern's matches contain one of each (empty: no guard); for tests. */
    List<Set<String>> required() {
        return required.stream().map(Literals::strings).toList();
    }

    /** False when the text lacks a required literal, so the pattern cannot match it; true otherwise. */
    boolean mayMatch(CharSequence text) {
        for (Literals l : required) {
            if (!l.in(text)) {
                return false;
            }
        }
        return true;
    }

    /** A matcher of the pattern over the text, or one that finds nothing when the text cannot match. */
    Matcher matcher(CharSequence text) {
        return mayMatch(text) ? pattern.matcher(text) : NOTHING.matcher("");
    }

    /**
     * {@link #matcher(CharSequence)}, with the answers for literal sets already looked for in this same text
     * ({@code known}, filled in as sets are looked for): many patterns over one text share sets.
     */
    Matcher matcher(CharSequence text, Map<Literals, Boolean> known) {
        for (Literals l : required) {
            Boolean in = known.get(l);
            if (in == null) {
                in = l.in(text);
                known.put(l, in);
            }
            if (!in) {
                return NOTHING.matcher("");
            }
        }
        return pattern.matcher(text);
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    private static int selectivity(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) {
            min = Math.min(min, s.length());
        }
        return min * 1000 - Math.min(set.size(), 999);
    }

    /**
     * A set of literal strings, searched for all at once: at each position of the text, its first two characters
     * are looked up in a bit set of the strings' first two characters, and only the strings starting with them are
     * compared.
     */
    static final class Literals {
        private final Set<String> strings;
        /** One-character ASCII strings. */
        private final boolean[] singleAscii = new boolean[128];
        /** Bit (c0 * 128 + c1) set when a string starts with ASCII c0 then ASCII c1. */
        private final long[] asciiPairs = new long[128 * 128 / 64];
        /** The pairs of {@link #asciiPairs} in order, and the strings starting with each. */
        private final int[] pairKeys;
        private final String[][] pairStrings;
        /** Strings with a non-ASCII character among their first two, by first character. */
        private final Map<Character, String[]> otherByFirst = new HashMap<>();
        private final int shortest;

        Literals(Set<String> strings) {
            this.strings = Set.copyOf(strings);
            java.util.TreeMap<Integer, List<String>> pairs = new java.util.TreeMap<>();
            Map<Character, List<String>> others = new HashMap<>();
            int min = Integer.MAX_VALUE;
            for (String s : this.strings) {
                min = Math.min(min, s.length());
                char c0 = s.charAt(0);
                if (s.length() == 1 && c0 < 128) {
                    singleAscii[c0] = true;
                } else if (s.length() > 1 && c0 < 128 && s.charAt(1) < 128) {
                    int key = c0 * 128 + s.charAt(1);
                    asciiPairs[key >>> 6] |= 1L << (key & 63);
                    pairs.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                } else {
                    others.computeIfAbsent(c0, k -> new ArrayList<>()).add(s);
                }
            }
            shortest = min;
            pairKeys = new int[pairs.size()];
            pairStrings = new String[pairs.size()][];
            int k = 0;
            for (Map.Entry<Integer, List<String>> e : pairs.entrySet()) {
                pairKeys[k] = e.getKey();
                pairStrings[k++] = e.getValue().toArray(new String[0]);
            }
            others.forEach((c, list) -> otherByFirst.put(c, list.toArray(new String[0])));
        }

        Set<String> strings() {
            return strings;
        }

        /** Whether the text contains one of the strings. */
        boolean in(CharSequence text) {
            int n = text.length();
            int last = n - shortest;
            boolean anyOther = !otherByFirst.isEmpty();
            for (int i = 0; i <= last; i++) {
                char c = text.charAt(i);
                if (c < 128) {
                    if (singleAscii[c]) {
                        return true;
                    }
                    if (i + 1 >= n) {
                        continue;
                    }
                    char d = text.charAt(i + 1);
                    if (d < 128) {
                        int key = c * 128 + d;
                        if ((asciiPairs[key >>> 6] & (1L << (key & 63))) != 0
                                && anyStartsAt(text, i, pairStrings[Arrays.binarySearch(pairKeys, key)], 2)) {
                            return true;
                        }
                        continue;
                    }
                }
                if (anyOther) {
                    String[] cands = otherByFirst.get(c);
                    if (cands != null && anyStartsAt(text, i, cands, 1)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether one of the strings, whose first {@code known} characters are those at {@code at}, starts there. */
        private static boolean anyStartsAt(CharSequence text, int at, String[] cands, int known) {
            for (String s : cands) {
                if (at + s.length() <= text.length()) {
                    boolean all = true;
                    for (int k = known; k < s.length() && all; k++) {
                        all = text.charAt(at + k) == s.charAt(k);
                    }
                    if (all) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** What {@code \d} matches. */
    private static final Set<String> DIGITS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Thrown for syntax the reader does not handle: the pattern then gets no guard. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * Reads a regular expression's source into the sets of literals its matches contain one of each: a conjunction
     * of disjunctions.
     */
    static final class Reader {
        private final String src;
        private int pos;

        Reader(String src) {
            this.src = src;
        }

        List<Set<String>> read() {
            List<Set<String>> out = alternation();
            if (pos != src.length()) {
                throw new Unsupported("unbalanced ) at " + pos);
            }
            return out;
        }

        /** Branches separated by {@code |}, up to a closing parenthesis or the end. */
        private List<Set<String>> alternation() {
            List<List<Set<String>>> branches = new ArrayList<>();
            branches.add(sequence());
            while (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                branches.add(sequence());
            }
            if (branches.size() == 1) {
                return branches.get(0);
            }
            Set<String> union = new LinkedHashSet<>();
            for (List<Set<String>> b : branches) {
                if (b.isEmpty()) {
                    return List.of(); // this branch requires nothing
                }
                union.addAll(b.stream().max(Comparator.comparingInt(GuardedPattern::selectivity)).orElseThrow());
            }
            return List.of(union);
        }

        /** Atoms up to {@code |}, {@code )} or the end. */
        private List<Set<String>> sequence() {
            List<Set<String>> sets = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
                int atomStart = run.length();
                Atom a = atom();
                int[] q = quantifier();
                boolean optional = q != null && q[0] == 0;
                boolean repeated = q != null && (q[0] != 1 || q[1] != 1);
                if (a.literal != null) {
                    if (optional) {
                        flush(run.substring(0, atomStart), sets);
                        run.setLength(0);
                    } else {
                        run.append(a.literal);
                        if (repeated) {
                            flush(run.toString(), sets);
                            run.setLength(0);
                        }
                    }
                    continue;
                }
                flush(run.toString(), sets);
                run.setLength(0);
                if (!optional && a.required != null) {
                    sets.addAll(a.required);
                }
            }
            flush(run.toString(), sets);
            return sets;
        }

        private static void flush(String run, List<Set<String>> sets) {
            if (!run.isEmpty()) {
                sets.add(Set.of(run));
            }
        }

        /** One atom: a literal character (or a quoted run), a group, or something that requires nothing. */
        private record Atom(String literal, List<Set<String>> required) {}

        private Atom atom() {
            char c = src.charAt(pos);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    skipClass();
                    return new Atom(null, null);
                }
                case '.', '^', '$' -> {
                    pos++;
                    return new Atom(null, null);
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{' -> throw new Unsupported("dangling quantifier at " + pos);
                default -> {
                    pos++;
                    return new Atom(String.valueOf(c), null);
                }
            }
        }

        private Atom group() {
            pos++; // (
            boolean lookaround = false;
            if (src.startsWith("?:", pos) || src.startsWith("?>", pos)) {
                pos += 2;
            } else if (src.startsWith("?=", pos) || src.startsWith("?!", pos)) {
                pos += 2;
                lookaround = true;
            } else if (src.startsWith("?<=", pos) || src.startsWith("?<!", pos)) {
                pos += 3;
                lookaround = true;
            } else if (src.startsWith("?<", pos)) {
                int close = src.indexOf('>', pos);
                if (close < 0) {
                    throw new Unsupported("named group");
                }
                pos = close + 1;
            } else if (pos < src.length() && src.charAt(pos) == '?') {
                // flags that leave literal characters alone (DOTALL, MULTILINE, UNIX_LINES) are harmless
                int k = pos + 1;
                while (k < src.length() && "smd".indexOf(src.charAt(k)) >= 0) {
                    k++;
                }
                if (k == pos + 1 || k >= src.length() || (src.charAt(k) != ')' && src.charAt(k) != ':')) {
                    throw new Unsupported("inline flags at " + pos);
                }
                if (src.charAt(k) == ')') {
                    pos = k + 1;
                    return new Atom(null, null); // "(?s)": flags for the rest, no text
                }
                pos = k + 1; // "(?s:...)": a group
            }
            List<Set<String>> inner = alternation();
            if (pos >= src.length() || src.charAt(pos) != ')') {
                throw new Unsupported("unclosed group");
            }
            pos++;
            return new Atom(null, lookaround ? null : inner);
        }

        private void skipClass() {
            pos++; // [
            if (pos < src.length() && src.charAt(pos) == '^') {
                pos++;
            }
            if (pos < src.length() && src.charAt(pos) == ']') {
                pos++; // a leading ] is a literal member
            }
            int depth = 1;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    pos++;
                    return;
                }
                pos++;
            }
            throw new Unsupported("unclosed class");
        }

        private Atom escape() {
            if (pos + 1 >= src.length()) {
                throw new Unsupported("trailing backslash");
            }
            char e = src.charAt(pos + 1);
            if (e == 'Q') {
                int end = src.indexOf("\\E", pos + 2);
                String quoted = end < 0 ? src.substring(pos + 2) : src.substring(pos + 2, end);
                pos = end < 0 ? src.length() : end + 2;
                return quoted.isEmpty() ? new Atom(null, null) : new Atom(quoted, null);
            }
            if (Character.isDigit(e) || e == 'k') {
                throw new Unsupported("back reference");
            }
            if (e == 'd') {
                pos += 2;
                return new Atom(null, List.of(DIGITS)); // ASCII digits: \d without UNICODE_CHARACTER_CLASS
            }
            if (Character.isLetter(e)) {
                // classes (\w \s \p{..}), boundaries (\b \B \A \z \Z \G) and control escapes: nothing required
                pos += 2;
                if ((e == 'p' || e == 'P') && pos < src.length() && src.charAt(pos) == '{') {
                    int close = src.indexOf('}', pos);
                    pos = close < 0 ? src.length() : close + 1;
                } else if (e == 'x' || e == 'u' || e == 'c' || e == 'N') {
                    throw new Unsupported("character escape \\" + e);
                }
                return new Atom(null, null);
            }
            pos += 2;
            return new Atom(String.valueOf(e), null); // an escaped punctuation mark stands for itself
        }

        /** {min, max} of a quantifier at the position (max -1: unbounded), or null when there is none. */
        private int[] quantifier() {
            if (pos >= src.length()) {
                return null;
            }
            char c = src.charAt(pos);
            int[] q;
            if (c == '?') {
                q = new int[] {0, 1};
                pos++;
            } else if (c == '*') {
                q = new int[] {0, -1};
                pos++;
            } else if (c == '+') {
                q = new int[] {1, -1};
                pos++;
            } else if (c == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported("unclosed {");
                }
                String[] parts = src.substring(pos + 1, close).split(",", -1);
                try {
                    int min = Integer.parseInt(parts[0].trim());
                    int max = parts.length == 1 ? min : parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].trim());
                    q = new int[] {min, max};
                } catch (NumberFormatException ex) {
                    throw new Unsupported("quantifier " + src.substring(pos, close + 1));
                }
                pos = close + 1;
            } else {
                return null;
            }
            if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same counts
            }
            return q;
        }
    }
}
