package org.sitrep.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.extract.CasualtyLexicon.Casualty;
import org.sitrep.extract.LanguageProfile.Claimant;
import org.sitrep.extract.Text.Token;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Party;
import org.sitrep.schema.Qualifier;

/**
 * Reads what can be read of an article in a language other than English and French, with the small lexicon of its
 * {@link LanguageProfile} (or none): casualty figures written in digits, the event type, the event date. Places and
 * actors are read by the gazetteer and the actor dictionary, which work on names in any language. Pure and
 * thread-safe.
 *
 * <ul>
 *   <li><b>Figures</b>: digits only (any script's digits), up to {@link NumberParser#MAX_VALUE}; parts of dates and
 *       times ("10/12/2019", "10.12.", "14:30", "10 de enero") and years without a person noun ("en 2023
 *       murieron") are not figures. A figure counts when a
 *       casualty word of the lexicon follows it ("12 muertos", "12 Tote"), follows its person noun within six words
 *       ("12 soldados murieron", "12 Soldaten wurden bei dem Angriff getötet"; another coordinated figure may stand
 *       between: "12 soldados y 3 civiles murieron"), comes at most three words before it ("mataron a 12 soldados"),
 *       or, for a figure without a noun, follows it across auxiliaries ("y 5 resultaron heridos"). A qualifier of the
 *       lexicon before it ("al menos", "mindestens", "circa") gives at_least or about.</li>
 *   <li><b>Party</b>: the person noun after the figure ("soldados" state_forces, "Söldner" foreign_forces...), a
 *       state-force noun with a foreign modifier ("soldados franceses") foreign_forces, a neutral noun with an armed
 *       modifier ("hombres armados") militants; without a noun, or with an "others" word, the party of the previous
 *       figure of the sentence, else unknown. Killed, injured and missing figures of one party in one sentence make
 *       one claim, as in English.</li>
 *   <li><b>Claimant</b>: media (the outlet) unless a clear cue: an attribution word ("según", "segundo", "laut",
 *       "nach Angaben", "zufolge", "secondo") with a claimant noun of the lexicon ("ejército" → "army", state;
 *       "fuentes de seguridad" → "security sources", anonymous_official; "testigos" → "residents", local_source; UN
 *       and NGO names → ngo_un) or a known actor ("JNIM", armed_group) within six words after it (or four before, for
 *       "der Armee zufolge").</li>
 *   <li><b>Event type</b>: the most specific event word of the lexicon in the title and non-background sentences,
 *       in the order of {@link EventTypeClassifier}; none gives other.</li>
 *   <li><b>Event date</b>: explicit dates, ISO ("2019-12-10"), day first with digits ("10/12/2019", "10.12.2019",
 *       a month above 12 swaps day and month) or with a month name of the lexicon ("10 de enero de 2023", "10.
 *       Januar"); without a year the publication year (the year before when that would be after publication). Dates
 *       after publication are ignored and a sentence with a date more than 30 days before publication is background.
 *       Sentences with claims come first, then those with event words, then the others and the title; nothing found:
 *       the publication date.</li>
 * </ul>
 */
final class PassThroughReader {

    /** Words scanned after a person noun for its casualty word. */
    private static final int AFTER_NOUN = 6;
    /** Words scanned before a figure for a casualty verb. */
    private static final int BEFORE = 3;
    /** Days before publication beyond which an explicit date is background. */
    private static final int STALE_DAYS = 30;

    private static final List<EventType> SPECIFIC_FIRST = List.of(EventType.suicide_bombing, EventType.ambush,
            EventType.attack_on_base, EventType.airstrike, EventType.ied, EventType.attack_on_civilians,
            EventType.armed_clash);

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern DIGIT_DATE = Pattern.compile("\\b(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})\\b");
    private static final Map<String, Pattern> MONTH_DATES = new ConcurrentHashMap<>();

    private final ActorDictionary actors;

    PassThroughReader(ActorDictionary actors) {
        this.actors = actors;
    }

