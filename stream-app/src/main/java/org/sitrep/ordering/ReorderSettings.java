package org.sitrep.ordering;

import java.time.Duration;

/**
 * How an event-time reorder buffer behaves.
 *
 * @param grace      how far out of publication order a record may arrive and still be put in its place: a record is
 *                   held until the task's stream time passes its timestamp plus the grace ({@code 0} = no buffering)
 * @param flushAfter wall-clock time without any new record after which everything held is released (in order), so
 *                   the tail of a replay is not held forever; to keep replays deterministic it should be at least
 *                   {@code grace / speed} of the slowest replay (the default equals the grace: safe at any speed >= 1)
 */
public record ReorderSettings(Duration grace, Duration flushAfter) {
    public ReorderSettings {
        if (grace.isNegative() || flushAfter.isNegative() || flushAfter.isZero()) {
            throw new IllegalArgumentException("reorder grace must be >= 0 and flush-after > 0");
        }
    }
}
