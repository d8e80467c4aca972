package org.sitrep.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression with what its source says about its matches, read when it is compiled, so that most of a
 * text is never searched: the extractor's patterns are long alternations of words ("monday|tuesday|...",
 * "army|ministry|..."), which {@link Pattern} tries one by one at every position of a text.
 *
 * <ul>
 *   <li><b>Required literals</b>: sets of strings of which every match contains one of each. A text without them
 *       cannot match and is not searched. Derived conservatively: a run of plain characters is required where it
 *       is not under an optional quantifier; a group is required when it is not optional; an alternation requires
 *       one literal of each branch (the branch's most selective), so nothing when one branch requires nothing;
 *       {@code \d} requires one of the ten ASCII digits (what it matches without
 *       {@link Pattern#UNICODE_CHARACTER_CLASS}); lookarounds, classes, {@code .}, {@code \w} and other escapes
 *       require nothing. The {@value #MAX_SETS} most selective sets (longest shortest string) are checked.</li>
 *   <li><b>Leading literals</b>: strings one of which every match starts with (after zero-width assertions such
 *       as {@code \b} or lookbehinds), when there are such: a word list, or branches that each open on words. Then
 *       {@link #scan} and {@link #find} try the pattern only where one of them starts in the text
 *       ({@link Matcher#lookingAt} there, with transparent bounds, so that {@code \b} and lookbehinds see the
 *       characters before), instead of at every position. Since no match can start anywhere else, the matches are
 *       those {@link Matcher#find} gives, in the same order.</li>
 * </ul>
 *
 * A pattern the reader does not understand (inline flags other than {@code s}, {@code m} and {@code d}, back
 * references, unusual escapes) gets neither and is searched as {@link Pattern} does.
 */
final class GuardedPattern {

    /** Sets of required literals checked per text, at most. */
    static final int MAX_SETS = 2;

    private static final Pattern NOTHING = Pattern.compile("(?!)");
    /** One {@link Literals} per distinct set, so that patterns sharing a set share its answer for a text. */
    private static final Map<Set<String>, Literals> INTERNED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Pattern pattern;
    private final List<Literals> required;
    /** What every match starts with, or null. */
    private final Literals lead;
    /** Whether a match may also start with one word and a space before a leading literal ({@code (?:\w+ )?}). */
    private final boolean wordBefore;

    private GuardedPattern(Pattern pattern, List<Literals> required, Lead lead, boolean shared) {
        this.pattern = pattern;
        this.required = required;
        this.lead = lead == null ? null : shared ? interned(lead.strings()) : new Literals(lead.strings());
        this.wordBefore = lead != null && lead.wordBefore();
    }

    /** Compiles the expression (no flags) and reads its required and leading literals. */
    static GuardedPattern compile(String regex) {
        return compile(regex, true);
    }

    /**
     * {@link #compile(String)} for a pattern made at run time (one per person an article names): its literal sets
     * are its own, not shared, so that they do not grow the shared automaton; they are searched without it.
     */
    static GuardedPattern compileLocal(String regex) {
        return compile(regex, false);
    }

    private static GuardedPattern compile(String regex, boolean shared) {
        Pattern p = Pattern.compile(regex);
        List<Set<String>> sets;
        Lead lead;
        try {
            List<Node> seq = new Reader(regex).read();
            sets = required(seq);
            lead = lead(seq, 0);
        } catch (Unsupported e) {
            sets = List.of();
            lead = null;
        }
        List<Set<String>> best = new ArrayList<>(sets);
        best.sort(Comparator.comparingInt(GuardedPattern::selectivity).reversed());
        List<Literals> required = new ArrayList<>();
        for (Set<String> s : best.subList(0, Math.min(MAX_SETS, best.size()))) {
            required.add(shared ? interned(s) : new Literals(s));
        }
        return new GuardedPattern(p, List.copyOf(required), lead, shared);
    }

    private static Literals interned(Set<String> s) {
        return INTERNED.computeIfAbsent(Set.copyOf(s), Literals::new);
    }

    /** The literal set of these strings, shared with the patterns' (one per distinct set). */
    static Literals literals(Set<String> strings) {
        return interned(strings);
    }

    /** The automaton over the strings of every shared literal set, made again when the sets have grown. */
    private static volatile LiteralAutomaton automaton;
    private static volatile int automatonSets = -1;

    private static LiteralAutomaton automaton() {
        LiteralAutomaton a = automaton;
        if (automatonSets == INTERNED.size()) {
            return a;
        }
        synchronized (INTERNED) {
            if (automatonSets != INTERNED.size()) {
                List<Literals> sets = List.copyOf(INTERNED.values());
                List<String> all = new ArrayList<>();
                sets.forEach(l -> all.addAll(l.strings()));
                automaton = new LiteralAutomaton(all);
                automatonSets = sets.size();
            }
            return automaton;
        }
    }

    Pattern pattern() {
        return pattern;
    }

    /**
     * The strings of which a text any of the patterns matches holds one (the most selective required set of each,
     * together), or null when one of them requires nothing: a text without any of them matches none of the patterns.
     */
    static Literals anyOf(List<GuardedPattern> patterns) {
        Set<String> union = new LinkedHashSet<>();
        for (GuardedPattern p : patterns) {
            if (p.required.isEmpty()) {
                return null;
            }
            union.addAll(p.required.get(0).strings());
        }
        return interned(union);
    }

    /** The literal sets this pattern's matches contain one of each (empty: no guard); for tests. */
    List<Set<String>> required() {
        return required.stream().map(Literals::strings).toList();
    }

    /** The strings every match starts with one of, or null; for tests. */
    Set<String> lead() {
        return lead == null ? null : lead.strings();
    }

    /** Whether a match may also start with a word and a space before a leading string; for tests. */
    boolean wordBefore() {
        return wordBefore;
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

    private boolean mayMatch(Probe probe) {
        for (Literals l : required) {
            if (!probe.holds(l)) {
                return false;
            }
        }
        return true;
    }

    /** A matcher of the pattern over the text, or one that finds nothing when the text cannot match. */
    Matcher matcher(CharSequence text) {
        return mayMatch(text) ? pattern.matcher(text) : NOTHING.matcher("");
    }

    /** {@link #matcher(CharSequence)} over a probed text ({@link Probe}). */
    Matcher matcher(Probe probe) {
        return mayMatch(probe) ? pattern.matcher(probe.text()) : NOTHING.matcher("");
    }

    /** Whether the pattern is found in the text: {@code matcher(text).find()}. */
    boolean find(CharSequence text) {
        return scan(text).find();
    }

    /** Whether the pattern is found in the probed text. */
    boolean find(Probe probe) {
        return scan(probe).find();
    }

    /** The matches in the text, one {@link Scan#find} at a time, as a {@link Matcher} loop finds them. */
    Scan scan(CharSequence text) {
        return scan(new Probe(text.toString()));
    }

    /** The matches in the probed text, one {@link Scan#find} at a time. */
    Scan scan(Probe probe) {
        return new Scan(this, probe, mayMatch(probe));
    }

    /**
     * The matches of a pattern in a text, one at a time ({@link #find}, then {@link #start}, {@link #group}...), as
     * a {@link Matcher} gives them; where the pattern has leading literals, only the positions where one starts are
     * tried.
     */
    static final class Scan {
        private final GuardedPattern owner;
        private final Probe probe;
        private final Matcher m;
        private boolean possible;
        private int from;
        private int[] candidates;

        private Scan(GuardedPattern owner, Probe probe, boolean possible) {
            this.owner = owner;
            this.probe = probe;
            this.possible = possible;
            this.m = possible ? owner.pattern.matcher(probe.text()) : null;
        }

        /** Moves to the next match; false when there is none. */
        boolean find() {
            if (!possible) {
                return false;
            }
            if (owner.lead == null) {
                possible = m.find();
                return possible;
            }
            if (candidates == null) {
                candidates = owner.candidates(probe);
                m.useTransparentBounds(true).useAnchoringBounds(false);
            }
            if (from > probe.text().length() || owner.next(candidates, m, from) < 0) {
                possible = false;
                return false;
            }
            from = m.end() > m.start() ? m.end() : m.end() + 1;
            return true;
        }

        int start() {
            return m.start();
        }

        int end() {
            return m.end();
        }

        int end(int group) {
            return m.end(group);
        }

        String group() {
            return m.group();
        }

        String group(int group) {
            return m.group(group);
        }
    }

    /**
     * Tries the pattern at each candidate position ({@link #candidates}) from {@code from} on, in order, and leaves
     * {@code m} on the first match: its start, or -1.
     */
    private int next(int[] candidates, Matcher m, int from) {
        int k = Arrays.binarySearch(candidates, from);
        for (k = k >= 0 ? k : -k - 1; k < candidates.length; k++) {
            m.region(candidates[k], m.regionEnd());
            if (m.lookingAt()) {
                return candidates[k];
            }
        }
        return -1;
    }

    /**
     * Where a match may start in the probed text, in order: each occurrence of a leading string and, when a word
     * may come first, the start of the word (ASCII letters, digits, {@code _}, as {@code \w}) that ends one space
     * before it.
     */
    private int[] candidates(Probe probe) {
        String text = probe.text();
        int[] out = new int[8];
        int n = 0;
        for (String s : probe.present(lead)) {
            for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
                if (n + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = i;
                if (wordBefore && i >= 2 && text.charAt(i - 1) == ' ' && isWordChar(text.charAt(i - 2))) {
                    int w = i - 2;
                    while (w > 0 && isWordChar(text.charAt(w - 1))) {
                        w--;
                    }
                    out[n++] = w;
                }
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (distinct == 0 || out[k] != out[distinct - 1]) {
                out[distinct++] = out[k];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** What {@code \w} matches without {@link Pattern#UNICODE_CHARACTER_CLASS}. */
    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
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
     * One text as the guards of many patterns look at it: which pairs of adjacent characters it holds (a literal
     * with a pair the text lacks is not in it; one with all its pairs is looked for with {@link String#indexOf}),
     * and what was found of each literal set. Not thread-safe: one per text and caller.
     */
    static final class Probe {
        private static final int BITS = 1 << 11;
        private final String text;
        private long[] pairs;
        private Map<Literals, Boolean> holds;
        private Map<Literals, String[]> present;
        private LiteralAutomaton automaton;
        private long[] found;

        private final boolean many;

        /** A text few patterns look at (a window before a mention, say): its literals are looked for one set at a time. */
        Probe(String text) {
            this(text, false);
        }

        /**
         * A text, with {@code many} when many patterns look at it (an article's sentence): then it is read once with
         * the automaton of every shared literal set, and each set is answered from what that found.
         */
        Probe(String text, boolean many) {
            this.text = text;
            this.many = many;
        }

        /** Whether the text is read with the automaton. */
        boolean many() {
            return many;
        }

        String text() {
            return text;
        }

        /** Whether the text holds one of the strings. */
        boolean holds(Literals l) {
            if (holds == null) {
                holds = new java.util.IdentityHashMap<>(8);
            }
            Boolean in = holds.get(l);
            if (in == null) {
                String[] known = present == null ? null : present.get(l);
                in = known != null ? known.length > 0 : l.anyIn(this);
                holds.put(l, in);
            }
            return in;
        }

        /** The strings of the set the text holds. */
        String[] present(Literals l) {
            if (present == null) {
                present = new java.util.IdentityHashMap<>(4);
            }
            String[] p = present.get(l);
            if (p == null) {
                p = holds != null && Boolean.FALSE.equals(holds.get(l)) ? Literals.NONE : l.presentIn(this);
                present.put(l, p);
            }
            return p;
        }

        /** The automaton the text was read with ({@link #found}). */
        LiteralAutomaton automaton() {
            if (automaton == null) {
                automaton = GuardedPattern.automaton();
                found = automaton.find(text);
            }
            return automaton;
        }

        /** Whether the text holds string number {@code n} of {@link #automaton()}. */
        boolean holdsNumber(int n) {
            return (found[n >>> 6] & (1L << (n & 63))) != 0;
        }

        /** The keys ({@link #key}) of the text's characters and of its pairs of adjacent characters, as bits. */
        long[] keys() {
            if (pairs == null) {
                pairs = new long[BITS / 64];
                for (int i = 0; i < text.length(); i++) {
                    set(key(text.charAt(i), -1));
                    if (i + 1 < text.length()) {
                        set(key(text.charAt(i), text.charAt(i + 1)));
                    }
                }
            }
            return pairs;
        }

        private void set(int key) {
            pairs[key >>> 6] |= 1L << (key & 63);
        }

        /** A hash of two adjacent characters ({@code second} -1: of one character alone), below {@link #BITS}. */
        static int key(char first, int second) {
            return ((first * 0x9E3779B1) ^ (second * 0x85EBCA6B)) >>> 21;
        }
    }

    /**
     * A set of literal strings; each with the keys ({@link Probe#key}) of its adjacent characters, and the set with
     * the bits of their first keys: a text none of whose keys is among those holds none of the strings.
     */
    static final class Literals {
        private static final String[] NONE = new String[0];
        private final Set<String> strings;
        private final String[] all;
        private final int[][] keys;
        private final long[] firstKeys = new long[Probe.BITS / 64];
        /** The distinct first keys in order, and the strings (indexes into {@link #all}) with each. */
        private final int[] firstKeyOrder;
        private final int[][] byFirstKey;
        /** The numbers of {@link #all} in an automaton (null: not all of them are in it). */
        private volatile Numbered numbered;

        private record Numbered(LiteralAutomaton automaton, int[] numbers) {}

        Literals(Set<String> strings) {
            this.strings = Set.copyOf(strings);
            all = this.strings.stream().sorted().toArray(String[]::new);
            keys = new int[all.length][];
            for (int n = 0; n < all.length; n++) {
                String s = all[n];
                int[] ks = new int[Math.max(1, s.length() - 1)];
                if (s.length() == 1) {
                    ks[0] = Probe.key(s.charAt(0), -1);
                }
                for (int k = 0; k + 1 < s.length(); k++) {
                    ks[k] = Probe.key(s.charAt(k), s.charAt(k + 1));
                }
                keys[n] = ks;
                firstKeys[ks[0] >>> 6] |= 1L << (ks[0] & 63);
            }
            java.util.TreeMap<Integer, List<Integer>> groups = new java.util.TreeMap<>();
            for (int n = 0; n < all.length; n++) {
                groups.computeIfAbsent(keys[n][0], k -> new ArrayList<>()).add(n);
            }
            firstKeyOrder = groups.keySet().stream().mapToInt(Integer::intValue).toArray();
            byFirstKey = groups.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
        }

        Set<String> strings() {
            return strings;
        }

        /** Whether the text contains one of the strings. */
        boolean in(CharSequence text) {
            return anyIn(new Probe(text.toString()));
        }

        /** Whether the probed text contains one of the strings. */
        boolean anyIn(Probe probe) {
            int[] numbers = probe.many() ? numbers(probe.automaton()) : null;
            if (numbers == null) {
                return search(probe, true).length > 0;
            }
            for (int n : numbers) {
                if (probe.holdsNumber(n)) {
                    return true;
                }
            }
            return false;
        }

        /** The strings the probed text contains. */
        String[] presentIn(Probe probe) {
            int[] numbers = probe.many() ? numbers(probe.automaton()) : null;
            if (numbers == null) {
                return search(probe, false);
            }
            List<String> out = null;
            for (int k = 0; k < numbers.length; k++) {
                if (probe.holdsNumber(numbers[k])) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(all[k]);
                }
            }
            return out == null ? NONE : out.toArray(NONE);
        }

        /** The numbers of the strings in the automaton, or null when one of them is not in it. */
        private int[] numbers(LiteralAutomaton a) {
            Numbered known = numbered;
            if (known != null && known.automaton() == a) {
                return known.numbers();
            }
            int[] numbers = new int[all.length];
            for (int k = 0; k < all.length && numbers != null; k++) {
                numbers[k] = a.number(all[k]);
                if (numbers[k] < 0) {
                    numbers = null;
                }
            }
            numbered = new Numbered(a, numbers);
            return numbers;
        }

        /**
         * The strings the probed text contains (only the first found when {@code first}): only those whose first key
         * is among the text's keys are looked at, found by the bits the two sets share.
         */
        private String[] search(Probe probe, boolean first) {
            long[] bits = probe.keys();
            List<String> out = null;
            for (int w = 0; w < bits.length; w++) {
                long shared = bits[w] & firstKeys[w];
                while (shared != 0) {
                    int key = w * 64 + Long.numberOfTrailingZeros(shared);
                    shared &= shared - 1;
                    for (int n : byFirstKey[Arrays.binarySearch(firstKeyOrder, key)]) {
                        if (mayBeIn(bits, n) && probe.text().contains(all[n])) {
                            if (first) {
                                return new String[] {all[n]};
                            }
                            if (out == null) {
                                out = new ArrayList<>(2);
                            }
                            out.add(all[n]);
                        }
                    }
                }
            }
            return out == null ? NONE : out.toArray(NONE);
        }

        /** Whether every key of string {@code n} (after its first) is among the text's. */
        private boolean mayBeIn(long[] bits, int n) {
            for (int k : keys[n]) {
                if ((bits[k >>> 6] & (1L << (k & 63))) == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What {@code \d} matches. */
    private static final Set<String> DIGITS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Thrown for syntax the reader does not handle: the pattern then gets no guard and no leads. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** A piece of a pattern: a character, a group of branches, or something else, with its repetition. */
    private record Node(Kind kind, char ch, List<List<Node>> branches, Set<String> chars, int min) {
        static Node of(Kind kind) {
            return new Node(kind, '\0', null, null, 1);
        }

        Node times(int atLeast) {
            return new Node(kind, ch, branches, chars, atLeast);
        }

        boolean once() {
            return min == 1;
        }
    }

    private enum Kind {
        /** One literal character. */
        CHAR,
        /** A group of branches (its own, or lookaround when {@link #ZERO}). */
        GROUP,
        /** One character of a known set ({@code \d}, {@code [Pp]}). */
        SET,
        /** One {@code \w} character. */
        WORD,
        /** Matches no character: {@code \b}, {@code ^}, {@code $}, a lookaround, inline flags. */
        ZERO,
        /** Any other single item (a class, {@code .}, {@code \w}). */
        OTHER
    }

    /** Required literal sets of a sequence: a conjunction of disjunctions. */
    private static List<Set<String>> required(List<Node> seq) {
        List<Set<String>> sets = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (Node n : seq) {
            if (n.kind() == Kind.CHAR && n.once()) {
                run.append(n.ch());
                continue;
            }
            if (n.kind() == Kind.CHAR && n.min() > 0) {
                run.append(n.ch()); // "b+": one b, then the run ends
            }
            if (n.kind() != Kind.ZERO || run.length() > 0) {
                flush(run, sets);
            }
            if (n.min() == 0) {
                continue;
            }
            if (n.kind() == Kind.SET) {
                sets.add(n.chars());
            } else if (n.kind() == Kind.GROUP) {
                sets.addAll(alternation(n.branches()));
            }
        }
        flush(run, sets);
        return sets;
    }

    private static void flush(StringBuilder run, List<Set<String>> sets) {
        if (run.length() > 0) {
            sets.add(Set.of(run.toString()));
            run.setLength(0);
        }
    }

    private static List<Set<String>> alternation(List<List<Node>> branches) {
        if (branches.size() == 1) {
            return required(branches.get(0));
        }
        Set<String> union = new LinkedHashSet<>();
        for (List<Node> b : branches) {
            List<Set<String>> r = required(b);
            if (r.isEmpty()) {
                return List.of(); // this branch requires nothing
            }
            union.addAll(r.stream().max(Comparator.comparingInt(GuardedPattern::selectivity)).orElseThrow());
        }
        return List.of(union);
    }

    /**
     * What every match starts with: one of {@code strings}, or, when {@code wordBefore}, one word of {@code \w}
     * characters and a space before one of them.
     */
    private record Lead(Set<String> strings, boolean wordBefore) {
        Lead or(Lead other) {
            Set<String> both = new LinkedHashSet<>(strings);
            both.addAll(other.strings);
            return new Lead(both, wordBefore || other.wordBefore);
        }
    }

    /** What every match of {@code seq} from item {@code i} on starts with, or null when nothing is known. */
    private static Lead lead(List<Node> seq, int i) {
        if (i >= seq.size()) {
            return null; // an empty match starts with nothing
        }
        Node n = seq.get(i);
        if (n.kind() == Kind.ZERO) {
            return lead(seq, i + 1);
        }
        if (optionalWord(n)) {
            Lead rest = lead(seq, i + 1);
            return rest == null ? null : new Lead(rest.strings(), true);
        }
        Lead own;
        if ((n.kind() == Kind.CHAR || n.kind() == Kind.SET) && n.once()) {
            own = new Lead(opening(seq, i), false);
        } else if (n.kind() == Kind.CHAR) {
            own = new Lead(Set.of(String.valueOf(n.ch())), false);
        } else if (n.kind() == Kind.SET) {
            own = new Lead(n.chars(), false);
        } else if (n.kind() == Kind.GROUP) {
            own = null;
            for (List<Node> b : n.branches()) {
                Lead l = lead(b, 0);
                if (l == null) {
                    return null;
                }
                own = own == null ? l : own.or(l);
            }
        } else {
            return null;
        }
        if (n.min() > 0) {
            return own;
        }
        Lead rest = lead(seq, i + 1); // the optional item left out
        return rest == null ? null : own.or(rest);
    }

    /** Strings of a leading run at most this many: "[Pp]r[ée]sident" opens with 4. */
    private static final int MAX_OPENINGS = 16;

    /**
     * What the run of single characters and small character sets starting at item {@code i} (each exactly once) can
     * read: "[Pp]resident" gives "President" and "president". Stops before a set that would make more than
     * {@value #MAX_OPENINGS} strings.
     */
    private static Set<String> opening(List<Node> seq, int i) {
        List<String> out = List.of("");
        for (int k = i; k < seq.size() && seq.get(k).once(); k++) {
            Node n = seq.get(k);
            Set<String> next = n.kind() == Kind.CHAR ? Set.of(String.valueOf(n.ch()))
                    : n.kind() == Kind.SET ? n.chars() : null;
            if (next == null || out.size() * next.size() > MAX_OPENINGS) {
                break;
            }
            List<String> longer = new ArrayList<>();
            for (String o : out) {
                for (String c : next) {
                    longer.add(o + c);
                }
            }
            out = longer;
        }
        return new LinkedHashSet<>(out);
    }

    /** {@code (?:\w+ )?}: one optional word and a space. */
    private static boolean optionalWord(Node n) {
        if (n.kind() != Kind.GROUP || n.min() != 0 || n.branches().size() != 1) {
            return false;
        }
        List<Node> b = n.branches().get(0);
        return b.size() == 2 && b.get(0).kind() == Kind.WORD && b.get(0).min() == 2 && b.get(1).kind() == Kind.CHAR
                && b.get(1).ch() == ' ' && b.get(1).once();
    }

    /** Reads a regular expression's source into {@link Node}s. */
    static final class Reader {
        private final String src;
        private int pos;

        Reader(String src) {
            this.src = src;
        }

        List<Node> read() {
            List<List<Node>> top = branches();
            if (pos != src.length()) {
                throw new Unsupported("unbalanced ) at " + pos);
            }
            return top.size() == 1 ? top.get(0) : List.of(new Node(Kind.GROUP, '\0', top, null, 1));
        }

        /** Branches separated by {@code |}, up to a closing parenthesis or the end. */
        private List<List<Node>> branches() {
            List<List<Node>> out = new ArrayList<>();
            out.add(sequence());
            while (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                out.add(sequence());
            }
            return out;
        }

        private List<Node> sequence() {
            List<Node> seq = new ArrayList<>();
            while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
                Node n = atom();
                int min = quantifier();
                if (min != 1 && n.kind() == Kind.ZERO) {
                    throw new Unsupported("quantified zero-width item at " + pos);
                }
                seq.add(min == 1 ? n : n.times(min));
            }
            return seq;
        }

        private Node atom() {
            char c = src.charAt(pos);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    int open = pos;
                    skipClass();
                    Set<String> members = members(src.substring(open + 1, pos - 1));
                    return members == null ? Node.of(Kind.OTHER) : new Node(Kind.SET, '\0', null, members, 1);
                }
                case '.' -> {
                    pos++;
                    return Node.of(Kind.OTHER);
                }
                case '^', '$' -> {
                    pos++;
                    return Node.of(Kind.ZERO);
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{' -> throw new Unsupported("dangling quantifier at " + pos);
                default -> {
                    pos++;
                    return new Node(Kind.CHAR, c, null, null, 1);
                }
            }
        }

        private Node group() {
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
                pos = k + 1;
                if (src.charAt(k) == ')') {
                    return Node.of(Kind.ZERO); // "(?s)": flags for the rest, no text
                }
            }
            List<List<Node>> inner = branches();
            if (pos >= src.length() || src.charAt(pos) != ')') {
                throw new Unsupported("unclosed group");
            }
            pos++;
            return lookaround ? Node.of(Kind.ZERO) : new Node(Kind.GROUP, '\0', inner, null, 1);
        }

        /** The characters of a class written as a plain list ("Pp", "ée"), or null for anything else. */
        private static Set<String> members(String body) {
            if (body.isEmpty() || body.length() > 8) {
                return null;
            }
            Set<String> out = new LinkedHashSet<>();
            for (char c : body.toCharArray()) {
                if (c == '^' || c == '-' || c == '[' || c == ']' || c == '\\' || c == '&') {
                    return null;
                }
                out.add(String.valueOf(c));
            }
            return out;
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

        private Node escape() {
            if (pos + 1 >= src.length()) {
                throw new Unsupported("trailing backslash");
            }
            char e = src.charAt(pos + 1);
            if (e == 'Q') {
                int end = src.indexOf("\\E", pos + 2);
                String quoted = end < 0 ? src.substring(pos + 2) : src.substring(pos + 2, end);
                pos = end < 0 ? src.length() : end + 2;
                if (quoted.isEmpty()) {
                    return Node.of(Kind.ZERO);
                }
                // a quoted run is its characters one after the other; a quantifier after it applies to the last
                List<Node> chars = new ArrayList<>();
                for (char q : quoted.toCharArray()) {
                    chars.add(new Node(Kind.CHAR, q, null, null, 1));
                }
                if (chars.size() == 1) {
                    return chars.get(0);
                }
                if (pos < src.length() && "?*+{".indexOf(src.charAt(pos)) >= 0) {
                    throw new Unsupported("quantified quotation at " + pos);
                }
                return new Node(Kind.GROUP, '\0', List.of(chars), null, 1);
            }
            if (Character.isDigit(e) || e == 'k') {
                throw new Unsupported("back reference");
            }
            if (e == 'd') {
                pos += 2;
                return new Node(Kind.SET, '\0', null, DIGITS, 1); // \d without UNICODE_CHARACTER_CLASS
            }
            if (e == 'b' || e == 'B' || e == 'A' || e == 'z' || e == 'Z' || e == 'G') {
                pos += 2;
                return Node.of(Kind.ZERO);
            }
            if (e == 'w') {
                pos += 2;
                return Node.of(Kind.WORD);
            }
            if (e == 'W' || e == 's' || e == 'S' || e == 'D' || e == 'h' || e == 'H' || e == 'v'
                    || e == 'V' || e == 'R' || e == 'X' || e == 't' || e == 'n' || e == 'r' || e == 'f' || e == 'a'
                    || e == 'e') {
                pos += 2;
                return Node.of(Kind.OTHER);
            }
            if (e == 'p' || e == 'P') {
                pos += 2;
                if (pos < src.length() && src.charAt(pos) == '{') {
                    int close = src.indexOf('}', pos);
                    pos = close < 0 ? src.length() : close + 1;
                } else {
                    pos++;
                }
                return Node.of(Kind.OTHER);
            }
            if (Character.isLetter(e)) {
                throw new Unsupported("escape \\" + e);
            }
            pos += 2;
            return new Node(Kind.CHAR, e, null, null, 1); // an escaped punctuation mark stands for itself
        }

        /** The least count of a quantifier at the position (consumed), 1 when there is none. */
        private int quantifier() {
            if (pos >= src.length()) {
                return 1;
            }
            char c = src.charAt(pos);
            int min;
            if (c == '?' || c == '*') {
                min = 0;
                pos++;
            } else if (c == '+') {
                min = 2; // at least one: "more than once" for a run
                pos++;
            } else if (c == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported("unclosed {");
                }
                String[] parts = src.substring(pos + 1, close).split(",", -1);
                try {
                    int lo = Integer.parseInt(parts[0].trim());
                    int hi = parts.length == 1 ? lo : parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].trim());
                    min = lo == 0 ? 0 : (lo == 1 && hi == 1) ? 1 : 2;
                } catch (NumberFormatException ex) {
                    throw new Unsupported("quantifier " + src.substring(pos, close + 1));
                }
                pos = close + 1;
            } else {
                return 1;
            }
            if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same counts
            }
            return min;
        }
    }
}