    /** One figure of a sentence: its value and qualifier, token position, party (null: the previous one's), kind. */
    record Figure(int value, Qualifier qualifier, int token, Party party, Casualty casualty) {}

    // ---------------------------------------------------------------- claims

    /** Claims of the non-background sentences, in order, each claim once. */
    List<Claim> claims(List<ClaimExtractor.Input> inputs, ClaimExtractor.Source src, LanguageProfile lang) {
        Map<String, Claim> unique = new LinkedHashMap<>();
        for (ClaimExtractor.Input in : inputs) {
            if (in.background()) {
                continue;
            }
            for (Claim c : claims(in.sentence().text(), src, lang)) {
                unique.putIfAbsent(ClaimFigures.key(c), c);
            }
        }
        return ClaimFigures.withoutUnknownDuplicates(unique.values());
    }

    /** Claims of one sentence. */
    List<Claim> claims(String sentence, ClaimExtractor.Source src, LanguageProfile lang) {
        List<Token> toks = Text.tokenize(sentence);
        List<Figure> figures = figures(toks, lang);
        List<Claim> out = new ArrayList<>();
        if (figures.isEmpty()) {
            return out;
        }
        Claimant cue = claimant(sentence, toks, lang);
        String claimant = cue == null ? src.outlet() : cue.name();
        ClaimantKind kind = cue == null ? ClaimantKind.media : cue.kind();
        List<Claim.Builder> open = new ArrayList<>();
        for (Figure f : figures) {
            boolean merged = false;
            for (int k = open.size() - 1; k >= 0 && !merged; k--) {
                Claim.Builder b = open.get(k);
                boolean compatible = b.getQualifier() == f.qualifier() || f.qualifier() == Qualifier.exact;
                merged = b.getParty() == f.party() && compatible && ClaimFigures.merge(b, f.casualty(), f.value());
            }
            if (merged) {
                continue;
            }
            Claim.Builder b = Claim.newBuilder()
                    .setClaimant(claimant == null ? "" : claimant)
                    .setClaimantKind(kind)
                    .setParty(f.party())
                    .setQualifier(f.qualifier())
                    .setArticleId(src.articleId())
                    .setOutlet(src.outlet())
                    .setPublishedAt(src.publishedAt())
                    .setSentence(sentence)
                    .setPartisan(false);
            ClaimFigures.set(b, f.casualty(), f.value());
            open.add(b);
        }
        open.forEach(b -> out.add(b.build()));
        return out;
    }

