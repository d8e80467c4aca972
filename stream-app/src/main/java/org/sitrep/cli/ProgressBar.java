package org.sitrep.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on a terminal, at most ten times a second:
 * {@code [##########..........]  50%  120/240 articles  feed time 2023-01-10 14:05Z}. Off when the stream is not a
 * terminal (logs and pipes get the final count only).
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final int total;
    private final boolean enabled;
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintStream out, int total, boolean enabled) {
        this.out = out;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    /** Whether standard error is an interactive terminal. */
    static boolean interactive() {
        return System.console() != null;
    }

    void update(int done, Instant feedTime) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && drawn && now - lastDrawNanos < 100_000_000L) {
            return;
        }
        lastDrawNanos = now;
        drawn = true;
        out.print('\r' + render(done, total, feedTime));
        out.flush();
    }

    void finish() {
        if (enabled && drawn) {
            out.println();
            out.flush();
        }
    }

    static String render(int done, int total, Instant feedTime) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
            + String.format("%3d%%  %d/%d articles", percent, done, total)
            + (feedTime == null ? "" : "  feed time " + TIME.format(feedTime));
    }
}
