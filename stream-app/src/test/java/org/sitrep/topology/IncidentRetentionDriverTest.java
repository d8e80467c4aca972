package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.alerts.AlertStage;
import org.sitrep.api.HistoryStage;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentHistory;
import org.sitrep.schema.IncidentIndex;
import org.sitrep.schema.IncidentRef;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.testing.DriverHarness;

/**
 * {@code incident-retention} through the whole topology: a closed or merged incident is queryable (the stores the HTTP
 * API reads: {@code incidents-store} for {@code /incidents} and {@code /incidents/{id}}, {@code api-history-store}
 * for {@code /incidents/{id}/history}) until stream time passes its closing time plus the retention, then it is gone
 * from every store, while {@code news.incidents} keeps its last version.
 */
class IncidentRetentionDriverTest {
    static final String MACINA_1 = "At least 12 Malian soldiers were killed on Tuesday in an ambush near Macina, in central Mali, "
        + "officers said on condition of anonymity.";
    static final String MACINA_2 = "The Malian army said on Friday that 14 soldiers were killed and 11 wounded in the ambush near "
        + "Macina on Tuesday.";

    @TempDir
    Path dir;

    private DriverHarness harness(Map<String, String> settings) throws IOException {
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, "{\"rules\": [{\"id\": \"every-incident\"}]}"); // every incident alerts once
        Map<String, String> all = new HashMap<>(settings);
        all.put("alert-rules", rules.toString());
        return new DriverHarness(all);
    }

    /**
     * A Nigerian report at {@code at}: moves the incidents stage's stream time on without touching Mali's incidents
     * (its text differs each time, or the dedup stage would drop it as a copy and it would never get there).
     */
    private static void tick(DriverHarness h, String id, String at) {
        h.send(article(id, at, "Nigerian troops repelled an attack on a base in Metele, Borno state, the army said. "
            + "Seven soldiers were killed, the army said. Dispatch " + id + "."));
    }

    private static Incident stored(DriverHarness h, String id) {
        return h.driver.<String, Incident>getKeyValueStore(IncidentStage.STORE).get(id);
    }

    private static IncidentHistory history(DriverHarness h, String id) {
        return h.driver.<String, IncidentHistory>getKeyValueStore(HistoryStage.STORE).get(id);
    }

    private static List<String> keys(DriverHarness h, String store) {
        List<String> out = new ArrayList<>();
        try (var it = h.driver.getKeyValueStore(store).all()) {
            it.forEachRemaining(kv -> out.add(String.valueOf(kv.key)));
        }
        return out;
    }

    private static List<String> openIds(DriverHarness h, String country) {
        IncidentIndex index = h.driver.<String, IncidentIndex>getKeyValueStore(IncidentStage.OPEN_STORE).get(country);
        return index == null ? List.of()
            : index.getEntries().stream().filter(r -> !r.getClosed()).map(IncidentRef::getIncidentId).toList();
    }

    @Test
    void aClosedIncidentIsQueryableUntilClosingPlusRetentionThenGoneFromEveryStoreButNotFromTheTopic() throws IOException {
        try (DriverHarness h = harness(Map.of("incident-quiet-period", "2d", "incident-retention", "3d"))) {
            var changelog = h.driver.createOutputTopic("sitrep-" + IncidentStage.STORE + "-changelog",
                new StringDeserializer(), new ByteArrayDeserializer());
            h.send(article("m1", "2023-01-11T09:00:00Z", MACINA_1));
            Incident first = h.incidents.readValue();
            String id = first.getIncidentId();

            // Quiet since 11 Jan 09:00: closed at 13 Jan 09:00, forgotten once stream time passes 16 Jan 09:00.
            tick(h, "n1", "2023-01-13T12:00:00Z");
            Incident closed = h.incidents.readValuesToList().stream().filter(i -> i.getIncidentId().equals(id))
                .reduce((a, b) -> b).orElseThrow();
            assertThat(closed.getStatus()).isEqualTo(IncidentStatus.closed);
            assertThat(closed.getUpdatedAt()).isEqualTo(Instant.parse("2023-01-13T09:00:00Z"));

            tick(h, "n2", "2023-01-16T08:30:00Z");
            assertThat(stored(h, id).getStatus()).as("closed, within the retention").isEqualTo(IncidentStatus.closed);
            assertThat(history(h, id).getVersions()).hasSize(2);
            assertThat(keys(h, AlertStage.STORE)).contains(id + "|every-incident");
            assertThat(keys(h, IncidentStage.RETENTION_STORE)).contains("0000001673600400000|" + id);

            tick(h, "n3", "2023-01-16T09:45:00Z");
            assertThat(stored(h, id)).as("forgotten").isNull();
            assertThat(history(h, id)).isNull();
            assertThat(keys(h, AlertStage.STORE)).doesNotContain(id + "|every-incident");
            assertThat(keys(h, IncidentStage.RETENTION_STORE)).noneMatch(k -> k.endsWith(id))
                .contains("~forgotten-up-to");
            // The delete is a tombstone in the store's changelog, so a restore does not bring the incident back...
            List<TestRecord<String, byte[]>> logged = changelog.readRecordsToList().stream()
                .filter(r -> r.key().equals(id)).toList();
            assertThat(logged).last().satisfies(r -> assertThat(r.value()).isNull());
            // ...and no tombstone reaches news.incidents, where the closed version stays the incident's last.
            assertThat(h.incidents.readRecordsToList()).noneMatch(r -> r.key().equals(id) || r.value() == null);
        }
    }

    @Test
    void anOpenIncidentIsNeverForgottenHoweverOldItsFirstReport() throws IOException {
        try (DriverHarness h = harness(Map.of("incident-quiet-period", "3d", "incident-retention", "1h"))) {
            // Reports of the same ambush every two days keep it open for a week, seven times the retention.
            h.send(article("m1", "2023-01-11T09:00:00Z", MACINA_1));
            String id = h.incidents.readValue().getIncidentId();
            h.send(article("m2", "2023-01-13T08:00:00Z", MACINA_2));
            h.send(article("m3", "2023-01-15T07:00:00Z",
                "JNIM said it killed seven soldiers in the ambush near Macina on 10 January, according to SITE."));
            h.send(article("m4", "2023-01-17T06:00:00Z",
                "Officials in Macina said on Tuesday that 14 soldiers died in the ambush of 10 January."));
            tick(h, "n1", "2023-01-18T12:00:00Z");
            List<Incident> versions = h.incidents.readValuesToList().stream()
                .filter(i -> i.getIncidentId().equals(id)).toList();
            assertThat(versions).extracting(Incident::getStatus).containsOnly(IncidentStatus.open);
            assertThat(versions).last().satisfies(i -> assertThat(i.getArticles()).containsExactly("m1", "m2", "m3", "m4"));

            assertThat(stored(h, id).getStatus()).isEqualTo(IncidentStatus.open);
            assertThat(history(h, id).getVersions()).hasSize(4);
            assertThat(openIds(h, "ML")).containsExactly(id);
            assertThat(keys(h, IncidentStage.RETENTION_STORE)).noneMatch(k -> k.endsWith(id));
            // The Nigerian incident of 18 January is open too: nothing has closed, nothing is indexed.
            assertThat(keys(h, IncidentStage.RETENTION_STORE)).containsExactly("~indexed");
        }
    }

    @Test
    void aReportAfterTheIncidentWasForgottenOpensANewOneAndAForgottenIdIsNeverReused() throws IOException {
        try (DriverHarness h = harness(Map.of("incident-quiet-period", "2d", "incident-retention", "3d"))) {
            var m1 = article("m1", "2023-01-11T09:00:00Z", MACINA_1);
            h.send(m1);
            Incident first = h.incidents.readValue();
            tick(h, "n1", "2023-01-13T12:00:00Z");
            tick(h, "n2", "2023-01-17T12:00:00Z");
            h.incidents.readValuesToList();
            assertThat(stored(h, first.getIncidentId())).as("forgotten").isNull();

            // The army's toll, late, for the same ambush at the same place: a new incident, nothing of the old one.
            h.send(article("m2", "2023-01-17T15:00:00Z",
                "The Malian army said on Tuesday that 14 soldiers were killed and 11 wounded in the ambush near Macina on 10 January."));
            List<Incident> after = h.incidents.readValuesToList();
            assertThat(after).singleElement().satisfies(i -> {
                assertThat(i.getIncidentId()).isNotEqualTo(first.getIncidentId());
                assertThat(i.getIncidentId()).startsWith("ML-20230110-");
                assertThat(i.getStatus()).isEqualTo(IncidentStatus.open);
                assertThat(i.getVersion()).isEqualTo(1);
                assertThat(i.getArticles()).containsExactly("m2");
                assertThat(i.getClaims()).allSatisfy(c -> assertThat(c.getArticleId()).isEqualTo("m2"));
            });
            String second = after.get(0).getIncidentId();
            assertThat(openIds(h, "ML")).containsExactly(second);
            assertThat(history(h, second).getVersions()).hasSize(1);

            // Past the dedup horizon the first article, sent again with its own publication time, is unique again and
            // gives the very report that named the forgotten incident. It must not publish that id again (a version 1
            // would replace the closed version news.incidents keeps for it): it opens an incident under a fresh id.
            // (By 23 January the second incident, closed on 19 January, is forgotten too: a report about the ambush
            // would otherwise join it while it is retained.)
            tick(h, "n3", "2023-01-23T12:00:00Z");
            h.incidents.readValuesToList();
            assertThat(stored(h, second)).as("forgotten").isNull();
            h.send(m1);
            List<Incident> resent = h.incidents.readValuesToList();
            assertThat(resent).extracting(Incident::getIncidentId).doesNotContain(first.getIncidentId());
            assertThat(resent).filteredOn(i -> i.getArticles().contains("m1")).singleElement().satisfies(i -> {
                assertThat(i.getIncidentId()).isNotIn(first.getIncidentId(), second);
                assertThat(i.getVersion()).isEqualTo(1);
            });
            assertThat(stored(h, first.getIncidentId())).isNull();
        }
    }

    @Test
    void aMergedIncidentIsForgottenByItsMergeTimeAndTheSurvivorByItsClosingTime() throws IOException {
        try (DriverHarness h = harness(Map.of("incident-quiet-period", "5d", "incident-retention", "2d"))) {
            // Sunday 8 and Thursday 12 January: two incidents until a report dated Tuesday 10 bridges them (13 Jan).
            h.send(article("x1", "2023-01-09T09:00:00Z",
                "Twelve Malian soldiers were killed on Sunday in an ambush near Macina, in central Mali, the army said."));
            h.send(article("y1", "2023-01-13T09:00:00Z",
                "Fourteen Malian soldiers were killed on Thursday in an ambush near Macina, in central Mali, local officials said."));
            h.send(article("b1", "2023-01-13T15:00:00Z", MACINA_2));
            List<Incident> versions = h.incidents.readValuesToList();
            Incident absorbed = versions.stream().filter(i -> i.getStatus() == IncidentStatus.merged).findFirst().orElseThrow();
            String survivor = absorbed.getMergedInto();
            assertThat(absorbed.getUpdatedAt()).isEqualTo(Instant.parse("2023-01-13T15:00:00Z"));

            tick(h, "n1", "2023-01-15T14:00:00Z");
            assertThat(stored(h, absorbed.getIncidentId()).getStatus()).isEqualTo(IncidentStatus.merged);
            tick(h, "n2", "2023-01-15T16:00:00Z"); // merged 13 Jan 15:00 + 2 days: forgotten
            assertThat(stored(h, absorbed.getIncidentId())).isNull();
            assertThat(history(h, absorbed.getIncidentId())).isNull();
            assertThat(stored(h, survivor).getStatus()).isEqualTo(IncidentStatus.open);

            tick(h, "n3", "2023-01-18T16:00:00Z"); // quiet since 13 Jan 15:00: closed at 18 Jan 15:00
            assertThat(stored(h, survivor).getStatus()).isEqualTo(IncidentStatus.closed);
            tick(h, "n4", "2023-01-20T14:00:00Z");
            assertThat(stored(h, survivor)).isNotNull();
            tick(h, "n5", "2023-01-20T16:00:00Z");
            assertThat(stored(h, survivor)).isNull();
            // On news.incidents, after the merge: the survivor's closed version, and no tombstone for either.
            List<TestRecord<String, Incident>> published = h.incidents.readRecordsToList();
            assertThat(published).allSatisfy(r -> assertThat(r.value()).isNotNull());
            assertThat(published).filteredOn(r -> r.key().equals(survivor)).singleElement()
                .satisfies(r -> assertThat(r.value().getStatus()).isEqualTo(IncidentStatus.closed));
            assertThat(published).noneMatch(r -> r.key().equals(absorbed.getIncidentId()));
        }
    }

    @Test
    void closedIncidentsStoredBeforeTheIndexExistedAreIndexedOnceAndForgotten() throws IOException {
        try (DriverHarness h = harness(Map.of("incident-quiet-period", "2d", "incident-retention", "3d"))) {
            // State as an earlier version left it: a closed incident in incidents-store and no retention index.
            Incident legacy = org.sitrep.api.TestIncidents.mali(3, 14, 14);
            legacy = Incident.newBuilder(legacy).setStatus(IncidentStatus.closed)
                .setUpdatedAt(Instant.parse("2022-12-01T00:00:00Z")).build();
            Incident recent = Incident.newBuilder(legacy).setIncidentId("ML-20230112-000001")
                .setUpdatedAt(Instant.parse("2023-01-10T00:00:00Z")).build();
            h.driver.<String, Incident>getKeyValueStore(IncidentStage.STORE).put(legacy.getIncidentId(), legacy);
            h.driver.<String, Incident>getKeyValueStore(IncidentStage.STORE).put(recent.getIncidentId(), recent);
            assertThat(keys(h, IncidentStage.RETENTION_STORE)).isEmpty();

            tick(h, "n1", "2023-01-11T12:00:00Z"); // the first punctuation indexes both, then forgets the old one
            assertThat(stored(h, legacy.getIncidentId())).isNull();
            assertThat(stored(h, recent.getIncidentId())).isNotNull();
            assertThat(keys(h, IncidentStage.RETENTION_STORE)).contains("~indexed", "0000001673308800000|ML-20230112-000001");

            tick(h, "n2", "2023-01-13T01:00:00Z"); // 10 Jan + 3 days
            assertThat(stored(h, recent.getIncidentId())).isNull();
        }
    }
}
