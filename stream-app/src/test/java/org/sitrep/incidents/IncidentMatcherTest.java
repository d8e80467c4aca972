package org.sitrep.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.place;
import static org.sitrep.testing.Fixtures.report;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;

class IncidentMatcherTest {
    private final IncidentMatcher matcher = new IncidentMatcher(new MatchSettings(3, 250, MatchSettings.DEFAULT_MIN_SCORE));

    private static Incident ambushNearMacina() {
        return IncidentAssembler.create("ML", report("a1", "2023-01-11T10:00:00Z", EventType.ambush, "2023-01-10", "Mopti",
            List.of(place("Macina", 13.96, -5.36), place("Mopti", 14.49, -4.19)), List.of()));
    }

    @Test
    void aLaterReportOfTheSameAmbushJoinsIt() {
        EventReport followUp = report("a2", "2023-01-12T09:00:00Z", EventType.ambush, "2023-01-10", "Mopti",
            List.of(place("Macina", 13.96, -5.36)), List.of());
        assertThat(matcher.bestMatch(followUp, List.of(ambushNearMacina()))).isPresent();
    }

    @Test
    void aReportWhoseDateIsOffByTheWholeWindowStillJoinsWhenItNamesTheSamePlace() {
        EventReport offByThree = report("a5", "2023-01-15T09:00:00Z", EventType.attack_on_base, "2023-01-13", "Mopti",
            List.of(place("Macina", 13.96, -5.36)), List.of());
        assertThat(matcher.bestMatch(offByThree, List.of(ambushNearMacina()))).isPresent();
        EventReport offByFour = report("a6", "2023-01-15T09:00:00Z", EventType.ambush, "2023-01-14", "Mopti",
            List.of(place("Macina", 13.96, -5.36)), List.of());
        assertThat(matcher.bestMatch(offByFour, List.of(ambushNearMacina()))).isEmpty();
    }

    @Test
    void theSameTownAttackedMonthsLaterIsAnotherIncident() {
        EventReport later = report("a3", "2023-04-22T09:00:00Z", EventType.ambush, "2023-04-21", "Mopti",
            List.of(place("Macina", 13.96, -5.36)), List.of());
        assertThat(matcher.bestMatch(later, List.of(ambushNearMacina()))).isEmpty();
    }

    @Test
    void anAttackTheSameDayFarAwayIsAnotherIncident() {
        EventReport menaka = report("a4", "2023-01-11T09:00:00Z", EventType.ambush, "2023-01-10", "Ménaka",
            List.of(place("Ménaka", 15.92, 2.40)), List.of());
        assertThat(IncidentMatcher.nearestKm(menaka, ambushNearMacina())).isGreaterThan(500);
        assertThat(matcher.bestMatch(menaka, List.of(ambushNearMacina()))).isEmpty();
    }

    @Test
    void attacksEveryOtherDayInOneRegionDoNotChainIntoOneIncident() {
        // Each report is within the window of the incident's last date; without a bound on the range, all would be one.
        Incident chained = ambushNearMacina(); // 10 January
        int joined = 0;
        for (int day = 12; day <= 30; day += 2) {
            EventReport next = report("c" + day, "2023-01-" + day + "T18:00:00Z", EventType.ambush,
                "2023-01-" + day, "Mopti", List.of(place("Macina", 13.96, -5.36)), List.of());
            if (matcher.bestMatch(next, List.of(chained)).isPresent()) {
                chained = IncidentAssembler.add(chained, next);
                joined++;
            }
        }
        assertThat(joined).as("the 12th, 14th and 16th: within twice the window of the 10th").isEqualTo(3);
        assertThat(IncidentMatcher.span(chained.getEventDate(), chained.getEventDateLast()))
            .isLessThanOrEqualTo(matcher.maxSpanDays()).isEqualTo(6);
    }

    @Test
    void twoIncidentsWhoseUnionWouldSpanMoreThanTwiceTheWindowAreNotCompatible() {
        Incident first = ambushNearMacina(); // 10 January
        Incident spread = IncidentAssembler.add(IncidentAssembler.create("ML", report("b1", "2023-01-14T10:00:00Z",
                EventType.ambush, "2023-01-13", "Mopti", List.of(place("Macina", 13.96, -5.36)), List.of())),
            report("b2", "2023-01-18T10:00:00Z", EventType.ambush, "2023-01-17", "Mopti",
                List.of(place("Macina", 13.96, -5.36)), List.of()));
        assertThat(matcher.compatible(first, IncidentAssembler.create("ML", report("b3", "2023-01-14T10:00:00Z",
            EventType.ambush, "2023-01-13", "Mopti", List.of(place("Macina", 13.96, -5.36)), List.of())))).isTrue();
        assertThat(matcher.compatible(first, spread)).as("10 to 17 January: 7 days").isFalse();
    }

    @Test
    void dateGapCountsFromTheIncidentsRange() {
        assertThat(IncidentMatcher.dateGap(java.time.LocalDate.parse("2023-01-12"),
            java.time.LocalDate.parse("2023-01-09"), java.time.LocalDate.parse("2023-01-10"))).isEqualTo(2);
        assertThat(IncidentMatcher.dateGap(java.time.LocalDate.parse("2023-01-09"),
            java.time.LocalDate.parse("2023-01-09"), java.time.LocalDate.parse("2023-01-10"))).isZero();
    }

    @Test
    void unrelatedEventTypesOnTheSameDayWithoutSharedPlacesDoNotMatch() {
        Incident bombing = IncidentAssembler.create("ML", report("b1", "2023-01-11T10:00:00Z", EventType.suicide_bombing,
            "2023-01-10", null, List.of(), List.of()));
        EventReport airstrike = report("b2", "2023-01-11T12:00:00Z", EventType.airstrike, "2023-01-10", null, List.of(), List.of());
        assertThat(matcher.score(airstrike, bombing)).isLessThan(MatchSettings.DEFAULT_MIN_SCORE);
        assertThat(matcher.bestMatch(airstrike, List.of(bombing))).isEmpty();
    }

