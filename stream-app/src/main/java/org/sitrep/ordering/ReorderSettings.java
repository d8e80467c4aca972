package org.sitrep.ordering;

import java.time.Duration;

/**
 * How an event-time reorder buffer behaves.
 *
 * @param grace      how far out of publication order a record may arrive and still be put in its place: an ingest
 *                   task promises its latest publication time less the grace, and a record is held until every
 *                   upstream task has promised past it ({@code 0} = no buffering, no watermarks)
 * @param flushAfter wall-clock time without any new record after which everything held is released (in order), so
 *                   the tail of a replay is not held forever, and without word from an upstream task after which it
 *                   is left out of the watermark; to keep replays deterministic it should be at least
 *                   {@code grace / speed} of the slowest replay (the default equals the grace: safe at any speed >= 1)
 */
public record ReorderSettings(Duration grace, Duration flushAfter) {
    public ReorderSettings {
        if (grace.isNegative() || flushAfter.isNegative() || flushAfter.isZero()) {
            throw new IllegalArgumentException("reorder grace must be >= 0 and flush-after > 0");
        }
    }
}
