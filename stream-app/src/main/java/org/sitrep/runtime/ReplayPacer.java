package org.sitrep.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Paces a replay at a speed factor of feed time: at speed 60 one hour of publication times passes in one minute of
 * wall-clock time. Each article waits until its offset from the first article's publication time, divided by the
 * speed, has elapsed since the replay started, so sleeps do not accumulate drift. Speed 0 (or less) means as fast as
 * possible.
 */
public final class ReplayPacer {
    /** Waits; a test can record the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final double speed;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long startNanos;
    private Instant feedStart;

    public ReplayPacer(double speed) {
        this(speed, System::nanoTime, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    public ReplayPacer(double speed, LongSupplier nanoTime, Sleeper sleeper) {
        if (Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number, got " + speed);
        }
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public boolean paced() {
        return speed > 0;
    }

    /** Blocks until the article published at {@code publishedAt} is due; returns how long it waited. */
    public Duration awaitTurn(Instant publishedAt) throws InterruptedException {
        if (!paced()) {
            return Duration.ZERO;
        }
        if (feedStart == null) {
            feedStart = publishedAt;
            startNanos = nanoTime.getAsLong();
            return Duration.ZERO;
        }
        long feedOffsetNanos = Duration.between(feedStart, publishedAt).toNanos();
        long dueNanos = startNanos + (long) (feedOffsetNanos / speed);
        long waitNanos = dueNanos - nanoTime.getAsLong();
        if (waitNanos <= 0) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofNanos(waitNanos);
        sleeper.sleep(wait);
        return wait;
    }
}
