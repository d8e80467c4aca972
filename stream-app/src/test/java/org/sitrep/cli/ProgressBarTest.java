package org.sitrep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void rendersFractionCountAndFeedTime() {
        assertThat(ProgressBar.render(120, 240, Instant.parse("2023-01-10T14:05:30Z")))
            .isEqualTo("[###############...............]  50%  120/240 articles  feed time 2023-01-10 14:05Z");
        assertThat(ProgressBar.render(3, 3, null)).isEqualTo("[##############################] 100%  3/3 articles");
    }

    @Test
    void drawsInPlaceOnlyWhenEnabled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, true);
        bar.update(1, null);
        bar.update(2, null);
        bar.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r[").contains("\r[").endsWith("2/2 articles" + System.lineSeparator());

        ByteArrayOutputStream none = new ByteArrayOutputStream();
        ProgressBar off = new ProgressBar(new PrintStream(none, true, StandardCharsets.UTF_8), 2, false);
        off.update(1, null);
        off.finish();
        assertThat(none.size()).isZero();
    }
}
