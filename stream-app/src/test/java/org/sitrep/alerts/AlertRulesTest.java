package org.sitrep.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sitrep.api.TestIncidents;
import org.sitrep.schema.Alert;
import org.sitrep.schema.AlertReason;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Party;

class AlertRulesTest {
    static final String RULES = """
        {"rules": [
          {"id": "central-mali", "name": "Central Mali", "countries": ["ML"],
           "area": {"min_lat": 12, "max_lat": 16, "min_lon": -7, "max_lon": -3},
           "types": ["ambush"], "min_killed": 10, "actors": ["jnim"],
           "escalation": {"rise_by": 10, "thresholds": [50]}},
          {"id": "any-high", "min_killed": 30, "measure": "high"},
          {"id": "borno", "admin1": ["borno"]}
        ]}""";
    final AlertRules rules = AlertRules.parse(RULES);
    final AlertRule mali = rules.rules().get(0);

    @Test
    void aMatchingIncidentAlertsOnceThenOnlyOnEscalation() {
        Alert first = AlertRules.evaluate(mali, TestIncidents.mali(1, 12, 12), null).orElseThrow();
        assertThat(first.getReason()).isEqualTo(AlertReason.match);
        assertThat(first.getKilled()).isEqualTo(12);
        assertThat(first.getAlertId()).isEqualTo("ML-20230110-b00953/central-mali/1");
        assertThat(first.getMessage()).contains("Central Mali matched", "ambush in ML Ségou", "12 killed (best)");

        assertThat(AlertRules.evaluate(mali, TestIncidents.mali(2, 21, 21), 12)).as("rose by 9").isEmpty();
        Alert rose = AlertRules.evaluate(mali, TestIncidents.mali(3, 22, 22), 12).orElseThrow();
        assertThat(rose.getReason()).isEqualTo(AlertReason.escalation);
        assertThat(rose.getPreviousKilled()).isEqualTo(12);
        Alert crossed = AlertRules.evaluate(mali, TestIncidents.mali(4, 50, 50), 45).orElseThrow();
        assertThat(crossed.getReason()).as("crossed 50").isEqualTo(AlertReason.escalation);
        assertThat(AlertRules.evaluate(mali, TestIncidents.mali(5, 51, 51), 50)).as("already above 50").isEmpty();
    }

    @Test
    void everyConditionMustHold() {
        assertThat(mali.matches(TestIncidents.mali(1, 9, 40))).as("best below 10").isFalse();
        Incident outside = TestIncidents.incident("ML-20230113-5b74f7", 1, "ML", "Gao", EventType.ambush,
            Party.state_forces, 20, 20, List.of("JNIM"), "2023-01-14T00:00:00Z");
        outside = Incident.newBuilder(outside).setPlaces(List.of(
            new org.sitrep.schema.Place("Tessit", "ML", "Gao", 15.0, 0.9))).build();
        assertThat(mali.matches(outside)).as("east of the box").isFalse();
        Incident noActor = Incident.newBuilder(TestIncidents.mali(1, 20, 20)).setActors(List.of("FAMa")).build();
        assertThat(mali.matches(noActor)).isFalse();
        Incident ied = Incident.newBuilder(TestIncidents.mali(1, 20, 20)).setEventType(EventType.ied).build();
        assertThat(mali.matches(ied)).isFalse();
    }

    @Test
    void theHighMeasureCountsTheLargestClaim() {
        AlertRule high = rules.rules().get(1);
        Alert a = AlertRules.evaluate(high, TestIncidents.mali(1, null, 31), null).orElseThrow();
        assertThat(a.getKilledMeasure()).isEqualTo("high");
        assertThat(a.getKilled()).isEqualTo(31);
        assertThat(a.getKilledBest()).isZero();
        assertThat(high.escalated(31, 1000)).as("no escalation configured").isFalse();
    }

    @Test
    void badRulesFailWithTheRuleNamed() {
        assertThatThrownBy(() -> AlertRules.parse("{\"rules\": [{\"id\": \"x\", \"types\": [\"massacre\"]}]}"))
            .hasMessageContaining("rule 'x'").hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> AlertRules.parse("{\"rules\": [{\"id\": \"x\", \"colour\": \"red\"}]}"))
            .hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> AlertRules.parse("{\"rules\": [{\"id\": \"x\"}, {\"id\": \"x\"}]}"))
            .hasMessageContaining("duplicate rule id 'x'");
        assertThatThrownBy(() -> AlertRules.parse("{\"rules\": [{\"name\": \"no id\"}]}"))
            .hasMessageContaining("without an id");
        assertThatThrownBy(() -> AlertRules.parse("[]")).hasMessageContaining("expected");
    }
}
