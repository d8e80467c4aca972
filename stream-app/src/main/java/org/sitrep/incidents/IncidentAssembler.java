package org.sitrep.incidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sitrep.claims.ClaimReconciler;
import org.sitrep.ingest.ArticleIds;
import org.sitrep.schema.Claim;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.schema.PartyCasualties;
import org.sitrep.schema.Place;

/**
 * Pure construction of incident versions: a new incident from its first report, or the next version of an incident
 * with one more report. Every version carries the union of places, actors, articles and claims, and casualties
 * reconciled from all claims by {@link ClaimReconciler}.
 */
public final class IncidentAssembler {
    static final int MAX_PLACES = 30;

    private IncidentAssembler() {
    }

    /** A deterministic id: country, first event date, and a hash of the first report's id. */
    public static String incidentId(String country, LocalDate eventDate, String reportId) {
        return country.toUpperCase(java.util.Locale.ROOT) + "-" + eventDate.toString().replace("-", "") + "-"
            + ArticleIds.sha256Hex(reportId).substring(0, 6);
    }

    /** The id {@link #create(String, EventReport, String)} gives the incident {@code report} opens. */
    static String incidentId(String country, EventReport report, String taken) {
        String seed = taken == null ? report.getReportId() : report.getReportId() + "|" + taken;
        return incidentId(country, report.getEventDate(), seed);
    }

    public static Incident create(String country, EventReport report) {
        return create(country, report, null);
    }

    /**
     * A new incident from its first report; with {@code taken} (the id the report would have had, held by a closed or
     * merged incident, or possibly by one already forgotten) the id hashes the report id together with the taken id,
     * so it stays deterministic.
     */
    public static Incident create(String country, EventReport report, String taken) {
        Incident empty = Incident.newBuilder()
            .setIncidentId(incidentId(country, report, taken))
            .setVersion(0)
            .setStatus(IncidentStatus.open)
            .setEventType(report.getEventType())
            .setCountry(country)
            .setAdmin1(report.getAdmin1())
            .setEventDate(report.getEventDate())
            .setEventDateLast(report.getEventDate())
            .setFirstReportedAt(report.getPublishedAt())
            .setUpdatedAt(report.getPublishedAt())
            .build();
        return add(empty, report);
    }

    /**
     * A copy of {@code incident} to set the next version's fields on. Shallow: the next version shares with the one
     * before the lists and records it does not replace (every field that changes gets a new list, and nothing changes
     * a stored version), where Avro's {@code newBuilder(incident)} deep-copied every claim, place and id on each
     * report. Field by field over the schema, so a field added to it later is carried over too.
     */
    static Incident nextOf(Incident incident) {
        Incident next = new Incident();
        int fields = Incident.getClassSchema().getFields().size();
        for (int i = 0; i < fields; i++) {
            next.put(i, incident.get(i));
        }
        return next;
    }

    /** The next version of {@code incident} with {@code report} added; a closed incident is open again. */
    public static Incident add(Incident incident, EventReport report) {
        List<Claim> claims = union(incident.getClaims(), ClaimReconciler.flagPartisan(report.getClaims()));
        List<PartyCasualties> casualties = ClaimReconciler.reconcile(claims);
        Incident next = nextOf(incident);
        next.setVersion(incident.getVersion() + 1);
        next.setStatus(IncidentStatus.open);
        next.setEventType(moreSpecific(incident.getEventType(), report.getEventType()));
        next.setAdmin1(incident.getAdmin1() != null ? incident.getAdmin1() : report.getAdmin1());
        next.setEventDate(min(incident.getEventDate(), report.getEventDate()));
        next.setEventDateLast(max(incident.getEventDateLast(), report.getEventDate()));
        next.setFirstReportedAt(report.getPublishedAt().isBefore(incident.getFirstReportedAt())
            ? report.getPublishedAt() : incident.getFirstReportedAt());
        next.setUpdatedAt(report.getPublishedAt());
        next.setPlaces(mergePlaces(incident.getPlaces(), inCountry(incident.getCountry(), report.getPlaces())));
        next.setActors(union(incident.getActors(), report.getActors()));
        next.setArticles(union(incident.getArticles(), List.of(report.getArticleId())));
        next.setOutlets(union(incident.getOutlets(), List.of(report.getOutlet())));
        next.setReports(union(incident.getReports(), List.of(report.getReportId())));
        next.setClaims(claims);
        next.setCasualties(casualties);
        next.setContested(casualties.stream().anyMatch(PartyCasualties::getContested));
        return next;
    }

