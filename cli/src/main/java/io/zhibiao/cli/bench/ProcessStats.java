package io.zhibiao.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operating system says about a process and its descendants (PostgreSQL's backends,
 * Elasticsearch's helpers): resident memory (RSS, and of it the anonymous part: RSS also counts the pages of
 * files a process maps, such as Elasticsearch's index files, which the kernel can drop), proportional set size (PSS: shared pages divided among
 * the processes that share them, so the sum over processes is what they really occupy) and CPU time.
 * Linux only ({@code /proc}); elsewhere every figure is 0.
 */
public final class ProcessStats {
    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on. */
    static final double TICKS = 100.0;

    /** One sample of a process tree. */
    /**
     * @param rssBytes     resident memory
     * @param anonBytes    of which anonymous (heap, stacks, malloc: what the process itself holds)
     * @param pssBytes     proportional set size
     */
    public record Sample(int processes, long rssBytes, long anonBytes, long pssBytes, double cpuSeconds) {
        public static final Sample NONE = new Sample(0, 0, 0, 0, 0);

        public Sample plus(Sample o) {
            return new Sample(processes + o.processes, rssBytes + o.rssBytes, anonBytes + o.anonBytes,
                    pssBytes + o.pssBytes, cpuSeconds + o.cpuSeconds);
        }
    }

    private ProcessStats() {
    }

    /** The process and all its descendants now. */
    public static Sample of(Optional<ProcessHandle> root) {
        if (root.isEmpty() || !root.get().isAlive()) {
            return Sample.NONE;
        }
        List<Long> pids = new ArrayList<>();
        pids.add(root.get().pid());
        root.get().descendants().forEach(h -> pids.add(h.pid()));
        Sample total = Sample.NONE;
        for (long pid : pids) {
            total = total.plus(one(pid));
        }
        return total;
    }

    public static Sample self() {
        return one(ProcessHandle.current().pid());
    }

    static Sample one(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            List<String> status = Files.readAllLines(proc.resolve("status"));
            long rss = kb(status, "VmRSS:");
            long anon = kb(status, "RssAnon:");
            long pss = 0;
            Path rollup = proc.resolve("smaps_rollup");
            if (Files.isReadable(rollup)) {
                pss = kb(Files.readAllLines(rollup), "Pss:");
            }
            return new Sample(1, rss * 1024, anon * 1024, pss * 1024, cpu(Files.readString(proc.resolve("stat"))));
        } catch (IOException | RuntimeException gone) {
            return Sample.NONE;
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line, in seconds (the command may hold spaces and parentheses). */
    static double cpu(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after the command: state is field 3, utime field 14 and stime field 15 of the whole line
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    private static long kb(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    /** The 1-minute load average, or -1 where there is none. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
