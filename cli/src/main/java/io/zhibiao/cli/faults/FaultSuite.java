package io.zhibiao.cli.faults;

import io.zhibiao.cli.Clock;
import io.zhibiao.cli.load.Corpus;
import io.zhibiao.cli.load.CorpusGenerator;
import io.zhibiao.cli.load.GeneratedReport;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.StackLayout;
import io.zhibiao.stack.Topology;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The fault-injection suite: a generated load published to reports.raw, and during it one fault at a
 * time (kill -9 of a service, Elasticsearch away, Kafka or PostgreSQL restarted) on a stack of real
 * processes. After each fault has been recovered from, Elasticsearch must hold exactly the expected
 * reports, passages and facts (by id) and the ledger must say every document is indexed.
 */
public final class FaultSuite {

    /**
     * @param count        generated reports
     * @param seed         the generator's seed
     * @param scenarios    the faults, one per slice of the load, in order
     * @param dataDir      the stack's directory (emptied first)
     * @param perSecond    publishing rate of the load
     * @param settleTimeout how long the pipeline may take to make everything final after a fault
     * @param command      the command line that reproduces the run, for the report
     */
    public record Config(int count, long seed, List<Scenario> scenarios, Path dataDir, double perSecond,
                         Duration settleTimeout, String command, Topology topology) {
        public Config(int count, long seed, List<Scenario> scenarios, Path dataDir, double perSecond,
                      Duration settleTimeout, String command) {
            this(count, seed, scenarios, dataDir, perSecond, settleTimeout, command, Topology.SINGLE);
        }
    }

    private final Config config;
    private final StackLayout layout;
    private final PrintStream log;

    public FaultSuite(Config config, StackLayout layout, PrintStream log) {
        this.config = config;
        this.layout = layout;
        this.log = log;
    }

    public FaultReport run() {
        FaultReport report = new FaultReport();
        report.command = config.command();
        report.machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(totalMemoryGb()) + " GB";
        long t0 = System.nanoTime();
        log("generating %d reports (seed %d) ...", config.count(), config.seed());
        Corpus corpus = CorpusGenerator.fromSamples(layout.samples()).generate(config.count(), config.seed());
        report.generationSeconds = Clock.secondsSince(t0);
        report.reports = corpus.size();
        report.bytes = corpus.chars();
        log("  %d reports, %d passages and %d facts expected (%.0f s)", corpus.size(), corpus.passageIds().size(),
                corpus.facts().size(), report.generationSeconds);
        List<BadInputs.BadInput> bad = BadInputs.catalogue(BadInputs.KEY_PREFIX + "s" + config.seed() + ":");
        report.badInputs = bad.size();
        report.badInternal = (int) bad.stream().filter(b -> !b.topic().equals(Topics.RAW)).count();

        List<Scenario> scenarios = config.scenarios();
        report.cluster = config.topology().clustered();
        try (FaultStack stack = FaultStack.fresh(layout, config.dataDir(), config.topology())) {
            long ts = System.nanoTime();
            report.topology = stack.topology().describe();
            log("starting Kafka, Elasticsearch, PostgreSQL, ingest, nlp (segment), nlp (extract), index in %s: %s ...",
                    config.dataDir(), report.topology);
            stack.start();
            report.startSeconds = Clock.secondsSince(ts);
            log("  stack up in %.0f s", report.startSeconds);
            PipelineProbe probe = new PipelineProbe(stack.ingestUrls(), stack.config().elasticsearchUrl(),
                    stack.config().kafkaBootstrap());
            try (LoadPublisher publisher = new LoadPublisher(stack.config().kafkaBootstrap())) {
                int from = 0;
                for (int k = 0; k < scenarios.size(); k++) {
                    int to = (int) ((long) corpus.size() * (k + 1) / scenarios.size());
                    List<BadInputs.BadInput> badHere = new ArrayList<>();
                    for (int b = k; b < bad.size(); b += scenarios.size()) {
                        badHere.add(bad.get(b));
                    }
                    FaultReport.Row row = scenario(stack, probe, publisher, scenarios.get(k), corpus.slice(from, to),
                            corpus.slice(0, to), badHere);
                    report.rows.add(row);
                    from = to;
                    if (row.failure() != null) {
                        log("giving up after %s: %s", scenarios.get(k), row.failure());
                        break;
                    }
                }
                if (report.rows.size() == scenarios.size() && report.rows.get(report.rows.size() - 1).failure() == null) {
                    log("final check: every id in Elasticsearch, every document's ledger status ...");
                    report.last = Verification.check(corpus, probe, true);
                    log("  %s", report.last.summary());
                    checkDeadLetters(probe, bad, report);
                    checkLiveness(stack, report);
                    if (report.cluster) {
                        ClusterFaults.checkReplication(stack, report.badProblems, this::logLine);
                    }
                }
            } catch (RuntimeException e) {
                report.badProblems.add("the run broke off: " + e);
                log("the run broke off: %s", e);
                e.printStackTrace(log);
            } finally {
                log("stopping the fault stack (logs in %s) ...", stack.logs());
            }
        }
        report.seconds = Clock.secondsSince(t0);
        return report;
    }

