package org.sitrep.ordering;

import java.util.Map;
import java.util.TreeMap;

/**
 * The latest watermark of each upstream task of one repartition, and the time up to which all of them have sent
 * everything: the minimum over every expected upstream task, or {@link Long#MIN_VALUE} until each has reported once.
 * How many upstream tasks to expect is the partition count of the upstream sub-topology's input; a task the count
 * did not expect is counted too once heard (it can only make the minimum lower), so too low a count is still safe
 * once every task has spoken, and too high a count holds records until the wall-clock fallback releases them.
 */
public final class UpstreamWatermarks {
    private final int expected;
    private final Map<Integer, Long> latest = new TreeMap<>();

    public UpstreamWatermarks(int expected) {
        if (expected < 1) {
            throw new IllegalArgumentException("expected upstream tasks must be >= 1: " + expected);
        }
        this.expected = expected;
    }

    public int expected() {
        return expected;
    }

    /** Records a watermark; returns true when it moved that task's watermark forward (they never go back). */
    public boolean advance(int upstream, long watermark) {
        Long before = latest.get(upstream);
        if (before != null && before >= watermark) {
            return false;
        }
        latest.put(upstream, watermark);
        return true;
    }

    /** The minimum over all upstream tasks, or {@link Long#MIN_VALUE} while one expected has not reported yet. */
    public long low() {
        if (latest.size() < expected) {
            return Long.MIN_VALUE;
        }
        long min = Long.MAX_VALUE;
        for (long w : latest.values()) {
            min = Math.min(min, w);
        }
        return min;
    }

    /** True when {@code upstream} is a task the count did not expect. */
    public boolean unexpected(int upstream) {
        return upstream < 0 || upstream >= expected;
    }

    public Map<Integer, Long> latest() {
        return Map.copyOf(latest);
    }
}
