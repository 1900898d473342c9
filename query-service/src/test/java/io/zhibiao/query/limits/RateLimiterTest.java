package io.zhibiao.query.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void aBurstIsAllowedThenTheRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(500_000_000L); // half a second: one token at 2 a second
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void idleClientsAreForgotten() {
        for (int i = 0; i < 10_050; i++) {
            limiter.acquire("client-" + i);
        }
        now.addAndGet(10_000_000_000L);
        limiter.acquire("late");
        assertThat(limiter.clients()).isLessThan(100);
    }

    @Test
    void aLimitMustMakeSense() {
        assertThatThrownBy(() -> new RateLimiter(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
