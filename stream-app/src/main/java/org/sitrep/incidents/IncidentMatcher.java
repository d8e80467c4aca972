package org.sitrep.incidents;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.sitrep.schema.EventReport;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Place;

/**
 * Pure matching of an event report to the open incidents of its country.
 *
 * <p>Hard limits first: the event date must fall within {@code windowDays} of the incident's date range, the range
 * with it must span at most {@link #maxSpanDays twice that} (a report dated between two incidents up to the window
 * from each still bridges them, but an incident cannot chain: in a region with an attack every other day, each
 * report within the window of the last one would otherwise stretch one incident over months, and every report
 * would then cost in proportion to all the reports before it), and when both sides have coordinates their nearest
 * places must be within {@code maxKm}. Within those limits the score is
 * {@code 1 - 0.5 * gapDays / windowDays}, plus 0.5 for the same event type (0.1 for related ground-attack types,
 * 0 when either is 'other', -0.5 otherwise), plus 0.5 when they share a place name, minus 0.3 when both name a
 * different admin1 region. The best score at or above {@code minScore} wins; ties go to the older incident. An
 * incident that already holds another report of the same article never matches (an article's reports are separate
 * events), and two incidents holding different reports of one article are never compatible.
 */
public final class IncidentMatcher {
    private static final Set<EventType> GROUND_ATTACKS =
        EnumSet.of(EventType.ambush, EventType.ied, EventType.armed_clash, EventType.attack_on_base);

    private final MatchSettings settings;

    public IncidentMatcher(MatchSettings settings) {
        this.settings = settings;
    }

