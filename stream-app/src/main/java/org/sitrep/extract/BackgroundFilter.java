package org.sitrep.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Recognises sentences about the past or about aggregates, which must not yield figures, places or dates.
 *
 * <p>A sentence is background when it names a year before the publication year ("in 2021", "since 2012",
 * "between June and December 2022"), uses a past-period phrase ("last year", "earlier this month", "last month",
 * "in recent years", "so far this year", "l'an dernier", "depuis le début", "ces dernières années"...) or points back
 * to a time already named ("the same year", "that year", "that month", "at the time", "la même année", "cette
 * année-là", "à l'époque"), speaks of
 * another attack ("in a separate attack", "a similar attack", "une précédente attaque"), of aggregates
 * ("thousands", "des milliers", "since the start of the insurgency"), gives an explicit date more than 30 days
 * before publication, or names a month alone ("in May", "en janvier", "fin novembre") {@value #PAST_MONTHS} months
 * or more before the publication month. {@link #kind} tells which: {@link Kind#PAST} for a time before the event
 * reported (years, old dates and months, "last year", "at the time"), {@link Kind#OTHER} for aggregates and other
 * attacks.
 */
public final class BackgroundFilter {

    private static final GuardedPattern YEAR = GuardedPattern.compile("\\b(19\\d{2}|20\\d{2})\\b");
    /** Phrases that place a sentence in the past (a time before the event being reported). */
    private static final GuardedPattern PAST_PHRASES = GuardedPattern.compile("\\b("
            + "last year|last month|earlier this (month|year)|"
            + "l'an dernier|l'an passe|l'annee derniere|l'annee passee|le mois dernier|"
            + "the same (year|month)|that (year|month)|at the time(?! of writing)|la meme annee|le meme mois|"
            + "cette annee-la|ce mois-la|a l'epoque|a cette epoque)\\b");
    /** Phrases about aggregates, other attacks or long periods. */
    private static final GuardedPattern OTHER_PHRASES = GuardedPattern.compile("\\b("
            + "since (the (start|beginning|outbreak)|its creation)|"
            + "in recent (years|months)|over the (past|last) (years?|decade|months|\\w+ years)|in the (past|last) (years?|decade|\\w+ years)|"
            + "so far this year|this year alone|in a separate|in another attack|a similar attack|similar attacks|"
            + "previous attack|earlier attack|thousands|tens of thousands|hundreds of thousands|"
            + "depuis le debut|"
            + "depuis (19|20)\\d{2}|ces dernieres annees|au cours des dernieres|ces derniers mois|des milliers|"
            + "des dizaines de milliers|une attaque similaire|precedente attaque|attaque precedente|"
            + "dans une autre attaque|depuis le declenchement|depuis sa creation)\\b");
    /**
     * A month named without a day: "in May", "In June,", "en janvier", "fin novembre", "début mars", "mid-May",
     * "late August" (a following day number or year is an explicit date, handled elsewhere).
     */
    private static final GuardedPattern MONTH_ONLY = GuardedPattern.compile("\\b(?:in|since|early|late|mid|en|debut|fin|mi|courant)"
            + "[ -]+(january|february|march|april|may|june|july|august|september|october|november|december|janvier|"
            + "fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\\b(?!\\s*\\d)");
    private static final java.util.Map<String, Integer> MONTHS = java.util.Map.ofEntries(
            java.util.Map.entry("january", 1), java.util.Map.entry("february", 2), java.util.Map.entry("march", 3),
            java.util.Map.entry("april", 4), java.util.Map.entry("may", 5), java.util.Map.entry("june", 6),
            java.util.Map.entry("july", 7), java.util.Map.entry("august", 8), java.util.Map.entry("september", 9),
            java.util.Map.entry("october", 10), java.util.Map.entry("november", 11), java.util.Map.entry("december", 12),
            java.util.Map.entry("janvier", 1), java.util.Map.entry("fevrier", 2), java.util.Map.entry("mars", 3),
            java.util.Map.entry("avril", 4), java.util.Map.entry("mai", 5), java.util.Map.entry("juin", 6),
            java.util.Map.entry("juillet", 7), java.util.Map.entry("aout", 8), java.util.Map.entry("septembre", 9),
            java.util.Map.entry("octobre", 10), java.util.Map.entry("novembre", 11), java.util.Map.entry("decembre", 12));
    /** A month named alone this many months or more before the publication month is the past. */
    static final int PAST_MONTHS = 2;

    /** Why a sentence is background. */
    public enum Kind {
        /** Not background. */
        NONE,
        /**
         * About an earlier time only: a year before the publication year, an explicit date more than 30 days back,
         * a month named alone two months back or more, "last year", "at the time". Such a sentence may still be
         * about the event an article follows up (see {@link Extractor}).
         */
        PAST,
        /** About aggregates, other attacks or long periods. */
        OTHER
    }

    private static final GuardedPattern ANY_DIGIT = GuardedPattern.compile("(?s).*\\d.*");

    private final DateResolver dates = new DateResolver();

    public BackgroundFilter() {}

    /** Whether the sentence is background relative to an article published on {@code published}. */
    public boolean isBackground(String sentence, LocalDate published) {
        return kind(sentence, published) != Kind.NONE;
    }

    /** {@link #isBackground(String, LocalDate)} of a sentence of an article. */
    boolean isBackground(ArticleText article, String sentence, LocalDate published) {
        return kind(article, sentence, published) != Kind.NONE;
    }

    /** Why the sentence is background relative to an article published on {@code published}, or NONE. */
    public Kind kind(String sentence, LocalDate published) {
        return kind(ArticleText.single(), sentence, published);
    }

    /** {@link #kind(String, LocalDate)} of a sentence of an article. */
    Kind kind(ArticleText article, String sentence, LocalDate published) {
        if (sentence == null || sentence.isBlank()) {
            return Kind.OTHER;
        }
        String f = article.folded(sentence);
        GuardedPattern.Probe probe = article.probe(f);
        if (OTHER_PHRASES.find(probe)) {
            return Kind.OTHER;
        }
        if (published != null) {
            GuardedPattern.Scan m = YEAR.scan(probe);
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) < published.getYear() && !precededByDigitGroup(f, m.start())) {
                    return Kind.PAST;
                }
            }
        }
        if (PAST_PHRASES.find(probe)) {
            return Kind.PAST;
        }
        if (published != null) {
            GuardedPattern.Scan m = MONTH_ONLY.scan(probe);
            while (m.find()) {
                int back = (published.getMonthValue() - MONTHS.get(m.group(1)) + 12) % 12;
                if (back >= PAST_MONTHS) {
                    return Kind.PAST;
                }
            }
            Optional<LocalDate> d = explicitDate(article, sentence, published);
            if (d.isPresent() && ChronoUnit.DAYS.between(d.get(), published) > 30) {
                return Kind.PAST;
            }
        }
        return Kind.NONE;
    }

    /**
     * The month a sentence names alone ("in January", "fin novembre"), as its first day, when it is
     * {@value #PAST_MONTHS} months or more before publication; else empty.
     */
    public Optional<LocalDate> pastMonth(String sentence, LocalDate published) {
        return pastMonth(ArticleText.single(), sentence, published);
    }

    /** {@link #pastMonth(String, LocalDate)} of a sentence of an article. */
    Optional<LocalDate> pastMonth(ArticleText article, String sentence, LocalDate published) {
        if (sentence == null || published == null) {
            return Optional.empty();
        }
        GuardedPattern.Scan m = MONTH_ONLY.scan(article.probe(article.folded(sentence)));
        while (m.find()) {
            int month = MONTHS.get(m.group(1));
            int back = (published.getMonthValue() - month + 12) % 12;
            if (back >= PAST_MONTHS) {
                return Optional.of(published.withDayOfMonth(1).minusMonths(back));
            }
        }
        return Optional.empty();
    }

    private Optional<LocalDate> explicitDate(ArticleText article, String sentence, LocalDate published) {
        // only explicit day-month dates: weekdays and "yesterday" always resolve close to publication
        if (!ANY_DIGIT.matcher(article.probe(article.folded(sentence))).matches()) {
            return Optional.empty();
        }
        return dates.inSentence(article, sentence, published);
    }

    private static boolean precededByDigitGroup(String f, int start) {
        // "1 998" or "2,019" are figures, not years
        return start >= 2 && (f.charAt(start - 1) == ',' || f.charAt(start - 1) == '.') && Character.isDigit(f.charAt(start - 2));
    }
}
