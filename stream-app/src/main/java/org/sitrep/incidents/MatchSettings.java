package org.sitrep.incidents;

/**
 * Thresholds of same-incident matching.
 *
 * @param windowDays a report joins an incident only if its event date is at most this many days from the
 *                   incident's date range
 * @param maxKm      ...and, when both have coordinates, its nearest place is at most this far from the incident's
 * @param minScore   ...and its score reaches this
 */
public record MatchSettings(int windowDays, double maxKm, double minScore) {
    public static final double DEFAULT_MIN_SCORE = 1.0;
}
