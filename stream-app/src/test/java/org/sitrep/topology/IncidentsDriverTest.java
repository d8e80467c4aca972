package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.article;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;
import org.sitrep.testing.DriverHarness;

/** Extract, incidents and claims stages through the whole topology, driven by TopologyTestDriver. */
class IncidentsDriverTest {
    private final DriverHarness h = new DriverHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void reportsOfOneAmbushBecomeVersionsOfOneIncidentWithReconciledTolls() {
        h.send(article("m1", "2023-01-11T09:00:00Z",
            "At least 12 Malian soldiers were killed on Tuesday in an ambush near Macina, in central Mali, "
                + "officers said on condition of anonymity."));
        h.send(article("m2", "2023-01-12T15:00:00Z",
            "The Malian army said on Thursday that 14 soldiers were killed and 11 wounded in the ambush near Macina on Tuesday. "
                + "The army said 31 terrorists were neutralised."));
        h.send(article("m3", "2023-04-22T10:00:00Z",
            "Nine soldiers were killed on Saturday in an ambush near Macina, in central Mali, the army said."));

        List<EventReport> reports = h.reports.readValuesToList();
        assertThat(reports).extracting(EventReport::getArticleId).containsExactly("m1", "m2", "m3");
        assertThat(reports).allSatisfy(r -> assertThat(r.getCountry()).isEqualTo("ML"));

        List<Incident> versions = h.incidents.readValuesToList();
        assertThat(versions).hasSize(4);
        Incident v1 = versions.get(0);
        Incident v2 = versions.get(1);
        Incident closed = versions.get(2);
        Incident april = versions.get(3);
        // Three months on, the January incident has been quiet for more than the 30-day quiet period: closed first.
        assertThat(closed.getIncidentId()).isEqualTo(v1.getIncidentId());
        assertThat(closed.getStatus()).isEqualTo(org.sitrep.schema.IncidentStatus.closed);
        assertThat(v2.getIncidentId()).isEqualTo(v1.getIncidentId());
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getArticles()).containsExactly("m1", "m2");
        assertThat(v2.getEventDate()).isEqualTo(java.time.LocalDate.parse("2023-01-10"));
        PartyCasualties soldiers = v2.getCasualties().stream().filter(pc -> pc.getParty() == Party.state_forces)
            .findFirst().orElseThrow();
        assertThat(soldiers.getKilled().getLow()).isEqualTo(12);
        assertThat(soldiers.getKilled().getBest()).isEqualTo(14);
        assertThat(soldiers.getInjured().getBest()).isEqualTo(11);
        assertThat(v2.getClaims()).anySatisfy(c -> {
            assertThat(c.getParty()).isEqualTo(Party.militants);
            assertThat(c.getPartisan()).isTrue();
        });
        // The same town three months later is another incident.
        assertThat(april.getIncidentId()).isNotEqualTo(v1.getIncidentId());
        assertThat(april.getVersion()).isEqualTo(1);
        // Closed on 11 February, the January incident was forgotten 30 days later (incident-retention): by 22 April
        // the store holds the April one only; news.incidents has the January one's last version (closed, above).
        var store = h.driver.<String, Incident>getKeyValueStore("incidents-store");
        assertThat(store.get(v1.getIncidentId())).isNull();
        assertThat(store.get(april.getIncidentId()).getVersion()).isEqualTo(1);
    }

    @Test
    void aRedeliveredArticleAddsNoVersion() {
        var article = article("r1", "2023-01-12T15:00:00Z",
            "The Malian army said on Thursday that 14 soldiers were killed in an ambush near Macina on Tuesday.");
        h.send(article);
        // Past the dedup horizon the same text is unique again, and its report id is the same.
        h.send(org.sitrep.schema.Article.newBuilder(article)
            .setPublishedAt(java.time.Instant.parse("2023-01-25T15:00:00Z")).build());
        List<Incident> versions = h.incidents.readValuesToList();
        assertThat(h.reports.readValuesToList()).hasSize(2);
        assertThat(versions).singleElement().satisfies(i -> assertThat(i.getVersion()).isEqualTo(1));
    }

    @Test
    void anArticleWithoutAnEventMakesNoReportAndNoIncident() {
        h.send(article("bg", "2023-03-06T09:00:00Z",
            "Since 2012, Mali has faced a jihadist insurgency that spread from the north to the centre of the country."));
        assertThat(h.reports.isEmpty()).isTrue();
        assertThat(h.incidents.isEmpty()).isTrue();
        assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("bg");
    }

    @Test
    void aRoundupOfTwoAttacksGivesTwoReportsAndTwoIncidents() {
        h.send(article("w1", "2023-01-13T09:00:00Z", String.join("\n\n",
            "Our weekly review of security incidents across the region.",
            "Gunmen killed 12 villagers near Macina, in central Mali, on Tuesday, local officials said.",
            "In Burkina Faso, nine soldiers were killed on Sunday when their convoy hit a mine near Djibo, the army said.")));

        List<EventReport> reports = h.reports.readValuesToList();
        assertThat(reports).extracting(EventReport::getReportId).containsExactly("w1#1", "w1#2");
        assertThat(reports).extracting(EventReport::getCountry).containsExactly("ML", "BF");
        List<Incident> incidents = h.incidents.readValuesToList();
        assertThat(incidents).extracting(Incident::getIncidentId).doesNotHaveDuplicates().hasSize(2);
        assertThat(incidents).allSatisfy(i -> assertThat(i.getArticles()).containsExactly("w1"));
    }
}
