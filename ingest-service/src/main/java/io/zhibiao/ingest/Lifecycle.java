package io.zhibiao.ingest;

import io.quarkus.runtime.ShutdownEvent;
import io.zhibiao.contracts.delivery.Backoff;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Knows when the service is stopping, so that waits for the database or the broker end in time. */
@ApplicationScoped
public class Lifecycle {
    private volatile boolean stopping;

    @ConfigProperty(name = "zhibiao.retry.attempts", defaultValue = "5")
    int attempts;

    @ConfigProperty(name = "zhibiao.retry.max-backoff-ms", defaultValue = "10000")
    long maxBackoffMillis;

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Transient failures waited out until the service stops; others retried {@code zhibiao.retry.attempts} times. */
    public Backoff backoff() {
        return new Backoff(attempts, Duration.ofMillis(100), Duration.ofMillis(maxBackoffMillis), this::stopping);
    }
}
