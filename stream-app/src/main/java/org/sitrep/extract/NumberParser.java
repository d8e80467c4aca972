package org.sitrep.extract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sitrep.extract.Text.Token;
import org.sitrep.schema.Qualifier;

/**
 * Reads casualty figures written with digits or with English/French words, with their qualifier.
 *
 * <p>Rules (documented on {@link Extractor} too):
 * <ul>
 *   <li>Digits, with thousands separators {@code 1,200}, {@code 1.200}, a (narrow) non-breaking space or a plain space
 *       before a group of exactly three digits ({@code 1 400}); more than {@link #MAX_VALUE} is rejected. A figure
 *       restated in digits in parentheses, as communiqués write them ("quatre (04) militaires"), is one figure.</li>
 *   <li>Word numbers: English "one" to "ninety-nine", "hundred", "thousand" ("one hundred and twenty"); French "un"
 *       to "quatre-vingt-dix-neuf", "cent(s)", "mille" ("vingt et un"). Word numbers are read only in EN/FR text;
 *       other languages get digits only. "UN" in capitals is never "un", and "un/une" is an article, not one, before
 *       "nombre", "grand", "certain", "bilan"... ("un nombre important de terroristes").</li>
 *   <li>Approximate words give {@link Qualifier#about}: "a dozen" 12, "half a dozen" 6, "dozens" 24 (two dozen,
 *       the smallest reading), "a score" 20, "scores" 40, "a hundred" 100, "hundreds" 200; "une dizaine" 10,
 *       "une douzaine" 12, "une quinzaine" 15, "une vingtaine" 20 ... "une soixantaine" 60, "une centaine" 100,
 *       "des/plusieurs dizaines" 20, "des/plusieurs centaines" 200. "thousands"/"des milliers" are not read.</li>
 *   <li>Qualifier before the number: at least / more than / over / upwards of / no fewer than / au moins / plus de /
 *       pas moins de give {@link Qualifier#at_least}; about / around / some / nearly / almost / approximately /
 *       roughly / close to / an estimated / up to / as many as / environ / près de / quelque / autour de / presque /
 *       jusqu'à give {@link Qualifier#about}. After the number, "or more"/"ou plus" gives at_least, "or so"/"environ"
 *       gives about. Otherwise {@link Qualifier#exact}.</li>
 * </ul>
 */
public final class NumberParser {

    /** Larger figures are rejected as noise (years, sums of money, populations). */
    public static final int MAX_VALUE = 100_000;

    /** A figure found at a token position: tokens [start, end) cover qualifier and number. */
    public record NumberMention(int value, Qualifier qualifier, int start, int numberStart, int end) {}

