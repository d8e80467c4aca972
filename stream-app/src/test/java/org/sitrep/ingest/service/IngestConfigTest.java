package org.sitrep.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {
    static final Path EXAMPLE = Path.of("..", "deploy", "ingest.example.json");

    @Test
    void theExampleFileReads() {
        IngestConfig c = IngestConfig.read(EXAMPLE, Map.of("SITREP_INGEST_TOKEN", "a-long-enough-token-123"));
        assertThat(c.settings()).containsEntry("bootstrap-servers", "localhost:9092");
        assertThat(c.feeds()).hasSize(3);
        IngestConfig.Feed first = c.feeds().get(0);
        assertThat(first.url()).isEqualTo(URI.create("https://www.sahelwire.example/rss/security.xml"));
        assertThat(first.fetchPages()).isTrue();
        assertThat(first.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.feeds().get(2).pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.feeds().get(2).fetchPages()).isFalse();
        assertThat(c.allowedHosts()).containsExactlyInAnyOrder("www.sahelwire.example", "actu.lakechad.example",
            "mogadishu-monitor.example", "sahelwire.example");
        assertThat(c.push().token()).isEqualTo("a-long-enough-token-123");
        assertThat(c.push().toString()).doesNotContain("a-long-enough-token-123");
        assertThat(c.watch().dir()).isEqualTo(EXAMPLE.toAbsolutePath().getParent().resolve("inbox"));
        assertThat(c.stateDir()).isEqualTo(EXAMPLE.toAbsolutePath().getParent().resolve("ingest-state"));
    }

    @Test
    void pushWithoutATokenFails() {
        assertThatThrownBy(() -> IngestConfig.read(EXAMPLE, Map.of()))
            .hasMessageContaining("push is on but has no token").hasMessageContaining("SITREP_INGEST_TOKEN");
    }

    @Test
    void mistakesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.json");
        Files.writeString(f, "{\"feeds\": [\"file:///etc/passwd\"]}");
        assertThatThrownBy(() -> IngestConfig.read(f, Map.of())).hasMessageContaining("feeds[0].url must be an http(s) URL");
        Files.writeString(f, "{\"feed\": []}");
        assertThatThrownBy(() -> IngestConfig.read(f, Map.of())).hasMessageContaining("unknown field 'feed'");
        Files.writeString(f, "{\"feeds\": []}");
        assertThatThrownBy(() -> IngestConfig.read(f, Map.of())).hasMessageContaining("nothing to do");
    }
}
