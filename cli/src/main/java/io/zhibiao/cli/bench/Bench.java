package io.zhibiao.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.cli.faults.LoadPublisher;
import io.zhibiao.cli.faults.PipelineProbe;
import io.zhibiao.cli.load.BaseReport;
import io.zhibiao.cli.load.Corpus;
import io.zhibiao.cli.load.CorpusGenerator;
import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.ServiceProcess;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.StackLayout;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.zhibiao.cli.Clock.secondsSince;
import static io.zhibiao.cli.Clock.sleep;

/**
 * The benchmark: on a stack of its own (real Kafka, Elasticsearch, PostgreSQL and the four packaged
 * services on free ports, query-service without its rate limit), in one run on one machine —
 * the direct bulk load of the corpus' documents into Elasticsearch (the limit), the pipeline's
 * end-to-end throughput on the same corpus, publish→searchable latency at a steady rate, a query load,
 * and the memory of every process.
 */
public final class Bench {

    /**
     * @param count          reports for the throughput run (and in the index for the query load)
     * @param seed           the generator's seed
     * @param quick          a short run that only proves the harness works (./mvnw verify)
     * @param dataDir        the stack's directory (emptied first)
     * @param latencyRate    reports per second for the latency run
     * @param latencyWarmupSeconds the latency run's first seconds, published at the same rate but not counted in
     *                       its steady-state figures (the pipeline, the JIT and Elasticsearch's merges settling)
     * @param latencySeconds how long the latency run publishes after its warm-up
     * @param clients        concurrent query clients
     * @param warmupSeconds  query load not counted, first
     * @param querySeconds   query load counted
     * @param directThreads  bulk requests in flight in the direct load
     * @param serviceJavaOpts extra JVM options of the services (null: none)
     * @param skip           phases left out: direct, latency, queries (for quicker runs while tuning one part)
     * @param keep           leave the stack running at the end (to look at it; stop it with LocalStack.wipe of the directory)
     * @param command        the command line that reproduces the run
     */
    public record Config(int count, long seed, boolean quick, Path dataDir, double latencyRate, int latencyWarmupSeconds,
                         int latencySeconds,
                         int clients, int warmupSeconds, int querySeconds, int directThreads, String serviceJavaOpts,
                         boolean keep, java.util.Set<String> skip, String command) {
        public boolean runs(String phase) {
            return !skip.contains(phase);
        }
    }

    private final Config config;
    private final StackLayout layout;
    private final PrintStream log;

    public Bench(Config config, StackLayout layout, PrintStream log) {
        this.config = config;
        this.layout = layout;
        this.log = log;
    }

