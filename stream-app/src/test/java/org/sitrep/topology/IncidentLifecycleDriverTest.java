package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentIndex;
import org.sitrep.schema.IncidentRef;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.testing.DriverHarness;

/** Incidents closing after the quiet period and merging when a report bridges two, through the whole topology. */
class IncidentLifecycleDriverTest {

    /** The open incidents of {@code country}. */
    private static List<String> openIds(DriverHarness h, String country) {
        IncidentIndex index = h.driver.<String, IncidentIndex>getKeyValueStore("incidents-open-store").get(country);
        return index == null ? List.of()
            : index.getEntries().stream().filter(r -> !r.getClosed()).map(IncidentRef::getIncidentId).toList();
    }

    /** The incidents of {@code country} that can take a report: open, or closed within their retention. */
    private static List<String> indexedIds(DriverHarness h, String country) {
        IncidentIndex index = h.driver.<String, IncidentIndex>getKeyValueStore("incidents-open-store").get(country);
        return index == null ? List.of() : index.getEntries().stream().map(IncidentRef::getIncidentId).toList();
    }

    @Test
    void aQuietIncidentIsClosedByStreamTimeStaysQueryableAndALateReportAboutItReopensIt() {
        try (DriverHarness h = new DriverHarness(Map.of("incident-quiet-period", "2d"))) {
            h.send(article("m1", "2023-01-11T09:00:00Z",
                "At least 12 Malian soldiers were killed on Tuesday in an ambush near Macina, in central Mali, "
                    + "officers said on condition of anonymity."));
            Incident first = h.incidents.readValue();
            assertThat(first.getStatus()).isEqualTo(IncidentStatus.open);
            assertThat(openIds(h, "ML")).containsExactly(first.getIncidentId());

            // Another country's report moves stream time past 11 Jan 09:00 + 2 days: the punctuation closes it.
            h.send(article("n1", "2023-01-13T12:00:00Z",
                "Nigerian troops repelled an attack on a base in Metele, Borno state, on Thursday, the army said. "
                    + "Seven soldiers were killed, the army said."));
            List<Incident> versions = h.incidents.readValuesToList();
            Incident closed = versions.stream().filter(i -> i.getIncidentId().equals(first.getIncidentId()))
                .findFirst().orElseThrow();
            assertThat(closed.getStatus()).isEqualTo(IncidentStatus.closed);
            assertThat(closed.getVersion()).isEqualTo(2);
            assertThat(closed.getUpdatedAt()).isEqualTo(Instant.parse("2023-01-13T09:00:00Z"));
            assertThat(closed.getArticles()).containsExactly("m1");
            assertThat(openIds(h, "ML")).isEmpty();
            Incident stored = h.driver.<String, Incident>getKeyValueStore("incidents-store").get(first.getIncidentId());
            assertThat(stored.getStatus()).isEqualTo(IncidentStatus.closed);

            // Closed, it is still a candidate for reports about its event while it is retained.
            assertThat(indexedIds(h, "ML")).containsExactly(first.getIncidentId());

            // The army's toll for the same ambush, after the quiet period: it joins the closed incident and reopens it.
            h.send(article("m2", "2023-01-13T15:00:00Z",
                "The Malian army said on Friday that 14 soldiers were killed and 11 wounded in the ambush near Macina on Tuesday."));
            Incident reopened = h.incidents.readValue();
            assertThat(reopened.getIncidentId()).isEqualTo(first.getIncidentId());
            assertThat(reopened.getVersion()).isEqualTo(3);
            assertThat(reopened.getStatus()).isEqualTo(IncidentStatus.open);
            assertThat(reopened.getEventDate()).isEqualTo(LocalDate.parse("2023-01-10"));
            assertThat(reopened.getArticles()).containsExactly("m1", "m2");
            assertThat(h.incidents.isEmpty()).isTrue();
            assertThat(openIds(h, "ML")).containsExactly(first.getIncidentId());

            // An ambush near the same town a week later is another event: the reopened incident does not take it.
            h.send(article("m3", "2023-01-18T10:00:00Z",
                "Eight Malian soldiers were killed on Tuesday in an ambush near Macina, in central Mali, the army said."));
            List<Incident> later = h.incidents.readValuesToList();
            Incident another = later.get(later.size() - 1);
            assertThat(another.getIncidentId()).isNotEqualTo(first.getIncidentId());
            assertThat(another.getArticles()).containsExactly("m3");
        }
    }

