package io.zhibiao.contracts.delivery;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private final Backoff backoff = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(4), () -> false);

    @Test
    void aDatabaseOrBrokerAwayIsWaitedOutHoweverLongItTakes() {
        AtomicInteger calls = new AtomicInteger();
        String result = backoff.call(() -> {
            if (calls.incrementAndGet() < 10) {
                throw new IllegalStateException("ledger", new SQLException("Connection refused", "08001"));
            }
            return "done";
        }, e -> { });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(10);
    }

    @Test
    void aFailureThatIsTheRecordsFaultIsRetriedABoundedNumberOfTimes() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> backoff.call(() -> {
            calls.incrementAndGet();
            throw new NullPointerException("text");
        }, e -> { })).isInstanceOf(NullPointerException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void whatIsTransient() {
        assertThat(Transience.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(Transience.isTransient(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Transience.isTransient(new IllegalArgumentException("bad"))).isFalse();
        // Elasticsearch busy or recovering after a restart, versus a document it refuses
        assertThat(Transience.isTransient(new RuntimeException(new co.elastic.clients.testing.StatusException(503)))).isTrue();
        assertThat(Transience.isTransient(new co.elastic.clients.testing.StatusException(429))).isTrue();
        assertThat(Transience.isTransient(new co.elastic.clients.testing.StatusException(400))).isFalse();
    }

    @Test
    void stoppingEndsTheWait() {
        Backoff stopping = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(1), () -> true);
        assertThatThrownBy(() -> stopping.run(() -> {
            throw new IllegalStateException(new ConnectException("refused"));
        }, e -> { })).isInstanceOf(Backoff.Stopped.class);
    }
}