    private FaultReport.Row scenario(FaultStack stack, PipelineProbe probe, LoadPublisher publisher, Scenario scenario,
                                     Corpus slice, Corpus soFar, List<BadInputs.BadInput> bad) {
        log("%s: publishing %d reports and %d bad records at %.0f/s ...", scenario.description(), slice.size(), bad.size(),
                config.perSecond());
        long before = safe(() -> probe.ledger().documents(), -1);
        List<LoadPublisher.Item> items = new ArrayList<>();
        int every = bad.isEmpty() ? Integer.MAX_VALUE : Math.max(1, slice.size() / (bad.size() + 1));
        int b = 0;
        for (int i = 0; i < slice.size(); i++) {
            items.add(LoadPublisher.Item.of(slice.reports().get(i)));
            if ((i + 1) % every == 0 && b < bad.size()) {
                items.add(LoadPublisher.Item.of(bad.get(b++)));
            }
        }
        while (b < bad.size()) {
            items.add(LoadPublisher.Item.of(bad.get(b++)));
        }
        long t0 = System.nanoTime();
        Thread load = publisher.publishAsync(items, config.perSecond());

        // the fault comes once the pipeline is busy with this slice: a third of it in the ledger
        long threshold = before + Math.max(1, slice.size() / 3);
        if (!await(() -> safe(() -> probe.ledger().documents(), -1) >= threshold, Duration.ofMinutes(10))) {
            return failed(scenario, slice, bad, "the ledger did not reach " + threshold + " documents: " + safeLedger(probe));
        }
        double faultAt = Clock.secondsSince(t0);
        log("  injecting at %.1f s (ledger %s)", faultAt, safeLedger(probe));
        Scenario.Injection injection;
        try {
            injection = scenario.inject(stack, () -> progress(probe));
        } catch (RuntimeException e) {
            return failed(scenario, slice, bad, "could not inject or recover: " + e.getMessage());
        }
        long back = System.nanoTime();
        log("  back after %.1f s (%s)%s", injection.downSeconds(), injection.detail(), injection.progressWhileAway() == null ? ""
                : String.format(Locale.ROOT, "; indexing went on %.1f s after the fault", injection.progressWhileAway()));

        // after the return: when the first document is indexed, and when everything published so far is final
        long progressAtBack = progress(probe);
        Double firstProgress = null;
        long deadline = back + config.settleTimeout().toNanos();
        long lastLog = System.nanoTime();
        boolean settledNow = false;
        while (System.nanoTime() < deadline) {
            if (firstProgress == null && progress(probe) > progressAtBack) {
                firstProgress = Clock.secondsSince(back);
            }
            if (!load.isAlive() && settledFor(probe, soFar)) {
                settledNow = true;
                break;
            }
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                lastLog = System.nanoTime();
                log("  waiting (%.0f s after the return): %s%s", Clock.secondsSince(back), safeLedger(probe),
                        load.isAlive() ? "; still publishing" : "");
            }
            Clock.sleep(250);
        }
        if (load.isAlive()) {
            return failed(scenario, slice, bad, "the load could not be published");
        }
        if (!settledNow) {
            Verification v = safeCheck(soFar, probe);
            return new FaultReport.Row(scenario, slice.size(), bad.size(), faultAt, injection.downSeconds(),
                    injection.progressWhileAway(), firstProgress, null, stageDeadLetters(probe), v, "not all documents final within " + config.settleTimeout().toSeconds()
                    + " s after the fault: " + safeLedger(probe) + stuckExamples(probe, soFar));
        }
        double settled = Clock.secondsSince(back);
        Verification v = Verification.check(soFar, probe, false);
        long stageDead = stageDeadLetters(probe);
        log("  all final %.1f s after the return; %s; stage dead letters %d", settled, v.summary(), stageDead);
        return new FaultReport.Row(scenario, slice.size(), bad.size(), faultAt, injection.downSeconds(),
                injection.progressWhileAway(), firstProgress, settled, stageDead, v, null);
    }

    private FaultReport.Row failed(Scenario scenario, Corpus slice, List<BadInputs.BadInput> bad, String why) {
        log("  FAILED: %s", why);
        return new FaultReport.Row(scenario, slice.size(), bad.size(), 0, 0, null, null, null, -1, null, why);
    }

    /** The ledger holds exactly the documents so far, none pending, and ingest has read all of its input. */
    private static boolean settledFor(PipelineProbe probe, Corpus soFar) {
        try {
            PipelineProbe.Ledger l = probe.ledger();
            return l.documents() >= soFar.size() && l.pending() == 0 && probe.inputLag() == 0 && probe.ledger().pending() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long progress(PipelineProbe probe) {
        return safe(() -> {
            return probe.ledger().count("indexed");
        }, -1);
    }

    /** Dead letters of the stages that are not the bad records of the load: the pipeline's own (0 when all is well). */
    private static long stageDeadLetters(PipelineProbe probe) {
        long n = 0;
        for (String topic : List.of(Topics.SEGMENT_DLQ, Topics.EXTRACT_DLQ, Topics.INDEX_DLQ, Topics.STATUS_DLQ)) {
            n += probe.readAll(topic).stream().filter(d -> d.key() == null || !d.key().startsWith(BadInputs.KEY_PREFIX)).count();
        }
        return n;
    }

    /** Every bad record is in each of its dead-letter topics, untouched, with the reason code it should have. */
    private void checkDeadLetters(PipelineProbe probe, List<BadInputs.BadInput> bad, FaultReport report) {
        Map<String, Map<String, List<PipelineProbe.DeadLetter>>> byTopicAndKey = new HashMap<>();
        for (String topic : bad.stream().flatMap(b -> b.deadLetterTopics().stream()).distinct().toList()) {
            Map<String, List<PipelineProbe.DeadLetter>> byKey = new HashMap<>();
            for (PipelineProbe.DeadLetter d : probe.readAll(topic)) {
                byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
            }
            byTopicAndKey.put(topic, byKey);
        }
        long found = 0;
        long copies = 0;
        for (BadInputs.BadInput b : bad) {
            boolean everywhere = true;
            for (String topic : b.deadLetterTopics()) {
                List<PipelineProbe.DeadLetter> dead = byTopicAndKey.get(topic).getOrDefault(b.key(), List.of());
                if (dead.isEmpty()) {
                    report.badProblems.add(b.name() + " is not in " + topic);
                    everywhere = false;
                    continue;
                }
                copies += dead.size() - 1;
                for (PipelineProbe.DeadLetter d : dead) {
                    if (!b.expectedCode().equals(d.reasonCode()) || d.headers().get(DeadLetters.REASON) == null
                            || !java.util.Arrays.equals(b.value(), d.value())) {
                        report.badProblems.add(b.name() + ": dead-lettered in " + topic + " as " + d.reasonCode()
                                + " (expected " + b.expectedCode() + ")"
                                + (java.util.Arrays.equals(b.value(), d.value()) ? "" : ", payload changed"));
                    }
                }
            }
            if (everywhere) {
                found++;
            }
        }
        int others = 0;
        for (var e : byTopicAndKey.getOrDefault(Topics.RAW_DLQ, Map.of()).entrySet()) {
            if (bad.stream().noneMatch(b -> b.key().equals(e.getKey()))) {
                others += e.getValue().size();
            }
        }
        if (others > 0) {
            report.badProblems.add(others + " good records in " + Topics.RAW_DLQ);
        }
        report.badDeadLettered = found;
        report.badDeadLetterCopies = copies;
        log("  dead letters: %d of %d bad records (%d extra copies), %d others", found, bad.size(), copies, others);
    }

    /** No consumer is down: every service answers its liveness check UP (a stopped channel makes it DOWN). */
    private void checkLiveness(FaultStack stack, FaultReport report) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (var service : stack.services()) {
            String live;
            try {
                var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.url() + "/q/health/live"))
                        .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                live = response.statusCode() == 200 && response.body().contains("\"UP\"") ? null
                        : response.statusCode() + " " + response.body().replaceAll("\\s+", " ");
            } catch (java.io.IOException e) {
                live = String.valueOf(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                live = "interrupted";
            }
            if (live != null) {
                report.badProblems.add(service.name() + " is not live: " + live);
            } else {
                report.servicesLive++;
            }
        }
        log("  liveness: %d of %d services UP", report.servicesLive, stack.services().size());
    }

    private String stuckExamples(PipelineProbe probe, Corpus soFar) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (GeneratedReport r : soFar.reports()) {
            String id = r.expected().documentId();
            try {
                String status = probe.status(id);
                if (!"indexed".equals(status)) {
                    sb.append("\n    ").append(probe.statusDetail(id));
                    if (++n >= 3) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                sb.append("\n    ").append(id).append(": ").append(e.getMessage());
                break;
            }
        }
        return sb.toString();
    }

    private static Verification safeCheck(Corpus soFar, PipelineProbe probe) {
        try {
            return Verification.check(soFar, probe, false);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String safeLedger(PipelineProbe probe) {
        try {
            PipelineProbe.Ledger l = probe.ledger();
            return "documents " + l.documents() + ", pending " + l.pending() + ", " + l.byStatus();
        } catch (RuntimeException e) {
            return "ledger not answering: " + e.getMessage();
        }
    }

    private static long safe(LongSupplier s, long fallback) {
        try {
            return s.getAsLong();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Clock.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private void logLine(String line) {
        log("%s", line);
    }

    private void log(String format, Object... args) {
        log.printf(Locale.ROOT, "[faults] " + format + "%n", args);
        log.flush();
    }

    private static double totalMemoryGb() {
        try {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os.getTotalMemorySize() / 1e9;
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }
}
