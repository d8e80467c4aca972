package org.sitrep.ordering;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The latest watermark of each upstream task of one repartition, and the time up to which all of them have sent
 * everything: the minimum over every expected upstream task, or {@link Long#MIN_VALUE} until each has reported once.
 * How many upstream tasks to expect is the partition count of the upstream sub-topology's input (tasks are numbered by
 * partition, {@code 0..expected-1}); a task the count did not expect is counted too once heard (it can only make the
 * minimum lower). Tasks the reader has found silent (see {@link ReorderProcessor}) can be left out of the minimum.
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
        return low(Set.of());
    }

    /**
     * The minimum over the upstream tasks not in {@code leftOut}, or {@link Long#MIN_VALUE} while one of those
     * expected has not reported yet, or when all are left out.
     */
    public long low(Set<Integer> leftOut) {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int u = 0; u < expected; u++) {
            if (leftOut.contains(u)) {
                continue;
            }
            Long w = latest.get(u);
            if (w == null) {
                return Long.MIN_VALUE;
            }
            min = Math.min(min, w);
            any = true;
        }
        for (Map.Entry<Integer, Long> e : latest.entrySet()) {
            if (unexpected(e.getKey()) && !leftOut.contains(e.getKey())) {
                min = Math.min(min, e.getValue());
                any = true;
            }
        }
        return any ? min : Long.MIN_VALUE;
    }

    /** Every upstream task expected or heard. */
    public Set<Integer> tasks() {
        Set<Integer> out = new java.util.TreeSet<>(latest.keySet());
        for (int u = 0; u < expected; u++) {
            out.add(u);
        }
        return out;
    }

    /** True when {@code upstream} is a task the count did not expect. */
    public boolean unexpected(int upstream) {
        return upstream < 0 || upstream >= expected;
    }

    public Map<Integer, Long> latest() {
        return Map.copyOf(latest);
    }
}
