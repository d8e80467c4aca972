package org.sitrep.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the time parameters of the CLI and the API: an ISO-8601 instant, date-time with offset, or date (UTC midnight). */
public final class TimeParam {
    private TimeParam() {
    }

    public static Instant parse(String text) {
        String v = text.trim();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 time (2023-01-10, 2023-01-10T06:00:00Z"
                + " or 2023-01-10T07:00:00+01:00)");
        }
    }
}
