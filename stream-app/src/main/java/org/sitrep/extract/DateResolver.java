package org.sitrep.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the date of an event from what sentences say, relative to the publication date (a UTC calendar date).
 *
 * <ul>
 *   <li>Month and weekday names, "yesterday" and the commonest reporting verbs are also known in Spanish, Portuguese,
 *       Italian and German ("el sábado 23 de marzo", "no sábado", "domenica sera", "am Montag", "2. Juli").</li>
 *   <li>Explicit dates ("on 10 January", "January 10, 2023", "le 10 janvier 2023", "dans la nuit du 9 au 10 janvier"
 *       = the 9th) give that date; without a year, the publication year, or the year before when that would put the
 *       date after publication.</li>
 *   <li>Weekdays ("on Tuesday", "Tuesday night", "Tuesday's attack", "mardi", "mardi soir", "dans la nuit de lundi à
 *       mardi" = the Monday) give the latest such weekday on or before the publication date (the same weekday as
 *       publication is the publication date).</li>
 *   <li>"yesterday"/"hier" is the day before publication, "the day before yesterday"/"avant-hier" two days before;
 *       "overnight"/"last night"/"dans la nuit"/"cette nuit" the day before when no weekday is given.</li>
 *   <li>"the day before"/"the previous day"/"la veille" count only relative to another date in the same sentence
 *       (one day before it); alone they are ignored.</li>
 *   <li>A date right after a reporting word ("a report released on Thursday", "said on Wednesday", "consulted
 *       Thursday by AFP", "a annoncé jeudi") is when something was said, not when it happened: it is skipped,
 *       except as the anchor of "the day before".</li>
 *   <li>An explicit date that is a reference point ("since", "after", "until", "before", "depuis", "avant",
 *       "après", "jusqu'au" at most 40 characters before it, in the same clause: "depuis le coup d'État du 26
 *       juillet") is skipped like a reporting date, unless an attack word comes between ("une semaine après la double
 *       embuscade du mardi 10 janvier" is the event's own date).</li>
 *   <li>Within a sentence: day-before anchor, then explicit date, weekday, yesterday, overnight; but an explicit date
 *       more than {@value #STALE_EXPLICIT_DAYS} days before publication ranks after weekday and yesterday. Across
 *       sentences: the first sentence (of the first group of sentences) that has a date wins. Nothing found: the
 *       publication date.</li>
 * </ul>
 */
public final class DateResolver {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("janvier", 1), Map.entry("fevrier", 2),
            Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("mai", 5), Map.entry("juin", 6),
            Map.entry("juillet", 7), Map.entry("aout", 8), Map.entry("septembre", 9), Map.entry("octobre", 10),
            Map.entry("novembre", 11), Map.entry("decembre", 12),
            // es, pt, it, de
            Map.entry("enero", 1), Map.entry("febrero", 2), Map.entry("marzo", 3), Map.entry("abril", 4),
            Map.entry("mayo", 5), Map.entry("junio", 6), Map.entry("julio", 7), Map.entry("agosto", 8),
            Map.entry("septiembre", 9), Map.entry("setiembre", 9), Map.entry("octubre", 10), Map.entry("noviembre", 11),
            Map.entry("diciembre", 12), Map.entry("janeiro", 1), Map.entry("fevereiro", 2), Map.entry("marco", 3),
            Map.entry("maio", 5), Map.entry("junho", 6), Map.entry("julho", 7), Map.entry("setembro", 9),
            Map.entry("outubro", 10), Map.entry("novembro", 11), Map.entry("dezembro", 12), Map.entry("gennaio", 1),
            Map.entry("febbraio", 2), Map.entry("aprile", 4), Map.entry("maggio", 5), Map.entry("giugno", 6),
            Map.entry("luglio", 7), Map.entry("settembre", 9), Map.entry("ottobre", 10), Map.entry("dicembre", 12),
            Map.entry("januar", 1), Map.entry("februar", 2), Map.entry("marz", 3), Map.entry("juni", 6),
            Map.entry("juli", 7), Map.entry("oktober", 10), Map.entry("dezember", 12));
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("lundi", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("vendredi", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY), Map.entry("dimanche", DayOfWeek.SUNDAY),
            Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY), Map.entry("segunda-feira", DayOfWeek.MONDAY),
            Map.entry("terca-feira", DayOfWeek.TUESDAY), Map.entry("quarta-feira", DayOfWeek.WEDNESDAY),
            Map.entry("quinta-feira", DayOfWeek.THURSDAY), Map.entry("sexta-feira", DayOfWeek.FRIDAY),
            Map.entry("lunedi", DayOfWeek.MONDAY), Map.entry("martedi", DayOfWeek.TUESDAY),
            Map.entry("mercoledi", DayOfWeek.WEDNESDAY), Map.entry("giovedi", DayOfWeek.THURSDAY),
            Map.entry("venerdi", DayOfWeek.FRIDAY), Map.entry("sabato", DayOfWeek.SATURDAY),
            Map.entry("domenica", DayOfWeek.SUNDAY), Map.entry("montag", DayOfWeek.MONDAY),
            Map.entry("dienstag", DayOfWeek.TUESDAY), Map.entry("mittwoch", DayOfWeek.WEDNESDAY),
            Map.entry("donnerstag", DayOfWeek.THURSDAY), Map.entry("freitag", DayOfWeek.FRIDAY),
            Map.entry("samstag", DayOfWeek.SATURDAY), Map.entry("sonnabend", DayOfWeek.SATURDAY),
            Map.entry("sonntag", DayOfWeek.SUNDAY));

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|"
            + "november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
            + "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
            + "janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|"
            + "maggio|giugno|luglio|settembre|ottobre|dicembre|januar|februar|marz|juni|juli|oktober|dezember|"
            + "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?";
    private static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|"
            + "mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|"
            + "segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|lunedi|martedi|mercoledi|giovedi|venerdi|"
            + "sabato|domenica|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)";
    private static final GuardedPattern DAY_MONTH = GuardedPattern.compile(
            "\\b(\\d{1,2})(?:er|st|nd|rd|th|\\.)?(?:\\s*(?:-|au|to|and|et)\\s*\\d{1,2}(?:er|st|nd|rd|th)?)?\\s+(?:de\\s+)?"
                    + MONTH + "(?:\\s*,?\\s*(?:de\\s+|del\\s+)?(\\d{4}))?");
    private static final GuardedPattern MONTH_DAY = GuardedPattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:,\\s*)?\\d{3}\\b)(?:\\s*,?\\s*(\\d{4}))?");
    private static final GuardedPattern NIGHT_FROM = GuardedPattern.compile(
            "\\b(?:nuit de|nuit du|night of|night from|overnight from|overnight)\\s+" + DAY
                    + "\\s+(?:a|au|to|into|and)\\s+" + DAY + "\\b");
    private static final GuardedPattern WEEKDAY = GuardedPattern.compile("\\b" + DAY + "\\b");
    private static final GuardedPattern YESTERDAY = GuardedPattern.compile("\\b(yesterday|hier|ayer|ontem|ieri|gestern)\\b");
    private static final GuardedPattern DAY_BEFORE_YESTERDAY = GuardedPattern.compile("\\b(day before yesterday|avant-hier)\\b");
    private static final GuardedPattern OVERNIGHT = GuardedPattern.compile(
            "\\b(overnight|last night|dans la nuit|cette nuit|la nuit derniere)\\b");
    private static final GuardedPattern DAY_BEFORE = GuardedPattern.compile(
            "\\b(the day before|the previous day|a day earlier|the day prior|la veille)\\b");
    private static final GuardedPattern REPORTING = GuardedPattern.compile(
            "\\b(released|published|issued|said|says|announced|consulted|emailed|reported|told|added|confirmed|stated|"
                    + "statement|declared|acknowledged|admitted|conceded|revealed|claimed responsibility|publie|publiee|"
                    + "annonce|annoncait|indique|declare|precise|affirme|confirme|reconnu|admis|revele|"
                    + "revendique(?: l'\\w+)?|communique|rapporte|consulte|dit|dijo|informo|anuncio|declaro|disse|informou|"
                    + "anunciou|detto|dichiarato|annunciato|mitteilte|mitgeteilt|sagte|erklarte)\\W+(?:on\\s+|le\\s+|ce\\s+|"
                    + "this\\s+|late\\s+|early\\s+|last\\s+|este\\s+|esta\\s+|el\\s+|am\\s+|il\\s+|nesta\\s+|neste\\s+)?$");
    /**
     * A word that makes the explicit date after it a reference point, not the event: "depuis le coup d'État du 26
     * juillet", "since 2 March", "after the vote of 9 August", "until 30 June", "avant le 15 mai".
     */
    private static final GuardedPattern ANCHOR = GuardedPattern.compile(
            "\\b(since|after|until|till|before|depuis|avant|apres|jusqu'(?:au|a|en))\\b[^,;:.()\"]{0,40}$");
    private static final GuardedPattern EVENT_NOUN = GuardedPattern.compile("\\b(attack|attacks|attaque|attaques|ambush|embuscade|"
            + "assault|assaut|raid|explosion|blast|bombing|bombings|attentat|massacre|tuerie|fighting|combats?|strike|strikes|"
            + "frappe|frappes|clash|clashes|affrontements?|killings?)\\b");
    /**
     * Words that tie a date to the event itself: event nouns and the verbs of killing and attacking. A date with one
     * of them within {@value #ATTACH_BEFORE} characters before it or {@value #ATTACH_AFTER} after it before a comma, in the same
     * clause ("killed ... on Saturday", "Sunday's attack", "the strike, late on Sunday", "tués samedi"), is
     * <em>attached</em>.
     */
    private static final GuardedPattern EVENT_WORD = GuardedPattern.compile("\\b(attack\\w*|attaqu\\w*|ambush\\w*|embuscades?|"
            + "assault|assaut|raids?|explosions?|exploded|blasts?|bomb\\w*|attentats?|massacre\\w*|tuerie|fighting|"
            + "combats?|strikes?|struck|frappe\\w*|clash\\w*|affrontements?|killings?|killed|kill|died|dead|slain|"
            + "stormed|overran|overrun|tue|tues|tuee|tuees|morts?|perdu la vie|peri|abducted|kidnapped|enleve\\w*|"
            + "ataques?|atentados?|asalto|assalto|attacc\\w*|angriff\\w*|anschlag\\w*|muert\\w*|mortos|morti|uccis\\w*|"
            + "getotet|emboscada|imboscata|hinterhalt|masacre|matanza|massaker)\\b");
    static final int ATTACH_BEFORE = 40;
    static final int ATTACH_AFTER = 25;
    /** An explicit date more than this many days before publication does not beat a weekday in the same sentence. */
    static final int STALE_EXPLICIT_DAYS = 7;

    public DateResolver() {}

    /**
     * The event date: the first date found in {@code preferred} sentences (those that carry casualty figures or event
     * words), else in {@code others}, else the publication date.
     */
    public LocalDate resolve(List<String> preferred, List<String> others, LocalDate published) {
        return resolve(java.util.Arrays.asList(preferred, others), published);
    }

    /**
     * The event date: the first date attached to event words ("killed ... on Saturday", "Sunday's attack") in the
     * groups in order, else the first date found in the first group of sentences that has one, else the publication
     * date.
     */
    public LocalDate resolve(List<List<String>> groups, LocalDate published) {
        return resolve(ArticleText.single(), groups, published);
    }

    /** {@link #resolve(List, LocalDate)} over sentences of an article, each read once. */
    LocalDate resolve(ArticleText article, List<List<String>> groups, LocalDate published) {
        LocalDate firstUnattached = null;
        for (List<String> group : groups) {
            if (group == null) {
                continue;
            }
            for (String s : group) {
                Optional<Dated> d = dated(article, s, published);
                if (d.isPresent() && d.get().attached()) {
                    return d.get().date();
                }
                if (d.isPresent() && firstUnattached == null) {
                    firstUnattached = d.get().date();
                }
            }
        }
        return firstUnattached != null ? firstUnattached : published;
    }

    /** Ranks within a sentence: lower wins. */
    private static final int EXPLICIT = 10;
    private static final int WEEKDAY_RANK = 20;
    private static final int YESTERDAY_RANK = 30;
    private static final int STALE_EXPLICIT = 35;
    private static final int OVERNIGHT_RANK = 40;

    private record Found(LocalDate date, int start, int end, boolean reporting, int rank) {}

    /** A date one sentence gives, and whether it is attached to the event's words (see {@link #EVENT_WORD}). */
    public record Dated(LocalDate date, boolean attached) {}

    /** The event date one sentence gives, if any. */
    public Optional<LocalDate> inSentence(String sentence, LocalDate published) {
        return inSentence(ArticleText.single(), sentence, published);
    }

    /** {@link #inSentence(String, LocalDate)} of a sentence of an article. */
    Optional<LocalDate> inSentence(ArticleText article, String sentence, LocalDate published) {
        return dated(article, sentence, published).map(Dated::date);
    }

    /**
     * The event date one sentence gives, if any, and whether it is attached to event words. Within the sentence an
     * attached date beats an unattached one, then the ranks above apply.
     */
    public Optional<Dated> dated(String sentence, LocalDate published) {
        return dated(ArticleText.single(), sentence, published);
    }

    /** {@link #dated(String, LocalDate)} of a sentence of an article, read once per publication date. */
    Optional<Dated> dated(ArticleText article, String sentence, LocalDate published) {
        if (sentence == null || sentence.isEmpty() || published == null) {
            return Optional.empty();
        }
        return article.get(sentence, new ArticleText.Key("dated", published),
                s -> datedFolded(article.probe(article.folded(s)), published));
    }

    /** What a sentence with a date holds one of (see {@link GuardedPattern#anyOf}). */
    private static final GuardedPattern.Literals ANY_DATE = GuardedPattern.anyOf(List.of(DAY_MONTH, MONTH_DAY,
            NIGHT_FROM, WEEKDAY, DAY_BEFORE_YESTERDAY, YESTERDAY, OVERNIGHT));

    private Optional<Dated> datedFolded(GuardedPattern.Probe probe, LocalDate published) {
        if (ANY_DATE != null && !probe.holds(ANY_DATE)) {
            return Optional.empty(); // no date pattern can match (and "the day before" needs another date)
        }
        String f = probe.text();
        List<Found> found = new ArrayList<>();
        List<int[]> explicitSpans = new ArrayList<>();
        GuardedPattern.Scan m = DAY_MONTH.scan(probe);
        while (m.find()) {
            LocalDate d = date(published, m.group(3), MONTHS.get(m.group(2)), m.group(1));
            if (d != null) {
                found.add(new Found(d, m.start(), m.end(), reporting(f, m.start()) || anchor(f, m.start()),
                        explicitRank(d, published)));
                explicitSpans.add(new int[] {m.start(), m.end()});
            }
        }
        m = MONTH_DAY.scan(probe);
        while (m.find()) {
            if (inside(explicitSpans, m.start())) {
                continue;
            }
            LocalDate d = date(published, m.group(3), MONTHS.get(m.group(1)), m.group(2));
            if (d != null) {
                found.add(new Found(d, m.start(), m.end(), reporting(f, m.start()) || anchor(f, m.start()),
                        explicitRank(d, published)));
            }
        }
        boolean weekday = false;
        m = NIGHT_FROM.scan(probe);
        List<int[]> nightSpans = new ArrayList<>();
        while (m.find()) {
            found.add(new Found(lastOnOrBefore(published, DAYS.get(m.group(1))), m.start(), m.end(), false,
                    WEEKDAY_RANK));
            nightSpans.add(new int[] {m.start(), m.end()});
            weekday = true;
        }
        m = WEEKDAY.scan(probe);
        while (m.find()) {
            if (inside(nightSpans, m.start()) || inside(explicitSpans, m.start()) || namesDate(explicitSpans, f, m.end())) {
                continue; // "on Tuesday 10 December", "el sábado 23 de marzo": the weekday of the explicit date
            }
            found.add(new Found(lastOnOrBefore(published, DAYS.get(m.group(1))), m.start(), m.end(),
                    reporting(f, m.start()), WEEKDAY_RANK));
            weekday = true;
        }
        m = DAY_BEFORE_YESTERDAY.scan(probe);
        boolean twoDays = false;
        while (m.find()) {
            found.add(new Found(published.minusDays(2), m.start(), m.end(), reporting(f, m.start()), YESTERDAY_RANK));
            twoDays = true;
        }
        if (!twoDays) {
            m = YESTERDAY.scan(probe);
            while (m.find()) {
                found.add(new Found(published.minusDays(1), m.start(), m.end(), reporting(f, m.start()), YESTERDAY_RANK));
            }
        }
        if (!weekday) {
            m = OVERNIGHT.scan(probe);
            while (m.find()) {
                found.add(new Found(published.minusDays(1), m.start(), m.end(), false, OVERNIGHT_RANK));
            }
        }
        m = DAY_BEFORE.scan(probe);
        if (m.find() && !found.isEmpty()) {
            int at = m.start();
            Found anchor = found.get(0);
            for (Found x : found) {
                if (Math.abs(x.start() - at) < Math.abs(anchor.start() - at)) {
                    anchor = x;
                }
            }
            return Optional.of(new Dated(anchor.date().minusDays(1), attached(f, m.start(), m.end())));
        }
        Found best = null;
        boolean bestAttached = false;
        for (Found x : found) {
            if (x.reporting()) {
                continue;
            }
            boolean att = attached(f, x.start(), x.end());
            if (best == null || (att && !bestAttached) || (att == bestAttached && (x.rank() < best.rank()
                    || (x.rank() == best.rank() && x.start() < best.start())))) {
                best = x;
                bestAttached = att;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Dated(best.date(), bestAttached));
    }

    /** Whether the text has event words (see {@link #EVENT_WORD}). */
    static boolean hasEventWord(String text) {
        return hasEventWord(ArticleText.single(), text);
    }

    private static final ArticleText.Key EVENT_WORDS = new ArticleText.Key("event words");

    /** {@link #hasEventWord(String)} of a text of an article. */
    static boolean hasEventWord(ArticleText article, String text) {
        return text != null && article.get(text, EVENT_WORDS, t -> EVENT_WORD.find(article.probe(article.folded(t))));
    }

    /** Whether event words stand near the span, in the same clause. */
    private static boolean attached(String folded, int start, int end) {
        int from = Math.max(0, start - ATTACH_BEFORE);
        for (int i = start - 1; i >= from; i--) {
            if (folded.charAt(i) == ';' || folded.charAt(i) == '.' && i < start - 1) {
                from = i + 1;
                break;
            }
        }
        int to = Math.min(folded.length(), end + ATTACH_AFTER);
        for (int i = end; i < to; i++) {
            if (folded.charAt(i) == ';' || folded.charAt(i) == '.' || folded.charAt(i) == ',') {
                to = i;
                break;
            }
        }
        return EVENT_WORD.find(folded.substring(from, start)) || EVENT_WORD.find(folded.substring(end, to));
    }

    /** The latest {@code day} on or before {@code published}. */
    static LocalDate lastOnOrBefore(LocalDate published, DayOfWeek day) {
        return published.with(TemporalAdjusters.previousOrSame(day));
    }

    private static int explicitRank(LocalDate d, LocalDate published) {
        return d.isBefore(published.minusDays(STALE_EXPLICIT_DAYS)) ? STALE_EXPLICIT : EXPLICIT;
    }

    private static boolean anchor(String folded, int start) {
        String before = folded.substring(Math.max(0, start - 45), start);
        GuardedPattern.Scan m = ANCHOR.scan(before);
        // "une semaine après la double embuscade du mardi 10 janvier": the date of the event itself
        return m.find() && !EVENT_NOUN.find(before.substring(m.end(1)));
    }

    private static boolean reporting(String folded, int start) {
        String before = folded.substring(Math.max(0, start - 40), start);
        return REPORTING.find(before);
    }

    /** Whether an explicit date starts right after {@code end} (spaces, a comma or "the" between). */
    private static boolean namesDate(List<int[]> spans, String folded, int end) {
        int i = end;
        while (i < folded.length() && (folded.charAt(i) == ' ' || folded.charAt(i) == ',')) {
            i++;
        }
        if (folded.startsWith("the ", i)) {
            i += 4;
        }
        for (int[] sp : spans) {
            if (sp[0] == i) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(List<int[]> spans, int pos) {
        for (int[] s : spans) {
            if (pos >= s[0] && pos < s[1]) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate date(LocalDate published, String year, Integer month, String day) {
        if (month == null || day == null) {
            return null;
        }
        try {
            int d = Integer.parseInt(day);
            if (year != null) {
                int y = Integer.parseInt(year);
                if (y < 1900 || y > 2200) {
                    return null;
                }
                return LocalDate.of(y, month, d);
            }
            LocalDate candidate = LocalDate.of(published.getYear(), month, d);
            return candidate.isAfter(published) ? candidate.minusYears(1) : candidate;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
