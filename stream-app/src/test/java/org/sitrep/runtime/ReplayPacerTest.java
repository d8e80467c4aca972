package org.sitrep.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReplayPacerTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    private ReplayPacer pacer(double speed) {
        return new ReplayPacer(speed, clock::get, d -> {
            sleeps.add(d);
            clock.addAndGet(d.toNanos());
        });
    }

    @Test
    void speedSixtyPlaysOneHourOfFeedTimePerMinute() throws Exception {
        ReplayPacer p = pacer(60);
        Instant t0 = Instant.parse("2023-01-10T00:00:00Z");
        p.awaitTurn(t0);
        p.awaitTurn(t0.plus(Duration.ofHours(1)));
        p.awaitTurn(t0.plus(Duration.ofHours(1))); // same time: no wait
        p.awaitTurn(t0.plus(Duration.ofMinutes(90)));
        assertThat(sleeps).containsExactly(Duration.ofMinutes(1), Duration.ofSeconds(30));
    }

    @Test
    void timeSpentSendingCountsTowardsTheWait() throws Exception {
        ReplayPacer p = pacer(3600);
        Instant t0 = Instant.parse("2023-01-10T00:00:00Z");
        p.awaitTurn(t0);
        clock.addAndGet(Duration.ofMillis(400).toNanos()); // slow send
        p.awaitTurn(t0.plus(Duration.ofHours(1)));          // due 1 s after start
        clock.addAndGet(Duration.ofSeconds(5).toNanos());   // far behind: no wait, no drift
        p.awaitTurn(t0.plus(Duration.ofHours(2)));
        assertThat(sleeps).containsExactly(Duration.ofMillis(600));
    }

    @Test
    void speedZeroNeverWaits() throws Exception {
        ReplayPacer p = pacer(0);
        p.awaitTurn(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(p.awaitTurn(Instant.parse("2023-01-01T00:00:00Z"))).isZero();
        assertThat(p.paced()).isFalse();
        assertThat(sleeps).isEmpty();
    }
}
