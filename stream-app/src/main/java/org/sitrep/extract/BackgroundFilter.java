package org.sitrep.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises sentences about the past or about aggregates, which must not yield figures, places or dates.
 *
 * <p>A sentence is background when it names a year before the publication year ("in 2021", "since 2012",
 * "between June and December 2022"), uses a past-period phrase ("last year", "earlier this month", "last month",
 * "in recent years", "so far this year", "l'an dernier", "depuis le début", "ces dernières années"...) or points back
 * to a time already named ("the same year", "that year", "that month", "at the time", "la même année", "cette
 * année-là", "à l'époque"), speaks of
 * another attack ("in a separate attack", "a similar attack", "une précédente attaque"), of aggregates
 * ("thousands", "des milliers", "since the start of the insurgency"), or gives an explicit date more than 30 days
 * before publication.
 */
public final class BackgroundFilter {

    private static final Pattern YEAR = Pattern.compile("\\b(19\\d{2}|20\\d{2})\\b");
    private static final Pattern PHRASES = Pattern.compile("\\b("
            + "since (the (start|beginning|outbreak)|its creation)|last year|last month|earlier this (month|year)|"
            + "in recent (years|months)|over the (past|last) (years?|decade|months|\\w+ years)|in the (past|last) (years?|decade|\\w+ years)|"
            + "so far this year|this year alone|in a separate|in another attack|a similar attack|similar attacks|"
            + "previous attack|earlier attack|thousands|tens of thousands|hundreds of thousands|"
            + "l'an dernier|l'an passe|l'annee derniere|l'annee passee|le mois dernier|depuis le debut|"
            + "depuis (19|20)\\d{2}|ces dernieres annees|au cours des dernieres|ces derniers mois|des milliers|"
            + "des dizaines de milliers|une attaque similaire|precedente attaque|attaque precedente|"
            + "dans une autre attaque|depuis le declenchement|depuis sa creation|"
            + "the same (year|month)|that (year|month)|at the time(?! of writing)|la meme annee|le meme mois|"
            + "cette annee-la|ce mois-la|a l'epoque|a cette epoque)\\b");

    private final DateResolver dates = new DateResolver();

    public BackgroundFilter() {}

    /** Whether the sentence is background relative to an article published on {@code published}. */
    public boolean isBackground(String sentence, LocalDate published) {
        if (sentence == null || sentence.isBlank()) {
            return true;
        }
        String f = Text.fold(sentence);
        if (published != null) {
            Matcher m = YEAR.matcher(f);
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) < published.getYear() && !precededByDigitGroup(f, m.start())) {
                    return true;
                }
            }
        }
        if (PHRASES.matcher(f).find()) {
            return true;
        }
        if (published != null) {
            Optional<LocalDate> d = explicitDate(sentence, published);
            return d.isPresent() && ChronoUnit.DAYS.between(d.get(), published) > 30;
        }
        return false;
    }

    private Optional<LocalDate> explicitDate(String sentence, LocalDate published) {
        // only explicit day-month dates: weekdays and "yesterday" always resolve close to publication
        String f = Text.fold(sentence);
        if (!f.matches("(?s).*\\d.*")) {
            return Optional.empty();
        }
        return dates.inSentence(sentence, published);
    }

    private static boolean precededByDigitGroup(String f, int start) {
        // "1 998" or "2,019" are figures, not years
        return start >= 2 && (f.charAt(start - 1) == ',' || f.charAt(start - 1) == '.') && Character.isDigit(f.charAt(start - 2));
    }
}
