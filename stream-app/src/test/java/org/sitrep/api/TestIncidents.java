package org.sitrep.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;
import org.sitrep.schema.Place;
import org.sitrep.schema.Qualifier;

/** Hand-built incident versions for the API, alert and subscription tests. */
public final class TestIncidents {
    private TestIncidents() {
    }

    /** An incident in {@code country}/{@code admin1} with one party's killed estimate (null best = partisan only). */
    public static Incident incident(String id, int version, String country, String admin1, EventType type,
                                    Party party, Integer best, int high, List<String> actors, String updatedAt) {
        List<PartyCasualties> casualties = new ArrayList<>();
        casualties.add(new PartyCasualties(party, new Estimate(best == null ? high : best, best, high), null, null, false));
        Instant updated = Instant.parse(updatedAt);
        Claim claim = Claim.newBuilder().setClaimant("the army").setClaimantKind(ClaimantKind.state).setParty(party)
            .setKilled(best == null ? high : best).setInjured(null).setQualifier(Qualifier.exact).setPartisan(false)
            .setArticleId("a-" + id + "-" + version).setOutlet("Outlet").setPublishedAt(updated)
            .setSentence("The army said " + high + " were killed.").build();
        return Incident.newBuilder()
            .setIncidentId(id).setVersion(version).setStatus(IncidentStatus.open).setEventType(type)
            .setCountry(country).setAdmin1(admin1)
            .setPlaces(List.of(new Place("Macina", country, admin1, 13.96, -5.36)))
            .setActors(actors)
            .setEventDate(LocalDate.parse(updatedAt.substring(0, 10)).minusDays(1))
            .setEventDateLast(LocalDate.parse(updatedAt.substring(0, 10)).minusDays(1))
            .setFirstReportedAt(updated).setUpdatedAt(updated)
            .setArticles(List.of("a-" + id + "-" + version)).setOutlets(List.of("Outlet"))
            .setReports(List.of("a-" + id + "-" + version + "#0"))
            .setCasualties(casualties).setClaims(List.of(claim)).setContested(false)
            .build();
    }

    public static Incident mali(int version, Integer best, int high) {
        return incident("ML-20230110-b00953", version, "ML", "Ségou", EventType.ambush, Party.state_forces, best, high,
            List.of("JNIM", "FAMa"), "2023-01-1" + Math.min(9, version) + "T10:00:00Z");
    }
}
