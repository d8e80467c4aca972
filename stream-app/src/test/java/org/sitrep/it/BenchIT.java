package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sitrep.App;

/**
 * {@code sitrep bench} with a small feed on the embedded broker and registry: the last line is one JSON object whose
 * figures are positive and agree with each other. No timing thresholds: speed targets live in docs/PERFORMANCE.md.
 */
class BenchIT {
    @Test
    void lastLineIsConsistentJson() throws Exception {
        StringWriter text = new StringWriter();
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(text));
        int exit = cli.execute("bench", "--articles", "300", "--rate", "50", "--duration", "4s");
        String console = text.toString();
        assertThat(exit).as(console).isZero();
        List<String> lines = console.lines().filter(l -> !l.isBlank()).toList();
        JsonNode r = new ObjectMapper().readTree(lines.get(lines.size() - 1));

        for (String key : List.of("pipeline_aps", "identity_aps", "ratio", "p50_ms", "p99_ms", "heap_mb", "state_mb")) {
            assertThat(r.has(key)).as(key).isTrue();
            assertThat(r.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(r.get("ratio").asDouble())
            .isCloseTo(r.get("pipeline_aps").asDouble() / r.get("identity_aps").asDouble(), org.assertj.core.data.Offset.offset(0.002));
        assertThat(r.get("p50_ms").asDouble()).isLessThanOrEqualTo(r.get("p99_ms").asDouble());
        assertThat(r.get("articles").asInt()).isEqualTo(300);
        // every article is accounted for: unique, copy or dead letter
        assertThat(r.get("unique").asLong() + r.get("copies").asLong() + r.get("dead_letters").asLong()).isEqualTo(300);
        assertThat(r.get("copies").asLong()).isPositive();
        assertThat(r.get("incident_versions").asLong()).isPositive();
        assertThat(r.get("stored_incidents").asLong()).isPositive().isLessThanOrEqualTo(r.get("incident_versions").asLong());
        assertThat(r.get("stored_histories").asLong()).isEqualTo(r.get("stored_incidents").asLong());
        assertThat(r.get("last_incident_s").asDouble()).isPositive().isLessThanOrEqualTo(r.get("pipeline_s").asDouble());
        // one latency run per reorder grace (the default 10m, then 0s) at the one rate
        assertThat(r.get("latency")).hasSize(2);
        for (JsonNode l : r.get("latency")) {
            assertThat(l.get("sent").asInt()).isEqualTo(200);
            assertThat(l.get("in_incidents").asInt()).isPositive().isLessThanOrEqualTo(200);
            assertThat(l.get("p50_ms").asDouble()).isLessThanOrEqualTo(l.get("p95_ms").asDouble());
            assertThat(l.get("p95_ms").asDouble()).isLessThanOrEqualTo(l.get("p99_ms").asDouble());
            assertThat(l.get("p99_ms").asDouble()).isLessThanOrEqualTo(l.get("max_ms").asDouble());
        }
        assertThat(r.get("latency_grace").asText()).isEqualTo("0s");
    }
}