    @Test
    void theBestScoringIncidentWins() {
        Incident near = ambushNearMacina();
        Incident other = IncidentAssembler.create("ML", report("c1", "2023-01-09T10:00:00Z", EventType.armed_clash,
            "2023-01-08", "Ségou", List.of(place("Ségou", 13.43, -6.26)), List.of()));
        EventReport r = report("c2", "2023-01-12T09:00:00Z", EventType.ambush, "2023-01-10", "Mopti",
            List.of(place("Macina", 13.96, -5.36)), List.of());
        assertThat(matcher.bestMatch(r, List.of(other, near))).map(Incident::getIncidentId).contains(near.getIncidentId());
    }

    @Test
    void incidentsAreCompatibleOnlyWhenNoHardLimitRulesThePairOut() {
        Incident macina = ambushNearMacina();
        Incident fourDaysLater = IncidentAssembler.create("ML", report("d1", "2023-01-15T10:00:00Z", EventType.ambush,
            "2023-01-14", "Mopti", List.of(place("Macina", 13.96, -5.36)), List.of()));
        Incident threeDaysLater = IncidentAssembler.create("ML", report("d2", "2023-01-14T10:00:00Z", EventType.ied,
            "2023-01-13", "Mopti", List.of(place("Ténenkou", 14.46, -4.92)), List.of()));
        Incident menaka = IncidentAssembler.create("ML", report("d3", "2023-01-11T10:00:00Z", EventType.ambush,
            "2023-01-10", "Ménaka", List.of(place("Ménaka", 15.92, 2.40)), List.of()));
        Incident airstrike = IncidentAssembler.create("ML", report("d4", "2023-01-11T10:00:00Z", EventType.airstrike,
            "2023-01-10", "Mopti", List.of(place("Macina", 13.96, -5.36)), List.of()));
        Incident unknownType = IncidentAssembler.create("ML", report("d5", "2023-01-11T10:00:00Z", EventType.other,
            "2023-01-10", "Mopti", List.of(), List.of()));

        assertThat(matcher.compatible(macina, threeDaysLater)).isTrue();
        assertThat(matcher.compatible(threeDaysLater, macina)).isTrue();
        assertThat(matcher.compatible(macina, fourDaysLater)).isFalse();
        assertThat(matcher.compatible(macina, menaka)).isFalse();
        assertThat(matcher.compatible(macina, airstrike)).isFalse();
        assertThat(matcher.compatible(macina, unknownType)).isTrue();
    }

    @Test
    void matchesListsEveryIncidentAboveTheThresholdBestFirst() {
        Incident near = ambushNearMacina();
        Incident other = IncidentAssembler.create("ML", report("c1", "2023-01-09T10:00:00Z", EventType.armed_clash,
            "2023-01-08", "Ségou", List.of(place("Ségou", 13.43, -6.26)), List.of()));
        Incident far = IncidentAssembler.create("ML", report("c3", "2023-01-11T10:00:00Z", EventType.ambush,
            "2023-01-10", "Ménaka", List.of(place("Ménaka", 15.92, 2.40)), List.of()));
        // No admin1 on the report: it names a place of each, and a different admin1 would cost the second 0.3.
        EventReport r = report("c2", "2023-01-12T09:00:00Z", EventType.ambush, "2023-01-10", null,
            List.of(place("Macina", 13.96, -5.36), place("Ségou", 13.43, -6.26)), List.of());
        assertThat(matcher.score(r, near)).isGreaterThan(matcher.score(r, other));
        assertThat(matcher.matches(r, List.of(far, other, near))).extracting(Incident::getIncidentId)
            .containsExactly(near.getIncidentId(), other.getIncidentId());
    }

    @Test
    void twoReportsOfOneArticleNeverMatchOneIncident() {
        Incident first = ambushNearMacina(); // holds a1#1
        EventReport second = EventReport.newBuilder(report("a1", "2023-01-11T10:00:00Z", EventType.ambush, "2023-01-10",
            "Mopti", List.of(place("Macina", 13.96, -5.36)), List.of())).setReportId("a1#2").build();
        EventReport sameAgain = report("a1", "2023-01-11T10:00:00Z", EventType.ambush, "2023-01-10", "Mopti",
            List.of(place("Macina", 13.96, -5.36)), List.of());

        assertThat(matcher.bestMatch(second, List.of(first))).isEmpty();
        assertThat(matcher.bestMatch(sameAgain, List.of(first))).isPresent();
        assertThat(matcher.compatible(first, IncidentAssembler.create("ML", second))).isFalse();
        assertThat(matcher.compatible(IncidentAssembler.create("ML", second), first)).isFalse();
        Incident larger = IncidentAssembler.add(IncidentAssembler.create("ML", report("a2", "2023-01-11T09:00:00Z",
            EventType.ambush, "2023-01-10", "Mopti", List.of(place("Macina", 13.96, -5.36)), List.of())), second);
        assertThat(matcher.compatible(first, larger)).isFalse();
        assertThat(matcher.compatible(larger, first)).isFalse();
        assertThat(IncidentMatcher.articleOf("fr-016#2")).isEqualTo("fr-016");

        // a1 is a prefix of a10, not the same article
        Incident ofA10 = IncidentAssembler.create("ML", EventReport.newBuilder(second).setArticleId("a10").setReportId("a10#1").build());
        assertThat(matcher.bestMatch(second, List.of(ofA10))).isPresent();
        assertThat(matcher.compatible(first, ofA10)).isTrue();
    }
}
