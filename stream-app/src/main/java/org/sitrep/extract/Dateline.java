package org.sitrep.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the dateline that opens wire copy: where the reporter filed from and when, not where or when the event
 * happened. "NIAMEY, Dec 11 (Reuters) -", "BAMAKO, March 25 (SPA) - ", "NIAMEY, 11 déc. 2019 (AFP) –",
 * "Mogadishu (AFP) -", "OUAGADOUGOU —", "ABUJA, Nigeria, Dec. 6, 2023 (AP) —", "NIAMEY, 2. Juli (dpa) -",
 * "(AfriActu) – ".
 *
 * <p>The shape, not a list of cities: a place, then optionally ", Country", then optionally a date (day and month
 * word in either order, any language, an optional year; or a numeric date), then optionally an agency in brackets
 * or slashes, then a dash (hyphen with a space after it, "--", en or em dash) or a colon. The place is either in
 * capitals (one to four words, three letters or more: "N'DJAMENA", "DAR ES SALAAM", "MAIDUGURI/ABUJA") or
 * capitalised ("Mogadishu", "N'Djamena", "Dar es Salaam"); a capitalised place needs a date, an agency or a
 * ", Country" before the dash, so that "Gunmen - armed with rifles" or "Boko Haram — the group" are not taken for
 * one. The story must go on after the dash (a letter, digit, quote or bracket). An agency alone in brackets at the very start, then a dash, is a dateline too. A dash after an agency may be
 * missing.
 */
public final class Dateline {

    private static final String CAPS_WORD = "\\p{Lu}[\\p{Lu}'\u2019.\\-]*";
    private static final String CAPS_PLACE = "(?=\\p{Lu}['\u2019]?\\p{Lu}{2})" + CAPS_WORD
            + "(?:(?:\\s+|\\s*/\\s*)" + CAPS_WORD + "){0,3}";
    private static final String CAP_WORD = "\\p{Lu}[\\p{Ll}'\u2019\\-]*(?:\\p{Lu}[\\p{Ll}'\u2019\\-]*)?";
    private static final String WEEKDAY = "(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|"
            + "mercredi|jeudi|vendredi|samedi|dimanche)\\b";
    private static final String CAP_PLACE = "(?!" + WEEKDAY + ")" + CAP_WORD
            + "(?:(?:\\s+(?:es|el|al|de|du|la|le|di|do|da)\\s+|\\s+|\\s*/\\s*)" + CAP_WORD + "){0,2}";
    private static final String COUNTRY = ",\\s*\\p{Lu}[\\p{L}'\u2019\\-]*(?:\\s+\\p{Lu}[\\p{L}'\u2019\\-]*){0,2}";
    private static final String MONTH_WORD = "\\p{L}{3,10}\\.?";
    private static final String DAY_NUM = "\\d{1,2}(?:er|st|nd|rd|th|\\.)?";
    private static final String DATE = "(?:,\\s*|\\s+)(?:le\\s+)?(?:" + DAY_NUM + "\\s+" + MONTH_WORD + "|" + MONTH_WORD
            + "\\s+" + DAY_NUM + "|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?)(?:,?\\s+\\d{4})?";
    private static final String AGENCY = "\\s*(?:\\(\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} .&'\u2019\\-/]{0,29}\\)|/[\\p{L}\\p{N} .&\\-]{1,25}/)";
    private static final String DASH = "(?:\\s*(?:--|[\u2013\u2014])\\s*|\\s*-\\s+|\\s+-(?=\\S)|(?<=\\))-)";
    private static final String SEP = "(?:" + DASH + "|\\s*:\\s+)";

    /**
     * A dateline at the start of a paragraph; {@code end()} of a match is where the story begins. Use
     * {@code lookingAt()} or {@code find()}: the pattern is anchored.
     */
    public static final Pattern PATTERN = Pattern.compile("^\\s*(?:"
            // CAPITALS [, Country] [date] [(agency)] dash
            + CAPS_PLACE + "(?:" + COUNTRY + ")?(?:" + DATE + ")?(?:" + AGENCY + "(?:" + SEP + "|\\s+)|" + SEP + ")"
            // Capitalised, then something only a dateline has, then a dash
            + "|" + CAP_PLACE + "(?:(?:" + COUNTRY + ")?" + DATE + "(?:" + AGENCY + ")?" + "|(?:" + COUNTRY + ")?"
            + AGENCY + "|" + COUNTRY + ")(?:" + DASH + "|(?<=\\))\\s+)"
            // (agency) dash
            + "|" + AGENCY + DASH
            + ")(?=\\s*[\\p{L}\\p{N}\"\u201c\u00ab'\u2018(])");

    private Dateline() {}

    /** Where the story starts: the length of the dateline that opens {@code paragraph}, or 0 when there is none. */
    public static int end(String paragraph) {
        if (paragraph == null || paragraph.isEmpty()) {
            return 0;
        }
        Matcher m = PATTERN.matcher(paragraph);
        return m.lookingAt() ? m.end() : 0;
    }

    /** The paragraph without its opening dateline. */
    public static String strip(String paragraph) {
        int end = end(paragraph);
        return end == 0 ? paragraph : paragraph.substring(end);
    }
}
