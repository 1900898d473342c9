package io.zhibiao.cli;

/** The command line's waits and stopwatches. */
public final class Clock {
    private Clock() {
    }

    /** Seconds since {@code nanoTime}, a value of {@link System#nanoTime()}. */
    public static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /** Sleeps; an interrupt ends the command (the flag is kept). */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
