package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ApiGuardTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void aReadTokenGuardsEverythingButTheHealthProbes() {
        ApiGuard guard = new ApiGuard("s3cret-token", 0, now::get);
        assertThat(guard.check("/incidents", "1.2.3.4", null, "/incidents", 0).status()).isEqualTo(401);
        assertThat(guard.check("/incidents", "1.2.3.4", "Bearer wrong", "/incidents", 0).status()).isEqualTo(401);
        assertThat(guard.check("/incidents", "1.2.3.4", "Basic s3cret-token", "/incidents", 0).status()).isEqualTo(401);
        assertThat(guard.check("/incidents", "1.2.3.4", "Bearer s3cret-token", "/incidents", 0).pass()).isTrue();
        assertThat(guard.check("/health/ready", "1.2.3.4", null, "/health/ready", 0).pass()).isTrue();
        assertThat(guard.forwardingToken()).isEqualTo("s3cret-token");
        assertThat(ApiGuard.OPEN.check("/incidents", "1.2.3.4", null, "/incidents", 0).pass()).isTrue();
        assertThat(ApiGuard.OPEN.forwardingToken()).isNull();
    }

    @Test
    void eachClientGetsABucketThatRefillsWithTime() {
        ApiGuard guard = new ApiGuard("", 5, now::get);
        int passed = 0;
        for (int i = 0; i < 30; i++) {
            if (guard.check("/incidents", "10.0.0.1", null, "/incidents", 0).pass()) {
                passed++;
            }
        }
        assertThat(passed).as("burst = twice the rate").isEqualTo(10);
        ApiGuard.Verdict refused = guard.check("/incidents", "10.0.0.1", null, "/incidents", 0);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(guard.check("/incidents", "10.0.0.2", null, "/incidents", 0).pass()).as("another client").isTrue();
        assertThat(guard.check("/health", "10.0.0.1", null, "/health", 0).pass()).as("probes are not limited").isTrue();
        now.addAndGet(1_000_000_000L);
        int afterOneSecond = 0;
        for (int i = 0; i < 30; i++) {
            if (guard.check("/incidents", "10.0.0.1", null, "/incidents", 0).pass()) {
                afterOneSecond++;
            }
        }
        assertThat(afterOneSecond).isEqualTo(5);
    }

    @Test
    void bodiesAndHugeRequestLinesAreRefused() {
        ApiGuard guard = ApiGuard.OPEN;
        assertThat(guard.check("/incidents", "c", null, "/incidents", 10).status()).isEqualTo(413);
        assertThat(guard.check("/incidents", "c", null, "/incidents?x=" + "a".repeat(9000), 0).status()).isEqualTo(414);
    }
}