    public BenchResult run() {
        BenchResult res = new BenchResult();
        long t0 = System.nanoTime();
        res.date = LocalDate.now().toString();
        res.command = config.command();
        res.quick = config.quick();
        res.seed = config.seed();
        res.machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(totalMemoryGb()) + " GB";
        res.java = "Java " + System.getProperty("java.version") + " (services and bench)";
        load(res, "generate");

        int latencyCount = (int) Math.round(config.latencyRate() * (config.latencyWarmupSeconds() + config.latencySeconds()));
        log("generating %d + %d reports (seed %d) ...", config.count(), latencyCount, config.seed());
        long tg = System.nanoTime();
        CorpusGenerator generator = CorpusGenerator.fromSamples(layout.samples());
        Corpus all = generator.generate(config.count() + latencyCount, config.seed());
        Corpus corpus = all.slice(0, config.count());
        Corpus latencyCorpus = all.slice(config.count(), all.size());
        long passages = corpus.passageIds().size();
        long facts = corpus.facts().size();
        res.corpus = new BenchResult.CorpusInfo(corpus.size(), corpus.chars(), passages, facts, secondsSince(tg), latencyCount);
        log("  %d reports (%.1f MB), %d passages, %d facts (%.0f s)", corpus.size(), corpus.chars() / 1e6, passages, facts,
                res.corpus.generationSeconds());

        LocalStack.wipe(config.dataDir());
        DirectLoad.Prepared prepared = null;
        if (config.runs("direct")) {
            log("preparing the direct load's bulk requests (in-process ingest → segment → extract → index documents) ...");
            prepared = DirectLoad.prepare(corpus, config.dataDir().resolve("direct"));
            log("  %d requests, %.0f MB (%.0f s)", prepared.files().size(), prepared.bytes() / 1e6, prepared.seconds());
        }

        LocalStack stack = new LocalStack(StackConfig.forTests(layout, config.dataDir()));
        // the load test asks far more often than one client may: the per-client limit is off
        stack.query().putEnvironment("ZHIBIAO_QUERY_RATE_LIMIT_PER_SECOND", "0");
        if (config.serviceJavaOpts() != null && !config.serviceJavaOpts().isBlank()) {
            for (ServiceProcess s : stack.services()) {
                s.putEnvironment(ServiceProcess.JAVA_OPTS, config.serviceJavaOpts());
            }
        }
        Thread hook = new Thread(stack::down, "bench-stack-down");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            load(res, "stack start");
            long ts = System.nanoTime();
            log("starting Kafka, Elasticsearch, PostgreSQL and the four services in %s ...", config.dataDir());
            stack.up();
            res.stackStartSeconds = secondsSince(ts);
            log("  stack up in %.0f s", res.stackStartSeconds);
            runPhases(res, stack, prepared, corpus, latencyCorpus, generator.bases());
        } catch (RuntimeException e) {
            res.problems.add("the run broke off: " + e);
            log("the run broke off: %s", e);
            e.printStackTrace(log);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            if (config.keep()) {
                log("the bench stack keeps running: Elasticsearch %s, query-service %s; stop it with"
                        + " ZHIBIAO_DATA_DIR=%s ./zhibiao down", stack.config().elasticsearchUrl(), stack.query().url(),
                        config.dataDir());
            } else {
                log("stopping the bench stack (logs in %s) ...", stack.config().logs());
                stack.down();
            }
        }
        load(res, "end");
        res.seconds = secondsSince(t0);
        return res;
    }

    private void runPhases(BenchResult res, LocalStack stack, DirectLoad.Prepared prepared, Corpus corpus,
                           Corpus latencyCorpus, List<BaseReport> bases) {
        StackConfig sc = stack.config();
        ElasticHttp es = new ElasticHttp(sc.elasticsearchUrl());
        Map<String, String> metricsUrls = Map.of("ingest-service", stack.ingest().url(), "nlp-service", stack.nlp().url(),
                "index-service", stack.index().url());
        List<Component> components = stack.components();
        try (LoadPublisher publisher = new LoadPublisher(sc.kafkaBootstrap());
             StageSampler sampler = new StageSampler(metricsUrls, components,
                     Map.of("published", () -> (double) publisher.published()), System.nanoTime())) {

            // 1. the limit: the same documents bulk-loaded straight into Elasticsearch
            if (config.runs("direct")) {
            load(res, "direct load");
            log("direct load: %d reports, %d passages, %d facts into %s* with %d bulk requests in flight ...",
                    prepared.reports(), prepared.passages(), prepared.facts(), DirectLoad.PREFIX, config.directThreads());
            DirectLoad.createIndices(es);
            StageSampler.Sample directStart = sampler.sample();
            DirectLoad.Result d = DirectLoad.load(es, prepared, config.directThreads());
            res.phaseCpuSeconds.put("direct load", cpu(directStart, sampler.sample()));
            DirectLoad.deleteIndices(es);
            long docs = d.reports() + d.passages() + d.facts();
            res.direct = new BenchResult.Direct(prepared.seconds(), round(d.seconds()), d.reports(), d.passages(), d.facts(),
                    d.bytes(), d.requests(), d.threads(), round(d.reportsPerSecond()), round(docs / d.seconds()),
                    round(d.bytes() / 1e6 / d.seconds()));
            log("  %.1f s: %.1f reports/s, %.0f documents/s, %.1f MB/s; CPU seconds %s", d.seconds(), d.reportsPerSecond(),
                    docs / d.seconds(), d.bytes() / 1e6 / d.seconds(), res.phaseCpuSeconds.get("direct load"));
            }

            // 2. the pipeline on the same corpus
            load(res, "pipeline");
            double pipelineMerges = mergeSeconds(es);
            res.pipeline = pipeline(stack, es, publisher, sampler, corpus);
            res.elasticsearchMergeSeconds.put("pipeline", round(mergeSeconds(es) - pipelineMerges));
            if (res.direct != null) {
                res.ratio = round(res.pipeline.reportsPerSecond() / res.direct.reportsPerSecond());
                log("  ratio pipeline ÷ direct = %.2f", res.ratio);
            }

            // 3. publish → searchable at a steady rate, once the pipeline is idle and Elasticsearch has merged
            //    what the throughput run wrote (a steady state, not the aftermath of the burst)
            if (config.runs("latency")) {
            settle(es, 120);
            load(res, "latency");
            log("latency: %d reports at %.0f/s (the first %d s not counted in the steady state), publish → searchable ...",
                    latencyCorpus.size(), config.latencyRate(), config.latencyWarmupSeconds());
            StageSampler.Sample latencyStart = sampler.sample();
            double merges = mergeSeconds(es);
            res.latency = LatencyRun.run(latencyCorpus, publisher, es, config.latencyRate(), config.latencyWarmupSeconds(),
                    120_000);
            res.phaseCpuSeconds.put("latency", cpu(latencyStart, sampler.sample()));
            res.elasticsearchMergeSeconds.put("latency", round(mergeSeconds(es) - merges));
            log("  Elasticsearch merging: %.1f s", res.elasticsearchMergeSeconds.get("latency"));
            log("  CPU seconds: %s", res.phaseCpuSeconds.get("latency"));
            log("  searchable, steady state: %s", res.latency.steady().line());
            log("  searchable: %s", res.latency.searchable().line());
            log("  complete:   %s", res.latency.complete().line());
            res.latency.searchableBySending().forEach((w, l) -> log("    sent at %-9s searchable %s", w, l.line()));
            if (res.latency.timedOut() > 0) {
                res.problems.add(res.latency.timedOut() + " reports of the latency run not complete within the wait");
            }
            }

            // 4. the query load over the index
            if (config.runs("queries")) {
            sleep(2000);
            load(res, "queries");
            log("query load: %d clients, %d s warm-up, %d s measured, on %s ...", config.clients(), config.warmupSeconds(),
                    config.querySeconds(), stack.query().url());
            QueryLoad q = new QueryLoad(stack.query().url(), bases.stream().map(BaseReport::text).toList());
            StageSampler.Sample before = sampler.sample();
            BenchResult.QueryLoad ql = q.run(config.clients(), config.warmupSeconds(), config.querySeconds(), config.seed());
            StageSampler.Sample after = sampler.sample();
            res.queries = new BenchResult.QueryLoad(ql.clients(), ql.warmupSeconds(), ql.seconds(), ql.requests(),
                    ql.errors(), round(ql.qps()), ql.all(), ql.byType(), ql.errorsByType(), cpu(before, after));
            log("  %.0f queries/s, %s, %d errors; CPU seconds %s", ql.qps(), ql.all().line(), ql.errors(),
                    res.queries.cpuSeconds());
            ql.byType().forEach((t, s) -> log("    %-10s %s", t, s.line()));
            if (ql.errors() > 0) {
                res.problems.add(ql.errors() + " queries answered with an error: " + ql.errorsByType());
            }
            // the same mix from one client: what a query costs when it does not queue behind 19 others
            int single = Math.max(5, config.querySeconds() / 3);
            log("query load: 1 client, %d s ...", single);
            res.singleClient = q.run(1, 1, single, config.seed() + 1);
            log("  %.0f queries/s, %s", res.singleClient.qps(), res.singleClient.all().line());
            res.singleClient.byType().forEach((t, s1) -> log("    %-10s %s", t, s1.line()));
            }

            // 5. memory of every process
            res.memory = memory(sampler);
            log("memory: whole stack RSS %.0f MB (anonymous %.0f MB, PSS %.0f MB, largest RSS sum %.0f MB)",
                    res.memory.totalRssMb(), res.memory.totalAnonMb(), res.memory.totalPssMb(), res.memory.peakTotalRssMb());
            res.memory.processes().forEach((name, m) -> log("    %-18s RSS %5.0f MB  anonymous %5.0f MB  PSS %5.0f MB  peak RSS %5.0f MB",
                    name, m.rssMb(), m.anonMb(), m.pssMb(), m.peakRssMb()));
        }
    }

    private BenchResult.Pipeline pipeline(LocalStack stack, ElasticHttp es, LoadPublisher publisher, StageSampler sampler,
                                          Corpus corpus) {
        long reports = corpus.size();
        long passages = corpus.passageIds().size();
        long facts = corpus.facts().size();
        log("pipeline: publishing %d reports (%.1f MB) to reports.raw as fast as Kafka takes them (sends pipelined),"
                + " until all are indexed ...",
                reports, corpus.chars() / 1e6);
        List<LoadPublisher.Item> items = LoadPublisher.Item.of(corpus.reports());
        StageSampler.Sample first = sampler.sample();
        long ts = System.nanoTime();
        double[] publishSeconds = {Double.NaN};
        int base = publisher.published();
        Thread pub = new Thread(() -> {
            publisher.publishAll(items);
            publishSeconds[0] = secondsSince(ts);
        }, "bench-publisher");
        pub.setDaemon(true);
        pub.start();
        long timeout = TimeUnit.SECONDS.toNanos(Math.max(600, reports));
        long lastLog = ts;
        long r = 0;
        long p = 0;
        long f = 0;
        while (System.nanoTime() - ts < timeout) {
            r = es.count("reports");
            p = es.count("passages");
            f = es.count("facts");
            if (r >= reports && p >= passages && f >= facts) {
                break;
            }
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                lastLog = System.nanoTime();
                log("  %4.0f s: published %d, indexed %d reports, %d passages, %d facts", secondsSince(ts),
                        publisher.published() - base, r, p, f);
            }
            sleep(250);
        }
        double seconds = secondsSince(ts);
        StageSampler.Sample last = sampler.sample();
        if (r < reports || p < passages || f < facts) {
            throw new IllegalStateException("the pipeline did not index everything within " + TimeUnit.NANOSECONDS.toSeconds(timeout)
                    + " s: " + r + "/" + reports + " reports, " + p + "/" + passages + " passages, " + f + "/" + facts + " facts");
        }
        try {
            pub.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log("  all indexed after %.1f s (published in %.1f s): %.2f reports/s", seconds, publishSeconds[0], reports / seconds);
        List<StageSampler.Sample> window = new ArrayList<>();
        window.add(first);
        for (StageSampler.Sample s : sampler.samples()) {
            if (s.at() > first.at() && s.at() < last.at()) {
                window.add(s);
            }
        }
        window.add(last);
        List<BenchResult.StageRate> stages = stageRates(window, reports);
        stages.forEach(s -> log("    %-12s done after %s s, mean %.2f/s, peak %.2f/s, largest backlog %.0f", s.stage(),
                s.doneAfterSeconds(), s.meanPerSecond(), s.peak10sPerSecond(), s.maxBacklog()));
        Map<String, Double> cpu = cpu(first, last);
        double cpuTotal = cpu.entrySet().stream().filter(e -> !e.getKey().startsWith("bench"))
                .mapToDouble(Map.Entry::getValue).sum();
        log("    CPU seconds: %s", cpu);
        Map<String, Long> ledger = new LinkedHashMap<>();
        try {
            PipelineProbe probe = new PipelineProbe(stack.ingest().url(), stack.config().elasticsearchUrl(),
                    stack.config().kafkaBootstrap());
            for (int i = 0; i < 60; i++) {
                PipelineProbe.Ledger l = probe.ledger();
                if (l.count("indexed") >= reports || i == 59) {
                    ledger.putAll(l.byStatus());
                    break;
                }
                sleep(1000);
            }
        } catch (RuntimeException e) {
            log("  could not read the ledger: %s", e);
        }
        return new BenchResult.Pipeline((int) reports, round(publishSeconds[0]), round(seconds), round(reports / seconds),
                round(corpus.chars() / 1e6 / seconds), round((reports + passages + facts) / seconds), stages, cpu,
                round(cpuTotal / (seconds * Runtime.getRuntime().availableProcessors())), ledger);
    }

    /** Per stage: when it had done all, its mean rate since the first publish, its best 10 s, the backlog before it. */
    static List<BenchResult.StageRate> stageRates(List<StageSampler.Sample> window, long total) {
        List<BenchResult.StageRate> out = new ArrayList<>();
        StageSampler.Sample first = window.get(0);
        double t0 = first.at();
        List<String> names = new ArrayList<>(first.counts().keySet());
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            double base = nz(first.counts().get(name));
            Double done = null;
            double peak = 0;
            double backlog = 0;
            for (int i = 0; i < window.size(); i++) {
                StageSampler.Sample s = window.get(i);
                if (!s.counts().containsKey(name)) {
                    continue;
                }
                double c = nz(s.counts().get(name)) - base;
                if (done == null && c >= total) {
                    done = round(s.at() - t0);
                }
                for (int j = i + 1; j < window.size(); j++) {
                    if (window.get(j).counts().containsKey(name) && window.get(j).at() - s.at() >= 10) {
                        double dc = nz(window.get(j).counts().get(name)) - nz(s.counts().get(name));
                        peak = Math.max(peak, dc / (window.get(j).at() - s.at()));
                        break;
                    }
                }
                if (k > 0) {
                    String prev = names.get(k - 1);
                    // index facts follows extract, index text follows segment
                    if (name.equals("index text")) {
                        prev = "segment";
                    }
                    if (s.counts().containsKey(prev)) {
                        double before = nz(s.counts().get(prev)) - nz(first.counts().get(prev));
                        backlog = Math.max(backlog, before - c);
                    }
                }
            }
            double elapsed = window.get(window.size() - 1).at() - t0;
            double mean = done != null ? total / Math.max(0.001, done) : (nz(window.get(window.size() - 1).counts().get(name)) - base) / elapsed;
            out.add(new BenchResult.StageRate(name, done, round(mean), round(peak), backlog));
        }
        return out;
    }

    /** Waits (at most {@code seconds}) until Elasticsearch runs no merge, three checks in a row a second apart. */
    /** Seconds Elasticsearch has spent merging segments since it started (summed over merge threads). */
    private static double mergeSeconds(ElasticHttp es) {
        return merges(es).path("total_time_in_millis").asLong() / 1000.0;
    }

    /** The node's merge statistics (this stack has one node). */
    private static JsonNode merges(ElasticHttp es) {
        return es.get("/_nodes/stats/indices/merge").path("nodes").elements().next().path("indices").path("merges");
    }

    private void settle(ElasticHttp es, int seconds) {
        long t = System.nanoTime();
        int quiet = 0;
        while (quiet < 3 && secondsSince(t) < seconds) {
            long merging = merges(es).path("current").asLong();
            quiet = merging == 0 ? quiet + 1 : 0;
            sleep(1000);
        }
        log("  Elasticsearch settled (no merges running) after %.0f s", secondsSince(t));
    }

    private static Map<String, Double> cpu(StageSampler.Sample a, StageSampler.Sample b) {
        Map<String, Double> out = new LinkedHashMap<>();
        b.processes().forEach((name, s) -> {
            ProcessStats.Sample before = a.processes().getOrDefault(name, ProcessStats.Sample.NONE);
            out.put(name, round(s.cpuSeconds() - before.cpuSeconds()));
        });
        return out;
    }

    private static BenchResult.Memory memory(StageSampler sampler) {
        StageSampler.Sample now = sampler.sample();
        Map<String, Double> peak = new LinkedHashMap<>();
        double peakTotal = 0;
        for (StageSampler.Sample s : sampler.samples()) {
            double total = 0;
            for (var e : s.processes().entrySet()) {
                peak.merge(e.getKey(), e.getValue().rssBytes() / 1e6, Math::max);
                if (!e.getKey().startsWith("bench")) {
                    total += e.getValue().rssBytes() / 1e6;
                }
            }
            peakTotal = Math.max(peakTotal, total);
        }
        Map<String, BenchResult.ProcessMemory> procs = new LinkedHashMap<>();
        double rss = 0;
        double anon = 0;
        double pss = 0;
        for (var e : now.processes().entrySet()) {
            ProcessStats.Sample s = e.getValue();
            procs.put(e.getKey(), new BenchResult.ProcessMemory(s.processes(), round(s.rssBytes() / 1e6),
                    round(s.anonBytes() / 1e6), round(s.pssBytes() / 1e6),
                    round(Math.max(peak.getOrDefault(e.getKey(), 0.0), s.rssBytes() / 1e6))));
            if (!e.getKey().startsWith("bench")) {
                rss += s.rssBytes() / 1e6;
                anon += s.anonBytes() / 1e6;
                pss += s.pssBytes() / 1e6;
            }
        }
        return new BenchResult.Memory(procs, round(rss), round(anon), round(pss), round(Math.max(peakTotal, rss)));
    }

    private static double nz(Double d) {
        return d == null || d.isNaN() ? 0 : d;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void load(BenchResult res, String phase) {
        res.loadAverage.put(phase, ProcessStats.loadAverage());
    }

    private void log(String format, Object... args) {
        log.println(String.format(Locale.ROOT, format, args));
        log.flush();
    }

    private static double totalMemoryGb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().maxMemory() / 1e9;
    }
}