    /**
     * The version of {@code incident} that closes it at event time {@code closedAt}: nothing else changes, so the
     * closed record is the incident as it stood, still queryable, marked closed (a late report about its event reopens it while it is retained).
     */
    public static Incident close(Incident incident, java.time.Instant closedAt) {
        Incident next = nextOf(incident);
        next.setVersion(incident.getVersion() + 1);
        next.setStatus(IncidentStatus.closed);
        next.setUpdatedAt(closedAt);
        return next;
    }

    /**
     * {@code survivor} with everything {@code absorbed} holds (articles, outlets, reports, claims, places, actors,
     * dates), the casualties reconciled again over the union of claims. The version is not bumped: the caller adds
     * the report that bridged the two, which makes the next version.
     */
    public static Incident merge(Incident survivor, Incident absorbed) {
        List<Claim> claims = union(survivor.getClaims(), absorbed.getClaims());
        List<PartyCasualties> casualties = ClaimReconciler.reconcile(claims);
        Incident next = nextOf(survivor);
        next.setEventType(moreSpecific(survivor.getEventType(), absorbed.getEventType()));
        next.setAdmin1(survivor.getAdmin1() != null ? survivor.getAdmin1() : absorbed.getAdmin1());
        next.setEventDate(min(survivor.getEventDate(), absorbed.getEventDate()));
        next.setEventDateLast(max(survivor.getEventDateLast(), absorbed.getEventDateLast()));
        next.setFirstReportedAt(absorbed.getFirstReportedAt().isBefore(survivor.getFirstReportedAt())
            ? absorbed.getFirstReportedAt() : survivor.getFirstReportedAt());
        next.setPlaces(mergePlaces(survivor.getPlaces(), absorbed.getPlaces()));
        next.setActors(union(survivor.getActors(), absorbed.getActors()));
        next.setArticles(union(survivor.getArticles(), absorbed.getArticles()));
        next.setOutlets(union(survivor.getOutlets(), absorbed.getOutlets()));
        next.setReports(union(survivor.getReports(), absorbed.getReports()));
        next.setClaims(claims);
        next.setCasualties(casualties);
        next.setContested(casualties.stream().anyMatch(PartyCasualties::getContested));
        return next;
    }

    /**
     * The last version of an incident absorbed by a merge: as it stood, with {@code status=merged} and
     * {@code merged_into} naming the survivor, so that a subscriber holding the old id can follow it.
     */
    public static Incident absorbedInto(Incident absorbed, String survivorId, java.time.Instant at) {
        Incident next = nextOf(absorbed);
        next.setVersion(absorbed.getVersion() + 1);
        next.setStatus(IncidentStatus.merged);
        next.setMergedInto(survivorId);
        next.setUpdatedAt(at);
        return next;
    }

    /**
     * The more specific of two event types, so that an incident's type does not depend on which report came first:
     * suicide_bombing, attack_on_base, ambush, attack_on_civilians, airstrike, armed_clash, ied, other (an ambush
     * sprung with mines is an ambush; a clash that turns out to be an attack on a camp is an attack on a base).
     */
    static EventType moreSpecific(EventType a, EventType b) {
        return PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b;
    }

    private static final List<EventType> PRECEDENCE = List.of(EventType.suicide_bombing, EventType.attack_on_base,
        EventType.ambush, EventType.attack_on_civilians, EventType.airstrike, EventType.armed_clash, EventType.ied,
        EventType.other);

    static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> set = new LinkedHashSet<>(a);
        set.addAll(b);
        return new ArrayList<>(set);
    }

    /** Places of the incident's own country (or of unknown country): a neighbour's region named in passing is not where it happened. */
    static List<Place> inCountry(String country, List<Place> places) {
        return places.stream().filter(p -> p.getCountry() == null || p.getCountry().equalsIgnoreCase(country)).toList();
    }

    static List<Place> mergePlaces(List<Place> a, List<Place> b) {
        Map<String, Place> byName = new LinkedHashMap<>();
        for (Place p : a) {
            byName.putIfAbsent(Geo.nameKey(p.getName()), p);
        }
        for (Place p : b) {
            if (byName.size() >= MAX_PLACES) {
                break;
            }
            byName.merge(Geo.nameKey(p.getName()), p, (old, neu) -> Geo.hasCoordinates(old) ? old : neu);
        }
        return new ArrayList<>(byName.values());
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return Objects.requireNonNull(a).isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return Objects.requireNonNull(a).isAfter(b) ? a : b;
    }
}
