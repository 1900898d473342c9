package io.zhibiao.contracts.delivery;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work until it succeeds: transient failures ({@link Transience}) are retried with capped
 * exponential backoff for as long as they last (until the service stops); any other failure is
 * retried up to {@code attempts} times and then rethrown, for the caller to dead-letter.
 */
public final class Backoff {
    private final int attempts;
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final BooleanSupplier stopping;

    public Backoff(int attempts, Duration firstDelay, Duration maxDelay, BooleanSupplier stopping) {
        this.attempts = Math.max(1, attempts);
        this.firstDelayMillis = Math.max(1, firstDelay.toMillis());
        this.maxDelayMillis = Math.max(firstDelayMillis, maxDelay.toMillis());
        this.stopping = stopping;
    }

    public <T> T call(Supplier<T> work, Consumer<RuntimeException> onRetry) {
        int failures = 0;
        long delay = firstDelayMillis;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                boolean waitOut = Transience.isTransient(e);
                if (!waitOut) {
                    failures++;
                }
                if (stopping.getAsBoolean()) {
                    throw new Stopped(e);
                }
                if (failures >= attempts) {
                    throw e;
                }
                onRetry.accept(e);
                sleep(delay);
                delay = Math.min(maxDelayMillis, delay * 2);
            }
        }
    }

    public void run(Runnable work, Consumer<RuntimeException> onRetry) {
        call(() -> {
            work.run();
            return null;
        }, onRetry);
    }

    /**
     * The service is stopping while the work still fails. The record it was for must be left
     * unacknowledged (neither committed nor dead-lettered): it is delivered again after the restart.
     */
    public static final class Stopped extends RuntimeException {
        public Stopped(Throwable cause) {
            super("stopping while retrying: " + cause, cause);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(e);
        }
    }
}
