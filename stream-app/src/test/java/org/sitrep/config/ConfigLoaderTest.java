package org.sitrep.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        SitrepConfig c = ConfigLoader.load(null, Map.of(), Map.of());
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.applicationId()).isEqualTo("sitrep");
        assertThat(c.pipeline().dedupHorizon()).isEqualTo(Duration.ofDays(7));
        assertThat(c.streamsProperties().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void fileThenEnvThenFlagsEachOverrideTheLayerBefore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sitrep.properties");
        Files.writeString(file, "bootstrap-servers=file:9092\napplication-id=from-file\nmatch-window-days=5\nkafka.linger.ms=7\n");
        Map<String, String> env = Map.of("SITREP_APPLICATION_ID", "from-env", "SITREP_MATCH_WINDOW_DAYS", "4",
            "KAFKA_SECURITY_PROTOCOL", "SSL", "SITREP_REGISTRY_BASIC_AUTH_USER_INFO", "u:p", "PATH", "/bin");
        Map<String, String> flags = Map.of("match-window-days", "2");

        SitrepConfig c = ConfigLoader.load(file, env, flags);

        assertThat(c.bootstrapServers()).isEqualTo("file:9092");
        assertThat(c.applicationId()).isEqualTo("from-env");
        assertThat(c.pipeline().matchWindowDays()).isEqualTo(2);
        assertThat(c.kafka()).containsEntry("linger.ms", "7").containsEntry("security.protocol", "SSL");
        assertThat(c.registry()).containsEntry("basic.auth.user.info", "u:p");
        assertThat(c.streamsProperties()).containsEntry("security.protocol", "SSL")
            .containsEntry(SitrepConfig.REGISTRY_PREFIX + "basic.auth.user.info", "u:p");
    }

    @Test
    void unknownOrMalformedSettingsFailWithTheirName() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("bootstrap-server", "x")))
            .hasMessageContaining("unknown setting 'bootstrap-server'");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("partitions", "zero")))
            .hasMessageContaining("'partitions' must be a positive integer");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("dedup-horizon", "soon")))
            .hasMessageContaining("dedup-horizon");
    }

    @Test
    void theNearDuplicateThresholdDefaultsToHalfAndIsASimilarityInZeroToOne() {
        assertThat(ConfigLoader.load(null, Map.of(), Map.of()).pipeline().nearDupThreshold()).isEqualTo(0.5);
        assertThat(ConfigLoader.load(null, Map.of("SITREP_NEAR_DUP_THRESHOLD", "0.7"), Map.of()).pipeline()
            .nearDupThreshold()).isEqualTo(0.7);
        assertThat(ConfigLoader.load(null, Map.of(), Map.of("near-dup-threshold", "1")).pipeline().nearDupThreshold())
            .isEqualTo(1.0);
        for (String bad : new String[] {"0", "1.5", "-0.2", "half"}) {
            assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("near-dup-threshold", bad)))
                .hasMessageContaining("'near-dup-threshold' must be a number greater than 0 and at most 1");
        }
    }

    @Test
    void theContainmentRuleHasItsTwoSettingsWithTheMeasuredDefaults() {
        var defaults = ConfigLoader.load(null, Map.of(), Map.of()).pipeline().nearDupRule();
        assertThat(defaults).isEqualTo(org.sitrep.dedup.NearDuplicateRule.DEFAULTS);
        assertThat(defaults.containment()).isEqualTo(0.6);
        assertThat(defaults.minShare()).isEqualTo(0.25);
        var set = ConfigLoader.load(null, Map.of("SITREP_NEAR_DUP_CONTAINMENT", "0.8"),
            Map.of("near-dup-min-share", "0.4", "near-dup-threshold", "0.7")).pipeline().nearDupRule();
        assertThat(set).isEqualTo(new org.sitrep.dedup.NearDuplicateRule(0.7, 0.8, 0.4));
        for (String key : new String[] {"near-dup-containment", "near-dup-min-share"}) {
            assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of(key, "0")))
                .hasMessageContaining("'" + key + "' must be a number greater than 0 and at most 1");
        }
    }

    @Test
    void foreignEnvironmentVariablesAreIgnoredNotFatal() {
        SitrepConfig c = ConfigLoader.load(null, Map.of("SITREP_PORT", "tcp://10.0.0.1:8080", "KAFKA_HEAP_OPTS", "-Xmx1g",
            "KAFKA_OPTS", "-Dx=y", "SITREP_PARTITIONS", "6"), Map.of());
        assertThat(c.partitions()).isEqualTo(6);
        assertThat(c.kafka()).isEmpty();
    }

    @Test
    void commandDefaultsSitBelowFileEnvAndFlags() {
        assertThat(ConfigLoader.load(Map.of("partitions", "1"), null, Map.of(), Map.of()).partitions()).isEqualTo(1);
        assertThat(ConfigLoader.load(Map.of("partitions", "1"), null, Map.of("SITREP_PARTITIONS", "4"), Map.of())
            .partitions()).isEqualTo(4);
    }

    @Test
    void aReplayCommitsOnceASecondUnlessToldOtherwiseAndTheServiceKeepsKafkaStreamsDefault() {
        String key = org.apache.kafka.streams.StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;
        assertThat(ConfigLoader.load(SitrepConfig.REPLAY_DEFAULTS, null, Map.of(), Map.of()).streamsProperties())
            .containsEntry(key, "1000");
        assertThat(ConfigLoader.load(SitrepConfig.REPLAY_DEFAULTS, null, Map.of(), Map.of("kafka.commit.interval.ms", "250"))
            .streamsProperties()).containsEntry(key, "250");
        assertThat(ConfigLoader.load(null, Map.of(), Map.of()).streamsProperties()).doesNotContainKey(key);
    }

    @Test
    void httpPortDefaultsTo8080AndZeroTurnsItOff() {
        assertThat(ConfigLoader.load(null, Map.of(), Map.of()).httpPort()).isEqualTo(8080);
        assertThat(ConfigLoader.load(null, Map.of("SITREP_HTTP_PORT", "9000"), Map.of()).httpPort()).isEqualTo(9000);
        assertThat(ConfigLoader.load(null, Map.of("SITREP_HTTP_PORT", "9000"), Map.of("http-port", "0")).httpPort()).isZero();
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("http-port", "-1")))
            .hasMessageContaining("'http-port' must be a port");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("http-port", "65536")))
            .hasMessageContaining("'http-port' must be a port");
    }

    @Test
    void incidentRetentionIsADurationOrForever() {
        assertThat(ConfigLoader.load(null, Map.of(), Map.of()).pipeline().incidentRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(ConfigLoader.load(null, Map.of("SITREP_INCIDENT_RETENTION", "7d"), Map.of()).pipeline().incidentRetention())
            .isEqualTo(Duration.ofDays(7));
        assertThat(ConfigLoader.load(null, Map.of(), Map.of("incident-retention", "Forever")).pipeline().incidentRetention())
            .isEqualTo(SitrepConfig.PipelineConfig.KEEP_FOREVER);
        assertThat(SitrepConfig.PipelineConfig.defaults().incidentRetention()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("incident-retention", "0s")))
            .hasMessageContaining("'incident-retention' must be a positive duration");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("incident-retention", "always")))
            .hasMessageContaining("incident-retention").hasMessageContaining("'forever'");
    }

    @Test
    void durationsReadShortAndIsoForms() {
        assertThat(ConfigLoader.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(ConfigLoader.parseDuration("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(ConfigLoader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigLoader.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
    }
}
