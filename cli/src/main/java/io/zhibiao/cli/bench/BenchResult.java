package io.zhibiao.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one benchmark run measured; written as JSON and as a Markdown section. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BenchResult {
    public String date;
    public String command;
    public String machine;
    public String java;
    public boolean quick;
    public long seed;
    /** 1-minute load average when each phase began (and at the end). */
    public Map<String, Double> loadAverage = new LinkedHashMap<>();
    public CorpusInfo corpus;
    public double stackStartSeconds;
    public Direct direct;
    public Pipeline pipeline;
    /** pipeline reports/s ÷ direct-load reports/s */
    public Double ratio;
    public Latency latency;
    public QueryLoad queries;
    /** The same query mix from one client (no queueing): the cost of a query by itself. */
    public QueryLoad singleClient;
    public Memory memory;
    /** CPU seconds of each process during the direct load, the latency run (the pipeline's and queries' are with them). */
    public Map<String, Map<String, Double>> phaseCpuSeconds = new LinkedHashMap<>();
    /** Seconds Elasticsearch spent merging segments during the pipeline run and the latency run. */
    public Map<String, Double> elasticsearchMergeSeconds = new LinkedHashMap<>();
    public double seconds;
    public List<String> problems = new ArrayList<>();

    public record CorpusInfo(int reports, long bytes, long passages, long facts, double generationSeconds,
                             int latencyReports) {
    }

    public record Direct(double prepareSeconds, double seconds, long reports, long passages, long facts, long bulkBytes,
                         int requests, int threads, double reportsPerSecond, double documentsPerSecond,
                         double bulkMegabytesPerSecond) {
    }

    /**
     * @param publishSeconds  until every report was acknowledged by Kafka
     * @param seconds         from the first publish until every report, passage and fact was visible to search
     * @param inputMegabytesPerSecond the raw input (reports.raw record values) per second
     * @param stages          per stage: when it had done all, its mean and peak rate, the largest backlog before it
     * @param cpuSeconds      CPU seconds each process spent during the phase
     */
    public record Pipeline(int reports, double publishSeconds, double seconds, double reportsPerSecond,
                           double inputMegabytesPerSecond, double documentsPerSecond, List<StageRate> stages,
                           Map<String, Double> cpuSeconds, double cpuUtilisation, Map<String, Long> ledger) {
    }

    public record StageRate(String stage, Double doneAfterSeconds, double meanPerSecond, double peak10sPerSecond,
                            double maxBacklog) {
    }

    /**
     * Publish → searchable at a steady rate; see docs/PERFORMANCE.md for the definitions.
     *
     * @param warmupSeconds       the first seconds of the run, not counted in {@code steady}
     * @param steady              searchable latency of the reports sent after the warm-up
     * @param searchable          searchable latency of all reports, warm-up included
     * @param searchableBySending the searchable latency of the reports sent in each 10 s of the run
     */
    public record Latency(double perSecond, int reports, double warmupSeconds, Latencies.Summary steady,
                          Latencies.Summary searchable, Latencies.Summary complete, int timedOut,
                          Map<String, Latencies.Summary> searchableBySending) {
    }

    public record QueryLoad(int clients, double warmupSeconds, double seconds, long requests, long errors, double qps,
                            Latencies.Summary all, Map<String, Latencies.Summary> byType, Map<String, Long> errorsByType,
                            Map<String, Double> cpuSeconds) {
    }

    /** Per process: RSS and PSS at the end and the largest RSS seen; totals. */
    /** Totals over the stack's processes (not the benchmark's own JVM). */
    public record Memory(Map<String, ProcessMemory> processes, double totalRssMb, double totalAnonMb, double totalPssMb,
                         double peakTotalRssMb) {
    }

    /** @param anonMb the anonymous part of the RSS (without mapped files such as the index) */
    public record ProcessMemory(int processes, double rssMb, double anonMb, double pssMb, double peakRssMb) {
    }

    // ------------------------------------------------------------------ Markdown

    static String mb(double v) {
        return String.format(Locale.ROOT, "%,.0f MB", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A section for docs/PERFORMANCE.md. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(date).append(": N = ").append(String.format(Locale.ROOT, "%,d", corpus.reports()))
                .append(quick ? " (quick)" : "").append("\n\n");
        md.append("`").append(command).append("` on ").append(machine).append(", ").append(java)
                .append("; load average at the start of each phase: ");
        List<String> la = new ArrayList<>();
        loadAverage.forEach((k, v) -> la.add(k + " " + f2(v)));
        md.append(String.join(", ", la)).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Corpus: %,d reports (%.1f MB), %,d passages, %,d facts; generated in %.0f s; stack started in %.0f s.%n%n",
                corpus.reports(), corpus.bytes() / 1e6, corpus.passages(), corpus.facts(), corpus.generationSeconds(),
                stackStartSeconds));
        md.append("| what | measured |\n|---|---|\n");
        if (pipeline != null) {
            md.append(String.format(Locale.ROOT, "| pipeline: %,d reports published → all indexed | %.1f s: **%.2f reports/s**, %.2f MB/s of input, %,.0f documents/s (published in %.1f s) |%n",
                    pipeline.reports(), pipeline.seconds(), pipeline.reportsPerSecond(), pipeline.inputMegabytesPerSecond(),
                    pipeline.documentsPerSecond(), pipeline.publishSeconds()));
        }
        if (direct != null) {
            md.append(String.format(Locale.ROOT, "| direct bulk load of the same documents (%d threads, %d requests, %.0f MB) | %.1f s: **%.2f reports/s**, %,.0f documents/s, %.1f MB/s |%n",
                    direct.threads(), direct.requests(), direct.bulkBytes() / 1e6, direct.seconds(), direct.reportsPerSecond(),
                    direct.documentsPerSecond(), direct.bulkMegabytesPerSecond()));
        }
        if (ratio != null) {
            md.append(String.format(Locale.ROOT, "| **ratio pipeline ÷ direct** | **%.2f** (target ≥ 0.5) |%n", ratio));
        }
        if (latency != null) {
            md.append(String.format(Locale.ROOT, "| publish → searchable at %.0f reports/s, steady state (the %d reports after the first %.0f s) | %s |%n",
                    latency.perSecond(), latency.steady().count(), latency.warmupSeconds(),
                    bold(latency.steady().line(), " (target p95 < 2 s)")));
            md.append(String.format(Locale.ROOT, "| publish → searchable, all %d reports (first %.0f s included) | %s |%n",
                    latency.reports(), latency.warmupSeconds(), latency.searchable().line()));
            List<String> windows = new ArrayList<>();
            latency.searchableBySending().forEach((w, s) -> windows.add(w + ": " + String.format(Locale.ROOT, "%.1f / %.1f s",
                    s.p50() / 1000, s.p95() / 1000)));
            md.append("| … p50 / p95 by when sent | ").append(String.join("; ", windows)).append(" |\n");
            md.append(String.format(Locale.ROOT, "| publish → report, passages and facts all visible | %s |%n",
                    latency.complete().line()));
        }
        if (queries != null) {
            md.append(String.format(Locale.ROOT, "| query load: %d clients, %.0f s (after %.0f s warm-up) | **%.0f queries/s**, %s, %d errors (target p99 < 50 ms) |%n",
                    queries.clients(), queries.seconds(), queries.warmupSeconds(), queries.qps(), queries.all().line(),
                    queries.errors()));
            queries.byType().forEach((type, s) -> md.append(String.format(Locale.ROOT, "| … %s | %s |%n", type, s.line())));
        }
        if (singleClient != null) {
            md.append(String.format(Locale.ROOT, "| the same mix from 1 client, %.0f s | %.0f queries/s, %s |%n",
                    singleClient.seconds(), singleClient.qps(), singleClient.all().line()));
            singleClient.byType().forEach((type, s) -> md.append(String.format(Locale.ROOT, "| … %s, 1 client | %s |%n", type, s.line())));
        }
        if (memory != null) {
            md.append(String.format(Locale.ROOT, "| **whole stack RSS** at the end (of it anonymous; sum of PSS; largest RSS sum seen) | **%s** (%s; %s; %s) (target < 4 GB) |%n",
                    mb(memory.totalRssMb()), mb(memory.totalAnonMb()), mb(memory.totalPssMb()), mb(memory.peakTotalRssMb())));
        }
        md.append('\n');
        if (pipeline != null) {
            md.append("Pipeline stages (from the services' counters, sampled every second):\n\n");
            md.append("| stage | all done after | mean rate | peak rate (10 s) | largest backlog before it |\n|---|---|---|---|---|\n");
            for (StageRate s : pipeline.stages()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f/s | %.2f/s | %.0f |%n", s.stage(),
                        s.doneAfterSeconds() == null ? "–" : f1(s.doneAfterSeconds()) + " s", s.meanPerSecond(),
                        s.peak10sPerSecond(), s.maxBacklog()));
            }
            md.append("\nCPU seconds during the pipeline run (").append(String.format(Locale.ROOT, "%.0f %%", pipeline.cpuUtilisation() * 100))
                    .append(" of both cores): ");
            List<String> cpu = new ArrayList<>();
            pipeline.cpuSeconds().forEach((k, v) -> cpu.add(k + " " + f1(v)));
            md.append(String.join(", ", cpu)).append(".\n\n");
        }
        phaseCpuSeconds.forEach((phase, cpu) -> {
            List<String> parts = new ArrayList<>();
            cpu.forEach((k, v) -> parts.add(k + " " + f1(v)));
            md.append("CPU seconds during the ").append(phase).append(": ").append(String.join(", ", parts)).append(".\n\n");
        });
        if (!elasticsearchMergeSeconds.isEmpty()) {
            List<String> parts = new ArrayList<>();
            elasticsearchMergeSeconds.forEach((k, v) -> parts.add(k + " " + f1(v)));
            md.append("Seconds Elasticsearch spent merging segments (summed over its merge threads) during the ")
                    .append(String.join(", ", parts)).append(".\n\n");
        }
        if (queries != null && queries.cpuSeconds() != null) {
            List<String> parts = new ArrayList<>();
            queries.cpuSeconds().forEach((k, v) -> parts.add(k + " " + f1(v)));
            md.append("CPU seconds during the query load (warm-up included): ").append(String.join(", ", parts)).append(".\n\n");
        }
        if (memory != null) {
            md.append("| process | RSS at the end | of it anonymous | PSS | largest RSS |\n|---|---|---|---|---|\n");
            memory.processes().forEach((name, m) -> md.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %s | %s |%n", name,
                    m.processes() > 1 ? " (" + m.processes() + " processes)" : "", mb(m.rssMb()), mb(m.anonMb()),
                    mb(m.pssMb()), mb(m.peakRssMb()))));
            md.append('\n');
        }
        if (!problems.isEmpty()) {
            md.append("Problems: ").append(String.join("; ", problems)).append("\n\n");
        }
        return md.toString();
    }

    private static String bold(String s, String suffix) {
        return "**" + s + "**" + suffix;
    }
}