    /** The casualty figures of a tokenised sentence, with their party resolved. */
    List<Figure> figures(List<Token> toks, LanguageProfile lang) {
        List<Figure> out = new ArrayList<>();
        int[] len = new int[1];
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (!t.isNumber()) {
                continue;
            }
            int value = NumberParser.digitValue(t.text());
            if (value <= 0 || value > NumberParser.MAX_VALUE || partOfDate(toks, i, lang)) {
                continue;
            }
            Qualifier q = LanguageProfile.phraseBefore(lang.qualifiers(), toks, i, len);
            int start = q == null ? i : i - len[0];
            Figure f = figure(toks, i, start, value, q == null ? Qualifier.exact : q, lang);
            if (f == null) {
                continue;
            }
            Party p = f.party();
            if (p == null) {
                p = out.isEmpty() ? Party.unknown : out.get(out.size() - 1).party();
            }
            out.add(new Figure(f.value(), f.qualifier(), i, p, f.casualty()));
        }
        return out;
    }

    /** The figure at token {@code i} (its qualifier from {@code start}), or null when it is not a casualty figure. */
    private static Figure figure(List<Token> toks, int i, int start, int value, Qualifier q, LanguageProfile lang) {
        int[] len = new int[1];
        int j = i + 1;
        while (j < toks.size() && lang.glue().contains(toks.get(j).text())) {
            j++;
        }
        // "12 muertos", "12 Tote": the casualty word is the noun
        boolean year = value >= 1900 && value <= 2100;
        Casualty c = LanguageProfile.phraseAt(lang.casualties(), toks, j, len);
        if (c != null && !year) {
            Party p = null;
            int after = j + len[0];
            if (after < toks.size()) {
                p = lang.parties().get(toks.get(after).text()); // "12 muertos civiles"
            }
            return new Figure(value, q, i, p, c);
        }
        // the person noun, at most three words on: "12 soldados", "12 malische Soldaten"
        Party party = null;
        boolean others = lang.others().contains(at(toks, i - 1)) || lang.others().contains(at(toks, start - 1));
        boolean foreign = false;
        boolean armed = false;
        int noun = -1;
        int words = 0;
        for (int k = j; k < toks.size() && words < 3; k++) {
            Token t = toks.get(k);
            String w = t.text();
            if (!t.isWord() || LanguageProfile.phraseAt(lang.casualties(), toks, k, len) != null
                    || lang.auxiliaries().contains(w) || lang.conjunctions().contains(w)) {
                break;
            }
            words++;
            foreign |= lang.foreign().contains(w);
            armed |= lang.armed().contains(w);
            if (lang.others().contains(w)) {
                others = true;
                noun = k;
                break;
            }
            Party p = lang.parties().get(w);
            if (p != null) {
                party = p;
                noun = k;
                break;
            }
        }
        if (noun >= 0) {
            for (int k = noun + 1; k < Math.min(toks.size(), noun + 3); k++) {
                foreign |= lang.foreign().contains(toks.get(k).text());
                armed |= lang.armed().contains(toks.get(k).text());
            }
            if (party == Party.state_forces && foreign) {
                party = Party.foreign_forces;
            }
            if ((party == Party.unknown || party == null) && armed && !others) {
                party = Party.militants;
            }
            c = casualtyAfterNoun(toks, noun + 1, lang);
            if (c == null) {
                c = casualtyBefore(toks, start, lang);
            }
            return c == null ? null : new Figure(value, q, i, others ? null : party, c);
        }
        if (year) {
            return null; // "en 2023 murieron"
        }
        // a figure without a noun: "y 5 resultaron heridos", "und 5 weitere wurden verletzt"
        int k = j;
        while (k < toks.size() && (lang.auxiliaries().contains(toks.get(k).text())
                || lang.others().contains(toks.get(k).text()))) {
            k++;
        }
        c = LanguageProfile.phraseAt(lang.casualties(), toks, k, len);
        return c == null ? null : new Figure(value, q, i, null, c);
    }

    /** The casualty word after a person noun, across other words and coordinated figures, within the clause. */
    private static Casualty casualtyAfterNoun(List<Token> toks, int from, LanguageProfile lang) {
        int[] len = new int[1];
        int words = 0;
        int k = from;
        while (k < toks.size() && words < AFTER_NOUN) {
            Token t = toks.get(k);
            Casualty c = LanguageProfile.phraseAt(lang.casualties(), toks, k, len);
            if (c != null) {
                return c;
            }
            if (lang.conjunctions().contains(t.text()) && k + 1 < toks.size() && toks.get(k + 1).isNumber()) {
                k = skipFigure(toks, k + 1, lang); // "12 soldados y 3 civiles murieron"
                words++;
                continue;
            }
            if (t.isNumber() || (!t.isWord() && !isQuote(t.text()))) {
                return null;
            }
            words++;
            k++;
        }
        return null;
    }

    /** Past a coordinated figure and its noun: the number, glue, and up to three words ending at a person noun. */
    private static int skipFigure(List<Token> toks, int number, LanguageProfile lang) {
        int k = number + 1;
        while (k < toks.size() && lang.glue().contains(toks.get(k).text())) {
            k++;
        }
        for (int m = k; m < toks.size() && m < k + 3; m++) {
            String w = toks.get(m).text();
            if (lang.parties().containsKey(w) || lang.others().contains(w)) {
                return m + 1;
            }
        }
        return k;
    }

    /** A casualty word at most {@value #BEFORE} words before the figure, in the same clause: "mataron a 12". */
    private static Casualty casualtyBefore(List<Token> toks, int start, LanguageProfile lang) {
        int[] len = new int[1];
        for (int k = start - 1; k >= 0 && k >= start - BEFORE; k--) {
            Token t = toks.get(k);
            if (t.isNumber() || (!t.isWord() && !isQuote(t.text()))) {
                return null;
            }
            Casualty c = LanguageProfile.phraseAt(lang.casualties(), toks, k, len);
            if (c != null && k + len[0] <= start) {
                return c;
            }
        }
        return null;
    }

    /** Whether the number at {@code i} is part of a date or a time: "10/12/2019", "14:30", "10 de enero". */
    private static boolean partOfDate(List<Token> toks, int i, LanguageProfile lang) {
        String next = at(toks, i + 1);
        String prev = at(toks, i - 1);
        if ((isDateSeparator(next) && i + 2 < toks.size() && toks.get(i + 2).isNumber())
                || (isDateSeparator(prev) && i >= 2 && toks.get(i - 2).isNumber())) {
            return true;
        }
        int k = i + 1;
        if (next.equals(".") || next.equals("de") || next.equals("o") || next.equals("er")) {
            k++;
        }
        return lang.months().containsKey(at(toks, k));
    }

    private static boolean isDateSeparator(String s) {
        return s.equals("/") || s.equals(".") || s.equals(":") || s.equals("-");
    }

    private static boolean isQuote(String s) {
        return s.equals("\"") || s.equals("'");
    }

    private static String at(List<Token> toks, int i) {
        return i >= 0 && i < toks.size() ? toks.get(i).text() : "";
    }

    // ---------------------------------------------------------------- claimant

    /** The claimant named after (or just before) an attribution word of the sentence, or null. */
    Claimant claimant(String sentence, List<Token> toks, LanguageProfile lang) {
        if (lang.attribution().isEmpty()) {
            return null;
        }
        List<ActorDictionary.Mention> mentions = null;
        for (int a = 0; a < toks.size(); a++) {
            int n = attributionAt(toks, a, lang);
            if (n == 0) {
                continue;
            }
            if (mentions == null) {
                mentions = actors.find(sentence);
            }
            Claimant c = claimantIn(toks, a + n, Math.min(toks.size(), a + n + 6), lang, mentions);
            if (c == null) {
                c = claimantIn(toks, Math.max(0, a - 4), a, lang, mentions);
            }
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static int attributionAt(List<Token> toks, int i, LanguageProfile lang) {
        for (List<String> phrase : lang.attribution()) {
            if (i + phrase.size() > toks.size()) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < phrase.size() && match; k++) {
                match = toks.get(i + k).text().equals(phrase.get(k));
            }
            if (match) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static Claimant claimantIn(List<Token> toks, int from, int to, LanguageProfile lang,
            List<ActorDictionary.Mention> mentions) {
        int[] len = new int[1];
        for (int k = from; k < to; k++) {
            Claimant c = LanguageProfile.phraseAt(lang.claimants(), toks, k, len);
            if (c != null) {
                return c;
            }
            Token t = toks.get(k);
            for (ActorDictionary.Mention m : mentions) {
                if (m.start() == t.start()) {
                    ClaimantKind kind = m.actor().kind() == ActorDictionary.Kind.ARMED_GROUP ? ClaimantKind.armed_group
                            : ClaimantKind.state;
                    return new Claimant(m.actor().name(), kind);
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- event type and date

    /** The most specific event type named in the texts, if any. */
    Optional<EventType> eventType(List<String> texts, LanguageProfile lang) {
        if (lang.events().isEmpty()) {
            return Optional.empty();
        }
        int best = Integer.MAX_VALUE;
        int[] len = new int[1];
        for (String text : texts) {
            List<Token> toks = Text.tokenize(text);
            for (int i = 0; i < toks.size(); i++) {
                EventType t = LanguageProfile.phraseAt(lang.events(), toks, i, len);
                if (t != null) {
                    best = Math.min(best, SPECIFIC_FIRST.indexOf(t));
                }
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(SPECIFIC_FIRST.get(best));
    }

    /** Whether the sentence has an explicit date more than 30 days before publication (it is then background). */
    boolean hasStaleDate(String sentence, LocalDate published, LanguageProfile lang) {
        for (LocalDate d : dates(sentence, published, lang)) {
            if (!d.isAfter(published) && ChronoUnit.DAYS.between(d, published) > STALE_DAYS) {
                return true;
            }
        }
        return false;
    }

    /** The first usable explicit date in the first group of sentences that has one, else the publication date. */
    LocalDate eventDate(List<List<String>> groups, LocalDate published, LanguageProfile lang) {
        for (List<String> group : groups) {
            for (String s : group) {
                for (LocalDate d : dates(s, published, lang)) {
                    if (!d.isAfter(published) && ChronoUnit.DAYS.between(d, published) <= STALE_DAYS) {
                        return d;
                    }
                }
            }
        }
        return published;
    }

    /** The explicit dates of a sentence, in order of appearance. */
    List<LocalDate> dates(String sentence, LocalDate published, LanguageProfile lang) {
        List<LocalDate> out = new ArrayList<>();
        if (sentence == null || sentence.isEmpty()) {
            return out;
        }
        String f = Text.fold(sentence);
        if (!containsDigit(f)) {
            return out;
        }
        record At(int pos, LocalDate date) {}
        List<At> found = new ArrayList<>();
        Matcher m = ISO_DATE.matcher(f);
        while (m.find()) {
            add(found, m.start(), date(m.group(1), m.group(2), m.group(3), published), At::new);
        }
        m = DIGIT_DATE.matcher(f);
        while (m.find()) {
            if (m.start() > 0 && f.charAt(m.start() - 1) == '-') {
                continue; // the tail of an ISO date
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            String year = m.group(4).length() == 2 ? "20" + m.group(4) : m.group(4);
            boolean monthFirst = b > 12 && a <= 12;
            add(found, m.start(), date(year, String.valueOf(monthFirst ? a : b), String.valueOf(monthFirst ? b : a),
                    published), At::new);
        }
        Pattern monthDate = monthDate(lang);
        if (monthDate != null) {
            m = monthDate.matcher(f);
            while (m.find()) {
                Integer month = lang.months().get(m.group(2));
                String year = m.group(3);
                LocalDate d = null;
                if (month != null) {
                    d = year != null ? date(year, String.valueOf(month), m.group(1), published)
                            : withoutYear(month, Integer.parseInt(m.group(1)), published);
                }
                add(found, m.start(), d, At::new);
            }
        }
        found.sort((x, y) -> Integer.compare(x.pos(), y.pos()));
        found.forEach(a -> out.add(a.date()));
        return out;
    }

    private static <T> void add(List<T> list, int pos, LocalDate d, java.util.function.BiFunction<Integer, LocalDate, T> at) {
        if (d != null) {
            list.add(at.apply(pos, d));
        }
    }

    private static Pattern monthDate(LanguageProfile lang) {
        if (lang.months().isEmpty()) {
            return null;
        }
        return MONTH_DATES.computeIfAbsent(lang.code(), code -> {
            List<String> names = new ArrayList<>(lang.months().keySet());
            names.sort((x, y) -> y.length() - x.length());
            return Pattern.compile("\\b(\\d{1,2})(?:\\.|o|er|º|°)?\\s+(?:de\\s+)?(" + String.join("|", names)
                    + ")\\b(?:\\s*,?\\s*(?:de\\s+|del\\s+)?(\\d{4})\\b)?");
        });
    }

    private static LocalDate date(String year, String month, String day, LocalDate published) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1990 || y > published.getYear() + 1) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate withoutYear(int month, int day, LocalDate published) {
        try {
            LocalDate d = LocalDate.of(published.getYear(), month, day);
            return d.isAfter(published) ? d.minusYears(1) : d;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
