package org.sitrep.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.sitrep.api.IncidentFilter;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Place;

/**
 * One alert rule; every condition is optional (null or empty = any) and all given ones must hold.
 *
 * @param id          stable id (part of the store key: changing it re-alerts)
 * @param name        readable name, copied into alerts
 * @param countries   ISO alpha-2 codes (any of)
 * @param admin1      first-level regions (any of, case-insensitive)
 * @param area        a lat/lon box that one of the incident's places must fall in
 * @param types       event types (any of)
 * @param minKilled   the killed figure (by {@code measure}) must be at least this
 * @param measure     {@code best} (default) or {@code high}: which killed figure, summed over parties
 * @param actors      one of the incident's actors must contain one of these (case-insensitive)
 * @param riseBy      escalation: alert again when the figure rose by at least this since the last alert
 * @param thresholds  escalation: alert again when the figure crosses one of these since the last alert
 */
public record AlertRule(String id, String name, Set<String> countries, Set<String> admin1, Area area, Set<String> types,
                        Integer minKilled, Measure measure, List<String> actors, Integer riseBy, List<Integer> thresholds) {

    public enum Measure { best, high }

    /** A box: {@code minLat <= lat <= maxLat} and {@code minLon <= lon <= maxLon}. */
    public record Area(double minLat, double maxLat, double minLon, double maxLon) {
        boolean contains(Double lat, Double lon) {
            return lat != null && lon != null && lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
        }
    }

    public AlertRule {
        Objects.requireNonNull(id, "rule id");
        countries = countries == null ? Set.of() : countries;
        admin1 = admin1 == null ? Set.of() : admin1;
        types = types == null ? Set.of() : types;
        measure = measure == null ? Measure.best : measure;
        actors = actors == null ? List.of() : actors;
        thresholds = thresholds == null ? List.of() : thresholds;
    }

    /** The incident's killed figure by this rule's measure. */
    public int killed(Incident i) {
        return measure == Measure.high ? IncidentFilter.highKilled(i) : IncidentFilter.bestKilled(i);
    }

    public boolean matches(Incident i) {
        if (!countries.isEmpty() && countries.stream().noneMatch(c -> c.equalsIgnoreCase(i.getCountry()))) {
            return false;
        }
        if (!admin1.isEmpty() && (i.getAdmin1() == null || admin1.stream().noneMatch(a -> a.equalsIgnoreCase(i.getAdmin1())))) {
            return false;
        }
        if (area != null && i.getPlaces().stream().noneMatch((Place p) -> area.contains(p.getLat(), p.getLon()))) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(i.getEventType().toString())) {
            return false;
        }
        if (minKilled != null && killed(i) < minKilled) {
            return false;
        }
        if (!actors.isEmpty()) {
            boolean any = i.getActors().stream().map(a -> a.toLowerCase(Locale.ROOT))
                .anyMatch(a -> actors.stream().anyMatch(w -> a.contains(w.toLowerCase(Locale.ROOT))));
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** Whether going from {@code previous} (the figure at the last alert) to {@code now} is an escalation. */
    public boolean escalated(int previous, int now) {
        if (riseBy != null && now - previous >= riseBy) {
            return true;
        }
        return thresholds.stream().anyMatch(t -> previous < t && now >= t);
    }
}
