package org.sitrep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PipelineOptionsTest {
    @Test
    void aBoundedRunOnOnePartitionReleasesItsTailAfterASecond() {
        var config = PipelineOptions.load(Map.of(), null, Map.of(), Map.of());
        assertThat(config.partitions()).isEqualTo(1);
        assertThat(config.pipeline().reorderFlushAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void onSeveralPartitionsItWaitsLongerForUpstreamTasksItCannotSeeYet() {
        var config = PipelineOptions.load(Map.of(), null, Map.of(), Map.of("partitions", "2"));
        assertThat(config.pipeline().reorderFlushAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(PipelineOptions.load(Map.of(), null, Map.of("SITREP_PARTITIONS", "3"), Map.of())
            .pipeline().reorderFlushAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFlushAfterTheUserSetsWinsOnAnyNumberOfPartitions() {
        var flags = Map.of("partitions", "2", "reorder-flush-after", "2s");
        assertThat(PipelineOptions.load(Map.of(), null, Map.of(), flags).pipeline().reorderFlushAfter())
            .isEqualTo(Duration.ofSeconds(2));
        assertThat(PipelineOptions.load(Map.of(), null, Map.of("SITREP_REORDER_FLUSH_AFTER", "5s"),
            Map.of("partitions", "2")).pipeline().reorderFlushAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCommandsOwnDefaultsApply() {
        var config = PipelineOptions.load(Map.of("incident-retention", "forever"), null, Map.of(), Map.of());
        assertThat(config.pipeline().incidentRetention()).isEqualTo(org.sitrep.config.SitrepConfig.PipelineConfig.KEEP_FOREVER);
    }
}
