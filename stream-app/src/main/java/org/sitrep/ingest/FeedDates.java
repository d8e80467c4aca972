package org.sitrep.ingest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * Dates as feeds write them: RFC 822/1123 in RSS ({@code Tue, 10 Jan 2023 14:05:00 GMT}, also with North American
 * zone names, without the weekday or the seconds, or with a two-digit year), ISO 8601 in Atom and Dublin Core.
 */
public final class FeedDates {
    private static final Map<String, String> ZONES = Map.ofEntries(
        Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
        Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
        Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
        Map.entry("WAT", "+0100"), Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"), Map.entry("EAT", "+0300"));
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm[:ss] Z", Locale.ENGLISH);
    /** Two-digit years read as 1970-2069. */
    private static final DateTimeFormatter RFC822_SHORT_YEAR = new DateTimeFormatterBuilder()
        .appendPattern("d MMM ").appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm[:ss] Z")
        .toFormatter(Locale.ENGLISH);

    private FeedDates() {
    }

    /** The instant a feed date names; throws {@link InvalidArticleException} when it is not a date. */
    public static Instant parse(String text, String field) {
        String t = text.strip();
        if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && t.length() >= 10 && t.charAt(4) == '-') {
            return JsonArticleParser.instant(t, field);
        }
        String s = t.replaceAll("\\s+", " ");
        int comma = s.indexOf(',');
        if (comma >= 0) {
            s = s.substring(comma + 1).strip();
        }
        int space = s.lastIndexOf(' ');
        if (space > 0) {
            String zone = s.substring(space + 1);
            String offset = ZONES.get(zone.toUpperCase(Locale.ROOT));
            if (offset != null) {
                s = s.substring(0, space + 1) + offset;
            } else if (zone.matches("[+-]\\d\\d:\\d\\d")) {
                s = s.substring(0, space + 1) + zone.replace(":", "");
            }
        }
        boolean shortYear = s.matches("\\d{1,2} \\p{Alpha}{3} \\d\\d .*");
        if (!shortYear) {
            try {
                return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                // the lenient forms below
            }
        }
        try {
            return ZonedDateTime.parse(s, shortYear ? RFC822_SHORT_YEAR : RFC822).toInstant();
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw new InvalidArticleException("field '" + field + "' is not a date: '"
            + (t.length() > 80 ? t.substring(0, 80) + "..." : t) + "'");
    }
}