    public Optional<Incident> bestMatch(EventReport report, Collection<Incident> candidates) {
        Incident best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Incident incident : candidates) {
            double s = score(report, incident);
            if (s >= settings.minScore() && (s > bestScore || (s == bestScore && olderThan(incident, best)))) {
                best = incident;
                bestScore = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Every candidate the report matches (score at or above {@code minScore}), best first; ties go to the older
     * incident.
     */
    public List<Incident> matches(EventReport report, Collection<Incident> candidates) {
        List<Incident> out = new ArrayList<>();
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        for (Incident incident : candidates) {
            double s = score(report, incident);
            if (s >= settings.minScore()) {
                out.add(incident);
                scores.put(incident.getIncidentId(), s);
            }
        }
        out.sort((a, b) -> {
            int byScore = Double.compare(scores.get(b.getIncidentId()), scores.get(a.getIncidentId()));
            return byScore != 0 ? byScore : (olderThan(a, b) ? -1 : olderThan(b, a) ? 1 : 0);
        });
        return out;
    }

    /**
     * Whether two incidents can be one event: nothing of the hard limits rules the pair out. Their date ranges are
     * at most {@code windowDays} apart, their places (upper median of nearest distances, both ways) at most
     * {@code maxKm}, and their event types not incompatible (the same, two ground attacks, or one of them 'other').
     * A report that matches two open incidents which are compatible shows they are one: they merge. Two attacks of
     * one operation far apart, or an airstrike answering an ambush, stay apart even when one report covers both.
     */
    public boolean compatible(Incident a, Incident b) {
        if (shareAnArticle(a, b)) {
            return false;
        }
        long gap = Math.min(dateGap(a.getEventDate(), b.getEventDate(), b.getEventDateLast()),
            dateGap(a.getEventDateLast(), b.getEventDate(), b.getEventDateLast()));
        if (rangesOverlap(a, b)) {
            gap = 0;
        }
        if (gap > settings.windowDays() || span(IncidentAssembler.min(a.getEventDate(), b.getEventDate()),
            IncidentAssembler.max(a.getEventDateLast(), b.getEventDateLast())) > maxSpanDays()) {
            return false;
        }
        if (Math.max(nearestKm(a.getPlaces(), b.getPlaces()), nearestKm(b.getPlaces(), a.getPlaces())) > settings.maxKm()) {
            return false;
        }
        return typeScore(a.getEventType(), b.getEventType()) >= 0;
    }

    /**
     * Whether the incident holds a report of the article other than {@code reportId}: the reports an article gives
     * ({@code <article id>#1}, {@code #2} ...) are separate events by construction, never one incident.
     */
    static boolean holdsAnotherReportOf(Incident incident, String articleId, String reportId) {
        if (articleId == null) {
            return false;
        }
        for (String r : incident.getReports()) {
            if (isReportOf(r, articleId) && !r.equals(reportId)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b} holds a report (other than itself) of an article that {@code a} holds a report of. */
    static boolean shareAnArticle(Incident a, Incident b) {
        List<String> smaller = a.getReports().size() <= b.getReports().size() ? a.getReports() : b.getReports();
        List<String> larger = smaller == a.getReports() ? b.getReports() : a.getReports();
        Map<String, Set<String>> byArticle = new HashMap<>();
        for (String r : smaller) {
            byArticle.computeIfAbsent(articleOf(r), k -> new HashSet<>(2)).add(r);
        }
        for (String r : larger) {
            Set<String> same = byArticle.get(articleOf(r));
            if (same != null && (same.size() > 1 || !same.contains(r))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code reportId} is {@code <articleId>#<n>}, without building the article id. */
    private static boolean isReportOf(String reportId, String articleId) {
        int n = articleId.length();
        return reportId.length() > n && reportId.charAt(n) == '#' && reportId.startsWith(articleId)
            && reportId.indexOf('#', n + 1) < 0;
    }

    /** The article id of a report id ({@code <article id>#<n>}). */
    static String articleOf(String reportId) {
        int hash = reportId.lastIndexOf('#');
        return hash < 0 ? reportId : reportId.substring(0, hash);
    }

    private static boolean rangesOverlap(Incident a, Incident b) {
        return !a.getEventDateLast().isBefore(b.getEventDate()) && !b.getEventDateLast().isBefore(a.getEventDate());
    }

    /** The match score, or negative infinity when a hard limit rules the pair out. */
    public double score(EventReport report, Incident incident) {
        if (holdsAnotherReportOf(incident, report.getArticleId(), report.getReportId())) {
            return Double.NEGATIVE_INFINITY;
        }
        long gap = dateGap(report.getEventDate(), incident.getEventDate(), incident.getEventDateLast());
        if (gap > settings.windowDays()
            || spanWith(report.getEventDate(), incident.getEventDate(), incident.getEventDateLast()) > maxSpanDays()) {
            return Double.NEGATIVE_INFINITY;
        }
        double km = nearestKm(report, incident);
        if (km > settings.maxKm()) {
            return Double.NEGATIVE_INFINITY;
        }
        double score = 1.0 - 0.5 * gap / settings.windowDays();
        score += typeScore(report.getEventType(), incident.getEventType());
        if (sharePlaceName(report, incident)) {
            score += 0.5;
        }
        if (report.getAdmin1() != null && incident.getAdmin1() != null
            && !Geo.nameKey(report.getAdmin1()).equals(Geo.nameKey(incident.getAdmin1()))) {
            score -= 0.3;
        }
        return score;
    }

    /**
     * Whether a report's event date is within the window of an incident's dates, the range with it spanning at most
     * {@link #maxSpanDays}: the first hard limit of {@link #score}, checked on the country index's entry before the incident
     * itself is read from the store.
     */
    boolean withinWindow(EventReport report, LocalDate first, LocalDate last) {
        LocalDate date = report.getEventDate();
        return dateGap(date, first, last) <= settings.windowDays() && spanWith(date, first, last) <= maxSpanDays();
    }

    /** The longest date range an incident may have: twice the window, the most one bridging report can join. */
    long maxSpanDays() {
        return 2L * settings.windowDays();
    }

    /** Days from {@code first} to {@code last}. */
    static long span(LocalDate first, LocalDate last) {
        return ChronoUnit.DAYS.between(first, last);
    }

    /** Days from the earlier of {@code first} and {@code date} to the later of {@code last} and {@code date}. */
    private static long spanWith(LocalDate date, LocalDate first, LocalDate last) {
        return span(IncidentAssembler.min(first, date), IncidentAssembler.max(last, date));
    }

    static long dateGap(LocalDate date, LocalDate first, LocalDate last) {
        if (date.isBefore(first)) {
            return ChronoUnit.DAYS.between(date, first);
        }
        if (date.isAfter(last)) {
            return ChronoUnit.DAYS.between(last, date);
        }
        return 0;
    }

    static double typeScore(EventType a, EventType b) {
        if (a == b) {
            return 0.5;
        }
        if (a == EventType.other || b == EventType.other) {
            return 0.0;
        }
        if (GROUND_ATTACKS.contains(a) && GROUND_ATTACKS.contains(b)) {
            return 0.1;
        }
        return -0.5;
    }

    /**
     * How far the report's places are from the incident's: for each located report place, the distance to the nearest
     * located incident place; the upper median of those (so one stray mention, such as the capital where a statement
     * was made, neither pulls a far report in nor pushes a near one out). 0 when either side has no located place.
     */
    static double nearestKm(EventReport report, Incident incident) {
        return nearestKm(IncidentAssembler.inCountry(incident.getCountry(), report.getPlaces()), incident.getPlaces());
    }

    /** For each located place of {@code from}, the distance to the nearest located place of {@code to}; their upper median. */
    static double nearestKm(List<Place> from, List<Place> to) {
        List<Double> nearest = new ArrayList<>();
        for (Place a : from) {
            if (!Geo.hasCoordinates(a)) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            for (Place b : to) {
                if (Geo.hasCoordinates(b)) {
                    min = Math.min(min, Geo.distanceKm(a, b));
                }
            }
            if (min < Double.POSITIVE_INFINITY) {
                nearest.add(min);
            }
        }
        if (nearest.isEmpty()) {
            return 0.0;
        }
        Collections.sort(nearest);
        return nearest.get(nearest.size() / 2);
    }

    static boolean sharePlaceName(EventReport report, Incident incident) {
        Set<String> names = new HashSet<>();
        incident.getPlaces().forEach(p -> names.add(Geo.nameKey(p.getName())));
        return IncidentAssembler.inCountry(incident.getCountry(), report.getPlaces()).stream()
            .anyMatch(p -> names.contains(Geo.nameKey(p.getName())));
    }

    static boolean olderThan(Incident a, Incident b) {
        return b == null || a.getFirstReportedAt().isBefore(b.getFirstReportedAt())
            || (a.getFirstReportedAt().equals(b.getFirstReportedAt()) && a.getIncidentId().compareTo(b.getIncidentId()) < 0);
    }
}