    private static final Map<String, Integer> EN_UNITS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90));
    private static final Map<String, Integer> FR_UNITS = Map.ofEntries(
            Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4),
            Map.entry("cinq", 5), Map.entry("six", 6), Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9),
            Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12), Map.entry("treize", 13),
            Map.entry("quatorze", 14), Map.entry("quinze", 15), Map.entry("seize", 16), Map.entry("vingt", 20),
            Map.entry("vingts", 20), Map.entry("trente", 30), Map.entry("quarante", 40), Map.entry("cinquante", 50),
            Map.entry("soixante", 60));
    private static final Map<String, Integer> FR_APPROX = Map.of(
            "dizaine", 10, "douzaine", 12, "quinzaine", 15, "vingtaine", 20, "trentaine", 30, "quarantaine", 40,
            "cinquantaine", 50, "soixantaine", 60, "centaine", 100);

    private static final Phrases AT_LEAST = new Phrases(
            List.of("at", "least"), List.of("more", "than"), List.of("over"), List.of("upwards", "of"),
            List.of("no", "fewer", "than"), List.of("no", "less", "than"), List.of("not", "less", "than"),
            List.of("a", "minimum", "of"), List.of("in", "excess", "of"), List.of("au", "moins"), List.of("plus", "de"),
            List.of("plus", "d"), List.of("pas", "moins", "de"), List.of("pas", "moins", "d"), List.of("au", "minimum"));
    private static final Phrases ABOUT = new Phrases(
            List.of("about"), List.of("around"), List.of("some"), List.of("nearly"), List.of("almost"),
            List.of("approximately"), List.of("roughly"), List.of("close", "to"), List.of("an", "estimated"),
            List.of("estimated"), List.of("up", "to"), List.of("as", "many", "as"), List.of("environ"),
            List.of("pres", "de"), List.of("pres", "d"), List.of("quelque"), List.of("autour", "de"),
            List.of("autour", "d"), List.of("presque"), List.of("approximativement"), List.of("jusqu", "a"));
    private static final Phrases OR_MORE = new Phrases(List.of("or", "more"), List.of("ou", "plus"), List.of("et", "plus"));
    private static final Phrases OR_SO = new Phrases(List.of("or", "so"), List.of("environ"));
    private static final Set<String> NOT_BEFORE_ONE = Set.of("no", "any", "every", "each", "the", "this", "that");

    /** Phrases of words, with the words they start with (most tokens start none: one set lookup instead of all). */
    private record Phrases(List<List<String>> list, Set<String> firstWords) {
        @SafeVarargs
        Phrases(List<String>... phrases) {
            this(List.of(phrases), java.util.Arrays.stream(phrases).map(p -> p.get(0))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }
    }

    public NumberParser() {}

    /** Parses a whole string such as "twenty-one" or "une trentaine"; empty when it is not exactly one figure. */
    public Optional<NumberMention> parse(String text, Language lang) {
        List<Token> toks = Text.tokenize(text);
        Optional<NumberMention> m = at(toks, 0, lang);
        return m.filter(x -> x.end() == toks.size());
    }

    /** The figure starting at token {@code i} (possibly with a qualifier first), or empty. */
    public Optional<NumberMention> at(List<Token> toks, int i, Language lang) {
        if (toks == null || i < 0 || i >= toks.size()) {
            return Optional.empty();
        }
        Qualifier q = Qualifier.exact;
        int numStart = i;
        int len = phraseAt(toks, i, AT_LEAST);
        if (len > 0) {
            q = Qualifier.at_least;
        } else {
            len = phraseAt(toks, i, ABOUT);
            if (len > 0) {
                q = Qualifier.about;
            }
        }
        if (len > 0) {
            numStart = skipApostrophes(toks, i + len);
        }
        int[] vr = number(toks, numStart, lang);
        if (vr == null) {
            return Optional.empty();
        }
        int value = vr[0];
        int end = restated(toks, vr[1], value);
        if (vr[2] == 1 && q == Qualifier.exact) {
            q = Qualifier.about;
        }
        if (value <= 0 || value > MAX_VALUE) {
            return Optional.empty();
        }
        int post = phraseAt(toks, end, OR_MORE);
        if (post > 0 && q == Qualifier.exact) {
            return Optional.of(new NumberMention(value, Qualifier.at_least, i, numStart, end + post));
        }
        post = phraseAt(toks, end, OR_SO);
        if (post > 0 && q == Qualifier.exact) {
            return Optional.of(new NumberMention(value, Qualifier.about, i, numStart, end + post));
        }
        return Optional.of(new NumberMention(value, q, i, numStart, end));
    }

    /**
     * The value of a digit token, any Unicode decimal digits ("١٢" is 12) with group separators skipped;
     * {@link Integer#MAX_VALUE} beyond nine digits; -1 when it has no digit.
     */
    static int digitValue(String token) {
        long v = 0;
        int digits = 0;
        for (int k = 0; k < token.length(); k++) {
            int d = Character.digit(token.charAt(k), 10);
            if (d < 0) {
                continue;
            }
            if (++digits > 9) {
                return Integer.MAX_VALUE;
            }
            v = v * 10 + d;
        }
        return digits == 0 ? -1 : (int) v;
    }

    /** True when the token could start a figure (digit or number word), used to stop noun-phrase scans. */
    boolean startsNumber(List<Token> toks, int i, Language lang) {
        return number(toks, i, lang) != null;
    }

    /** {value, endExclusive, approx(0/1)} or null. */
    private int[] number(List<Token> toks, int i, Language lang) {
        if (i >= toks.size()) {
            return null;
        }
        Token t = toks.get(i);
        if (t.isNumber()) {
            int v = digitValue(t.text());
            if (v < 0) {
                return null;
            }
            // "1 400": a group of three digits one plain space after a group of at most three ("plus de 1 400 morts")
            int j = i;
            while (v < MAX_VALUE && toks.get(j).text().length() <= 3 && j + 1 < toks.size() && spaceGroup(toks.get(j), toks.get(j + 1))) {
                v = v * 1000 + digitValue(toks.get(j + 1).text());
                j++;
            }
            return new int[] {v, j + 1, 0};
        }
        if (lang == Language.EN) {
            return english(toks, i);
        }
        if (lang == Language.FR) {
            return french(toks, i);
        }
        return null;
    }

    private int[] english(List<Token> toks, int i) {
        String w = toks.get(i).text();
        String n1 = text(toks, i + 1);
        switch (w) {
            case "a", "an" -> {
                if (n1.equals("dozen")) {
                    return new int[] {12, i + 2, 1};
                }
                if (n1.equals("hundred")) {
                    return new int[] {100, i + 2, 1};
                }
                if (n1.equals("score")) {
                    return new int[] {20, i + 2, 1};
                }
                if (SINGULAR_PERSONS.contains(n1) || (SINGULAR_PERSONS.contains(text(toks, i + 2))
                        && ADJECTIVE_BEFORE_PERSON.contains(n1))) {
                    return new int[] {1, i + 1, 0}; // "killed a soldier and two civilians"
                }
                return null;
            }
            case "half" -> {
                return n1.equals("a") && text(toks, i + 2).equals("dozen") ? new int[] {6, i + 3, 1} : null;
            }
            case "dozens" -> {
                return new int[] {24, i + 1, 1};
            }
            case "scores" -> {
                return new int[] {40, i + 1, 1};
            }
            case "hundreds" -> {
                return new int[] {200, i + 1, 1};
            }
            default -> {
                // fall through to compound words
            }
        }
        if (w.equals("one") && i > 0 && NOT_BEFORE_ONE.contains(toks.get(i - 1).text())) {
            return null;
        }
        int total = 0;
        int current = 0;
        int j = i;
        int last = -1;
        boolean any = false;
        while (j < toks.size()) {
            String x = toks.get(j).text();
            Integer u = EN_UNITS.get(x);
            if (u != null) {
                current += u;
                any = true;
                last = j;
                j++;
            } else if (any && x.equals("hundred")) {
                current = Math.max(current, 1) * 100;
                last = j;
                j++;
            } else if (any && x.equals("thousand")) {
                total += Math.max(current, 1) * 1000;
                current = 0;
                last = j;
                j++;
            } else if (any && x.equals("dozen")) {
                current = Math.max(current, 1) * 12;
                last = j;
                j++;
            } else if (any && x.equals("-") && EN_UNITS.containsKey(text(toks, j + 1))) {
                j++;
            } else if (any && x.equals("and") && (text(toks, j - 1).equals("hundred") || text(toks, j - 1).equals("thousand"))
                    && EN_UNITS.containsKey(text(toks, j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return any ? new int[] {total + current, last + 1, 0} : null;
    }

    private int[] french(List<Token> toks, int i) {
        Token t = toks.get(i);
        String w = t.text();
        if (t.allCaps() && (w.equals("un") || w.equals("une"))) {
            return null;
        }
        String n1 = text(toks, i + 1);
        if ((w.equals("un") || w.equals("une")) && NOT_AFTER_UN.contains(n1)) {
            return null; // "un nombre important de terroristes", "un grand nombre d'assaillants"
        }
        if ((w.equals("une") || w.equals("un")) && FR_APPROX.containsKey(n1)) {
            return new int[] {FR_APPROX.get(n1), i + 2, 1};
        }
        if ((w.equals("des") || w.equals("plusieurs") || w.equals("quelques")) && n1.equals("dizaines")) {
            return new int[] {20, i + 2, 1};
        }
        if ((w.equals("des") || w.equals("plusieurs") || w.equals("quelques")) && n1.equals("centaines")) {
            return new int[] {200, i + 2, 1};
        }
        int total = 0;
        int current = 0;
        int j = i;
        int last = -1;
        boolean any = false;
        int lastUnit = 0;
        while (j < toks.size()) {
            String x = toks.get(j).text();
            Integer u = FR_UNITS.get(x);
            if (u != null && !(any && (x.equals("un") || x.equals("une")) && !text(toks, j - 1).equals("et"))) {
                if (u == 20 && lastUnit == 4 && any) {
                    current = current - 4 + 80; // quatre-vingt(s)
                } else {
                    current += u;
                }
                lastUnit = u;
                any = true;
                last = j;
                j++;
            } else if (x.equals("cent") || x.equals("cents")) {
                current = Math.max(current, 1) * 100;
                any = true;
                lastUnit = 100;
                last = j;
                j++;
            } else if (any && x.equals("mille")) {
                total += Math.max(current, 1) * 1000;
                current = 0;
                lastUnit = 1000;
                last = j;
                j++;
            } else if (any && x.equals("-") && (FR_UNITS.containsKey(text(toks, j + 1)) || text(toks, j + 1).startsWith("cent"))) {
                j++;
            } else if (any && x.equals("et") && (text(toks, j + 1).equals("un") || text(toks, j + 1).equals("une")
                    || text(toks, j + 1).equals("onze")) && lastUnit >= 20 && lastUnit <= 60) {
                j++;
            } else {
                break;
            }
        }
        return any ? new int[] {total + current, last + 1, 0} : null;
    }

    /** Singular person nouns after which English "a"/"an" counts one person: "a soldier was killed". */
    private static final Set<String> SINGULAR_PERSONS = Set.of("soldier", "civilian", "policeman", "policewoman",
            "gendarme", "peacekeeper", "villager", "child", "woman", "militant", "attacker", "jihadist", "person",
            "guard", "student", "worshipper", "farmer", "trader", "teacher", "journalist", "girl", "boy", "passenger",
            "fighter", "insurgent", "assailant", "terrorist", "militiaman", "volunteer", "herder", "pilgrim", "resident");
    /** Adjectives allowed between "a" and the person noun: "a Malian soldier", "a young woman". */
    private static final Set<String> ADJECTIVE_BEFORE_PERSON = Set.of("young", "local", "malian", "nigerien", "nigerian",
            "burkinabe", "chadian", "somali", "french", "kenyan", "ugandan", "cameroonian", "suspected", "wounded",
            "female", "male", "senior", "junior");

    /** Words after French "un"/"une" that make it an article, not the figure one. */
    private static final Set<String> NOT_AFTER_UN = Set.of("nombre", "grand", "certain", "petit", "bon", "nouveau",
            "nouvel", "nouvelle", "lourd", "lourde", "premier", "premiere", "bilan");

    /** Two digit tokens that make one number written with a plain space between groups: "1 400", "12 000". */
    private static boolean spaceGroup(Token a, Token b) {
        return a.isNumber() && b.isNumber() && b.text().length() == 3 && b.surface().length() == 3
                && b.start() == a.end() + 1 && a.surface().chars().allMatch(Character::isDigit);
    }

    /**
     * The end of a figure restated in digits in parentheses, as official communiqués write them: "quatre (04)
     * militaires", "three (3) soldiers"; {@code end} when it is not.
     */
    private static int restated(List<Token> toks, int end, int value) {
        if (text(toks, end).equals("(") && end + 2 < toks.size() && toks.get(end + 1).isNumber()
                && digitValue(toks.get(end + 1).text()) == value && text(toks, end + 2).equals(")")) {
            return end + 3;
        }
        return end;
    }

    private static String text(List<Token> toks, int i) {
        return i >= 0 && i < toks.size() ? toks.get(i).text() : "";
    }

    private static int skipApostrophes(List<Token> toks, int i) {
        int j = i;
        while (j < toks.size() && toks.get(j).text().equals("'")) {
            j++;
        }
        return j;
    }

    /** {@link #phraseAt(List, int, List)} of phrases with their first words known. */
    private static int phraseAt(List<Token> toks, int i, Phrases phrases) {
        int j = skipApostrophes(toks, i);
        if (j >= toks.size() || !phrases.firstWords().contains(toks.get(j).text())) {
            return 0;
        }
        return phraseAt(toks, i, phrases.list());
    }

    /** Length in tokens (apostrophes skipped) of the first phrase that matches at {@code i}, or 0. */
    static int phraseAt(List<Token> toks, int i, List<List<String>> phrases) {
        int best = 0;
        for (List<String> p : phrases) {
            int j = i;
            boolean ok = true;
            for (String w : p) {
                j = skipApostrophes(toks, j);
                if (j >= toks.size() || !toks.get(j).text().equals(w)) {
                    ok = false;
                    break;
                }
                j++;
            }
            if (ok && j - i > best) {
                best = j - i;
            }
        }
        return best;
    }
}
