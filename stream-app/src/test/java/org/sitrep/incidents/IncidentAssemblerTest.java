package org.sitrep.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.claim;
import static org.sitrep.testing.Fixtures.place;
import static org.sitrep.testing.Fixtures.report;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Party;
import org.sitrep.schema.Qualifier;

class IncidentAssemblerTest {

    @Test
    void idIsDeterministicAndReadable() {
        String id = IncidentAssembler.incidentId("ml", LocalDate.parse("2023-01-10"), "a1#1");
        assertThat(id).matches("ML-20230110-[0-9a-f]{6}");
        assertThat(IncidentAssembler.incidentId("ML", LocalDate.parse("2023-01-10"), "a1#1")).isEqualTo(id);
        assertThat(IncidentAssembler.incidentId("ML", LocalDate.parse("2023-01-10"), "a2#1")).isNotEqualTo(id);
    }

    @Test
    void eachReportMakesANewVersionWithTheUnionAndReconciledCasualties() {
        Incident v1 = IncidentAssembler.create("ML", report("a1", "2023-01-11T10:00:00Z", EventType.other, "2023-01-10", null,
            List.of(place("Macina", 13.96, -5.36)),
            List.of(claim("officers", ClaimantKind.anonymous_official, Party.state_forces, 12, null, Qualifier.at_least, "2023-01-11T10:00:00Z"))));
        Incident v2 = IncidentAssembler.add(v1, report("a2", "2023-01-12T09:00:00Z", EventType.ambush, "2023-01-09", "Mopti",
            List.of(place("MACINA", 13.96, -5.36), place("Koumara", 14.1, -5.5)),
            List.of(claim("army", ClaimantKind.state, Party.state_forces, 14, 11, Qualifier.exact, "2023-01-12T09:00:00Z"))));

        assertThat(v1.getVersion()).isEqualTo(1);
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getIncidentId()).isEqualTo(v1.getIncidentId());
        assertThat(v2.getEventType()).isEqualTo(EventType.ambush);
        assertThat(v2.getAdmin1()).isEqualTo("Mopti");
        assertThat(v2.getEventDate()).isEqualTo(LocalDate.parse("2023-01-09"));
        assertThat(v2.getEventDateLast()).isEqualTo(LocalDate.parse("2023-01-10"));
        assertThat(v2.getArticles()).containsExactly("a1", "a2");
        assertThat(v2.getPlaces()).extracting(p -> p.getName()).containsExactly("Macina", "Koumara");
        assertThat(v2.getClaims()).hasSize(2);
        assertThat(v2.getCasualties()).singleElement()
            .satisfies(pc -> assertThat(pc.getKilled()).isEqualTo(new Estimate(12, 14, 14)));
        assertThat(v2.getContested()).isTrue();
        assertThat(v2.getUpdatedAt()).isEqualTo(java.time.Instant.parse("2023-01-12T09:00:00Z"));
        assertThat(v2.getFirstReportedAt()).isEqualTo(java.time.Instant.parse("2023-01-11T10:00:00Z"));
    }

    @Test
    void aNewVersionLeavesTheOneBeforeAsItWasAndCarriesEveryFieldOver() {
        // Versions are kept decoded and shared (CachedStore): making the next one must not change them.
        Incident v1 = IncidentAssembler.create("ML", report("a1", "2023-01-11T10:00:00Z", EventType.other, "2023-01-10", null,
            List.of(place("Macina", 13.96, -5.36)),
            List.of(claim("officers", ClaimantKind.anonymous_official, Party.state_forces, 12, null, Qualifier.at_least, "2023-01-11T10:00:00Z"))));
        Incident before = Incident.newBuilder(v1).build(); // a deep copy
        Incident v2 = IncidentAssembler.add(v1, report("a2", "2023-01-12T09:00:00Z", EventType.ambush, "2023-01-09", "Mopti",
            List.of(place("Koumara", 14.1, -5.5)),
            List.of(claim("army", ClaimantKind.state, Party.state_forces, 14, 11, Qualifier.exact, "2023-01-12T09:00:00Z"))));
        Incident closed = IncidentAssembler.close(v2, java.time.Instant.parse("2023-02-12T09:00:00Z"));
        Incident merged = IncidentAssembler.merge(v2, v1);
        IncidentAssembler.absorbedInto(v1, v2.getIncidentId(), java.time.Instant.parse("2023-01-13T09:00:00Z"));

        assertThat(v1).isEqualTo(before);
        assertThat(v2.getArticles()).containsExactly("a1", "a2");
        assertThat(closed).usingRecursiveComparison().ignoringFields("version", "status", "updated_at").isEqualTo(v2);
        assertThat(merged.getClaims()).isEqualTo(v2.getClaims());
        assertThat(IncidentAssembler.nextOf(v2)).isEqualTo(v2).isNotSameAs(v2);
    }

    @Test
    void theMoreSpecificEventTypeWinsWhateverTheOrder() {
        assertThat(IncidentAssembler.moreSpecific(EventType.ied, EventType.ambush)).isEqualTo(EventType.ambush);
        assertThat(IncidentAssembler.moreSpecific(EventType.ambush, EventType.ied)).isEqualTo(EventType.ambush);
        assertThat(IncidentAssembler.moreSpecific(EventType.other, EventType.armed_clash)).isEqualTo(EventType.armed_clash);
        assertThat(IncidentAssembler.moreSpecific(EventType.armed_clash, EventType.attack_on_base)).isEqualTo(EventType.attack_on_base);
    }

    @Test
    void theSameClaimRelayedTwiceIsKeptOnce() {
        var c = claim("army", ClaimantKind.state, Party.state_forces, 14, 11, Qualifier.exact, "2023-01-12T09:00:00Z");
        Incident v1 = IncidentAssembler.create("ML", report("a1", "2023-01-12T09:00:00Z", EventType.ambush, "2023-01-10", null, List.of(), List.of(c)));
        Incident v2 = IncidentAssembler.add(v1, report("a1", "2023-01-12T09:00:00Z", EventType.ambush, "2023-01-10", null, List.of(), List.of(c)));
        assertThat(v2.getClaims()).hasSize(1);
    }
}
