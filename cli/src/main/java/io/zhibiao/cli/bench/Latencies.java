package io.zhibiao.cli.bench;

import java.util.Arrays;

/** Latencies in milliseconds, recorded from any thread; percentiles by nearest rank. */
public final class Latencies {
    private double[] values = new double[1024];
    private int size;

    public synchronized void add(double millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public synchronized int count() {
        return size;
    }

    /** The summary: count, mean, p50, p95, p99, max (milliseconds). */
    public synchronized Summary summary() {
        if (size == 0) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Summary(size, round(sum / size), round(rank(sorted, 50)), round(rank(sorted, 95)),
                round(rank(sorted, 99)), round(sorted[size - 1]));
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    static double rank(double[] sorted, double p) {
        int k = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public record Summary(int count, double mean, double p50, double p95, double p99, double max) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n = %d)",
                    p50, p95, p99, max, count);
        }
    }
}
