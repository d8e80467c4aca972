package org.sitrep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.App;
import picocli.CommandLine;

class IngestCommandTest {
    @Test
    void aBadConfigFailsWithItsReasonAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ingest.json");
        Files.writeString(f, "{\"feeds\": [\"https://example.org/feed\"], \"settings\": {\"no-such-setting\": \"1\"}}");
        StringWriter err = new StringWriter();
        CommandLine cli = App.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("ingest", "--config", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown setting 'no-such-setting' in the ingest config's settings")
            .doesNotContain("at org.");
    }

    @Test
    void isListedWithItsOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = App.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("ingest", "--help")).isZero();
        assertThat(out.toString()).contains("--config=FILE").contains("--once").contains("POST /articles");
    }
}
