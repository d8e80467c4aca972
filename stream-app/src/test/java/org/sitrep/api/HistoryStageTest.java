package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentHistory;
import org.sitrep.schema.IncidentVersion;

class HistoryStageTest {
    @Test
    void versionsAccumulateInOrderWithTheArticlesEachAdded() {
        Incident v1 = TestIncidents.mali(1, 10, 12);
        Incident v2 = Incident.newBuilder(TestIncidents.mali(2, 14, 14))
            .setArticles(List.of(v1.getArticles().get(0), "a-new")).build();
        IncidentHistory h = HistoryStage.append(HistoryStage.append(null, v1), v2);
        assertThat(h.getVersions()).extracting(IncidentVersion::getVersion).containsExactly(1, 2);
        assertThat(h.getVersions().get(0).getNewArticles()).containsExactlyElementsOf(v1.getArticles());
        assertThat(h.getVersions().get(1).getNewArticles()).containsExactly("a-new");
        assertThat(h.getVersions().get(1).getArticleCount()).isEqualTo(2);
        assertThat(h.getVersions().get(1).getCasualties().get(0).getKilled().getBest()).isEqualTo(14);
    }

    @Test
    void aRedeliveredVersionReplacesItselfAndWhatFollowed() {
        IncidentHistory h = HistoryStage.append(null, TestIncidents.mali(1, 10, 12));
        h = HistoryStage.append(h, TestIncidents.mali(2, 14, 14));
        h = HistoryStage.append(h, TestIncidents.mali(2, 15, 15));
        assertThat(h.getVersions()).extracting(IncidentVersion::getVersion).containsExactly(1, 2);
        assertThat(h.getVersions().get(1).getCasualties().get(0).getKilled().getBest()).isEqualTo(15);
    }

    @Test
    void theOldestVersionsGoBeyondTheCapAndAreCounted() {
        IncidentHistory h = null;
        for (int v = 1; v <= HistoryStage.MAX_VERSIONS + 3; v++) {
            h = HistoryStage.append(h, TestIncidents.mali(v, v, v));
        }
        assertThat(h.getVersions()).hasSize(HistoryStage.MAX_VERSIONS);
        assertThat(h.getVersions().get(0).getVersion()).isEqualTo(4);
        assertThat(h.getDropped()).isEqualTo(3);
    }

    @Test
    void incidentsAreLocatedByTheirCountrysPartition() {
        IncidentPartitioner p = new IncidentPartitioner();
        assertThat(IncidentPartitioner.country("ML-20230110-b00953")).isEqualTo("ML");
        for (int n : new int[] {1, 3, 6}) {
            int expected = org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2("ML".getBytes(java.nio.charset.StandardCharsets.UTF_8))) % n;
            assertThat(p.partitions("t", "ML-20230110-b00953", null, n)).contains(java.util.Set.of(expected));
            assertThat(p.partitions("t", "ML-20230113-5b74f7", null, n)).contains(java.util.Set.of(expected));
        }
    }
}