    @Test
    void aReportInsideTheQuietPeriodStillJoinsAndNothingIsClosed() {
        try (DriverHarness h = new DriverHarness(Map.of("incident-quiet-period", "3d"))) {
            h.send(article("m1", "2023-01-11T09:00:00Z",
                "At least 12 Malian soldiers were killed on Tuesday in an ambush near Macina, in central Mali, "
                    + "officers said on condition of anonymity."));
            h.send(article("m2", "2023-01-13T15:00:00Z",
                "The Malian army said on Friday that 14 soldiers were killed and 11 wounded in the ambush near Macina on Tuesday."));
            List<Incident> versions = h.incidents.readValuesToList();
            assertThat(versions).extracting(Incident::getStatus).containsOnly(IncidentStatus.open);
            assertThat(versions).extracting(Incident::getIncidentId).containsOnly(versions.get(0).getIncidentId());
            assertThat(versions.get(1).getArticles()).containsExactly("m1", "m2");
        }
    }

    @Test
    void aReportWhoseDateBridgesTwoOpenIncidentsMergesThemIntoTheOlder() {
        try (DriverHarness h = new DriverHarness()) {
            // Sunday 8 January and Thursday 12 January: four days apart, more than the 3-day window, two incidents.
            h.send(article("x1", "2023-01-09T09:00:00Z",
                "Twelve Malian soldiers were killed on Sunday in an ambush near Macina, in central Mali, the army said."));
            h.send(article("y1", "2023-01-13T09:00:00Z",
                "Fourteen Malian soldiers were killed on Thursday in an ambush near Macina, in central Mali, local officials said."));
            List<Incident> before = h.incidents.readValuesToList();
            assertThat(before).hasSize(2);
            Incident x = before.get(0);
            Incident y = before.get(1);
            assertThat(x.getEventDate()).isEqualTo(LocalDate.parse("2023-01-08"));
            assertThat(y.getEventDate()).isEqualTo(LocalDate.parse("2023-01-12"));
            assertThat(y.getIncidentId()).isNotEqualTo(x.getIncidentId());

            // A report dated Tuesday 10 January is within the window of both: it shows they are one ambush.
            h.send(article("b1", "2023-01-13T15:00:00Z",
                "The Malian army said on Friday that 14 soldiers were killed and 11 wounded in the ambush near Macina on Tuesday."));
            List<Incident> after = h.incidents.readValuesToList();
            assertThat(after).hasSize(2);
            Incident survivor = after.get(0);
            Incident absorbed = after.get(1);
            assertThat(survivor.getIncidentId()).isEqualTo(x.getIncidentId());
            assertThat(survivor.getStatus()).isEqualTo(IncidentStatus.open);
            assertThat(survivor.getVersion()).isEqualTo(2);
            assertThat(survivor.getArticles()).containsExactlyInAnyOrder("x1", "y1", "b1");
            assertThat(survivor.getEventDate()).isEqualTo(LocalDate.parse("2023-01-08"));
            assertThat(survivor.getEventDateLast()).isEqualTo(LocalDate.parse("2023-01-12"));
            assertThat(survivor.getClaims()).extracting(c -> c.getArticleId()).contains("x1", "y1", "b1");
            assertThat(survivor.getCasualties()).isNotEmpty();

            assertThat(absorbed.getIncidentId()).isEqualTo(y.getIncidentId());
            assertThat(absorbed.getStatus()).isEqualTo(IncidentStatus.merged);
            assertThat(absorbed.getMergedInto()).isEqualTo(x.getIncidentId());
            assertThat(absorbed.getVersion()).isEqualTo(2);

            assertThat(openIds(h, "ML")).containsExactly(x.getIncidentId());
            var store = h.driver.<String, Incident>getKeyValueStore("incidents-store");
            assertThat(store.get(y.getIncidentId()).getMergedInto()).isEqualTo(x.getIncidentId());

            // The next report of the ambush joins the survivor; the absorbed id is never published again.
            h.send(article("c1", "2023-01-14T10:00:00Z",
                "JNIM said it killed seven soldiers in the ambush near Macina on Tuesday, according to SITE."));
            List<Incident> later = h.incidents.readValuesToList();
            assertThat(later).extracting(Incident::getIncidentId).containsExactly(x.getIncidentId());
        }
    }
}
