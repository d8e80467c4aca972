package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;

class IncidentFilterTest {
    final Incident mali = TestIncidents.mali(2, 14, 20);

    @Test
    void anyMatchesEverything() {
        assertThat(IncidentFilter.ANY.matches(mali)).isTrue();
    }

    @Test
    void countryIsCaseInsensitiveAndAnyOfSeveral() {
        assertThat(filter(Set.of("ml"), null, Set.of(), null, null).matches(mali)).isTrue();
        assertThat(filter(Set.of("BF", "ML"), null, Set.of(), null, null).matches(mali)).isTrue();
        assertThat(filter(Set.of("NG"), null, Set.of(), null, null).matches(mali)).isFalse();
    }

    @Test
    void admin1MustBeTheIncidentsRegion() {
        assertThat(filter(Set.of(), "ségou", Set.of(), null, null).matches(mali)).isTrue();
        assertThat(filter(Set.of(), "Mopti", Set.of(), null, null).matches(mali)).isFalse();
        Incident noRegion = TestIncidents.incident("ML-1", 1, "ML", null, EventType.ied, Party.civilians, 3, 3,
            List.of(), "2023-01-01T00:00:00Z");
        assertThat(filter(Set.of(), "Mopti", Set.of(), null, null).matches(noRegion)).isFalse();
    }

    @Test
    void typeIsOneOfTheGiven() {
        assertThat(filter(Set.of(), null, Set.of("ambush", "ied"), null, null).matches(mali)).isTrue();
        assertThat(filter(Set.of(), null, Set.of("airstrike"), null, null).matches(mali)).isFalse();
    }

    @Test
    void minKilledComparesTheBestEstimateSummedOverParties() {
        List<PartyCasualties> casualties = new ArrayList<>(mali.getCasualties());
        casualties.add(new PartyCasualties(Party.militants, new Estimate(5, 5, 31), null, null, true));
        casualties.add(new PartyCasualties(Party.foreign_forces, new Estimate(5, null, 5), null, null, false));
        Incident two = Incident.newBuilder(mali).setCasualties(casualties).build();
        assertThat(IncidentFilter.bestKilled(two)).isEqualTo(19);
        assertThat(IncidentFilter.highKilled(two)).isEqualTo(56);
        assertThat(filter(Set.of(), null, Set.of(), 19, null).matches(two)).isTrue();
        assertThat(filter(Set.of(), null, Set.of(), 20, null).matches(two)).isFalse();
    }

    @Test
    void partisanOnlyFiguresCountAsNoBestEstimate() {
        Incident partisan = TestIncidents.mali(1, null, 30);
        assertThat(IncidentFilter.bestKilled(partisan)).isZero();
        assertThat(filter(Set.of(), null, Set.of(), 1, null).matches(partisan)).isFalse();
        assertThat(filter(Set.of(), null, Set.of(), 0, null).matches(partisan)).isTrue();
    }

    @Test
    void actorMatchesPartOfAnActorCaseInsensitively() {
        assertThat(filter(Set.of(), null, Set.of(), null, "jnim").matches(mali)).isTrue();
        assertThat(filter(Set.of(), null, Set.of(), null, "fam").matches(mali)).isTrue();
        assertThat(filter(Set.of(), null, Set.of(), null, "wagner").matches(mali)).isFalse();
    }

    @Test
    void updatedSinceIsInclusive() {
        Instant updated = mali.getUpdatedAt();
        IncidentFilter atUpdate = new IncidentFilter(Set.of(), null, Set.of(), null, null, updated);
        IncidentFilter after = new IncidentFilter(Set.of(), null, Set.of(), null, null, updated.plusMillis(1));
        assertThat(atUpdate.matches(mali)).isTrue();
        assertThat(after.matches(mali)).isFalse();
    }

    @Test
    void allConditionsMustHold() {
        assertThat(filter(Set.of("ML"), "Ségou", Set.of("ambush"), 14, "JNIM").matches(mali)).isTrue();
        assertThat(filter(Set.of("ML"), "Ségou", Set.of("ambush"), 15, "JNIM").matches(mali)).isFalse();
    }

    @Test
    void unknownTypesAreRejectedWithTheKnownOnes() {
        assertThat(IncidentFilter.checkTypes(Set.of("Ambush"))).containsExactly("Ambush");
        assertThatThrownBy(() -> IncidentFilter.checkTypes(Set.of("massacre")))
            .hasMessageContaining("unknown event type 'massacre'").hasMessageContaining("suicide_bombing");
    }

    @Test
    void timesAreInstantsOffsetsOrDates() {
        assertThat(TimeParam.parse("2023-01-10")).isEqualTo(Instant.parse("2023-01-10T00:00:00Z"));
        assertThat(TimeParam.parse("2023-01-10T07:00:00+01:00")).isEqualTo(Instant.parse("2023-01-10T06:00:00Z"));
        assertThat(TimeParam.parse("2023-01-10T06:00:00Z")).isEqualTo(Instant.parse("2023-01-10T06:00:00Z"));
        assertThatThrownBy(() -> TimeParam.parse("last week")).hasMessageContaining("not an ISO-8601 time");
    }

    private static IncidentFilter filter(Set<String> countries, String admin1, Set<String> types, Integer minKilled,
                                         String actor) {
        return new IncidentFilter(countries, admin1, types, minKilled, actor, null);
    }
}
