package io.zhibiao.cli.scaling;

import io.zhibiao.cli.Clock;
import io.zhibiao.cli.bench.ProcessStats;
import io.zhibiao.cli.faults.FaultStack;
import io.zhibiao.cli.faults.LoadPublisher;
import io.zhibiao.cli.faults.PipelineProbe;
import io.zhibiao.cli.load.Corpus;
import io.zhibiao.cli.load.CorpusGenerator;
import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.ServiceProcess;
import io.zhibiao.stack.StackException;
import io.zhibiao.stack.StackLayout;
import io.zhibiao.stack.Topology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scaling on the cluster of {@code ./zhibiao up --cluster}: the same number of reports published at once with two
 * instances of each stage, then with one (the second of each stopped), after a warm-up so that every JVM that
 * counts is warm; for each, the pipeline's
 * throughput, each stage's rate (from its consumer group's committed offsets), the peak lag of every group (the
 * admin API, every second) and the CPU each stage used.
 */
public final class ScalingRun {

    /** A stage's consumer group and the topic it reads. */
    public record Group(String stage, String group, String topic) {
    }

    public static final List<Group> GROUPS = List.of(
            new Group(LocalStack.INGEST, "zhibiao-ingest", Topics.RAW),
            new Group(LocalStack.SEGMENT, "zhibiao-nlp-segment", Topics.INGESTED),
            new Group(LocalStack.EXTRACT, "zhibiao-nlp-extract", Topics.SEGMENTED),
            new Group(LocalStack.INDEX + " (text)", "zhibiao-index-text-v1", Topics.SEGMENTED),
            new Group(LocalStack.INDEX + " (facts)", "zhibiao-index-facts-v1", Topics.INDICATORS));

    public static final String BEGIN = "<!-- scaling-table:begin (written by ./zhibiao scaling --write) -->";
    public static final String END = "<!-- scaling-table:end -->";

    /** One phase: what {@code instances} per stage did with {@code reports} published at once. */
    public record Phase(int instances, int reports, double seconds, Map<String, Double> stageRates,
                        Map<String, Long> peakLag, Map<String, Double> cpuSeconds) {
        double reportsPerSecond() {
            return reports / seconds;
        }
    }

    private final StackLayout layout;
    private final Path dataDir;
    private final int count;
    private final long seed;
    private final PrintStream log;

    public ScalingRun(StackLayout layout, Path dataDir, int count, long seed, PrintStream log) {
        this.layout = layout;
        this.dataDir = dataDir;
        this.count = count;
        this.seed = seed;
        this.log = log;
    }

    public List<Phase> run() {
        int warmup = Math.max(100, count / 4);
        log("generating %d reports (seed %d) ...", warmup + 2 * count, seed);
        Corpus corpus = CorpusGenerator.fromSamples(layout.samples()).generate(warmup + 2 * count, seed);
        List<Phase> phases = new ArrayList<>();
        try (FaultStack stack = FaultStack.fresh(layout, dataDir, Topology.cluster())) {
            log("starting the cluster in %s: %s ...", dataDir, stack.topology().describe());
            stack.start();
            PipelineProbe probe = new PipelineProbe(stack.ingestUrls(), stack.config().elasticsearchUrl(),
                    stack.config().kafkaBootstrap());
            try (LoadPublisher publisher = new LoadPublisher(stack.config().kafkaBootstrap());
                 Admin admin = stack.stack().kafka().admin()) {
                // every JVM warm before either phase: a warm-up with both instances, then two instances, then
                // the second of each stopped (the first ones stay warm)
                awaitMembers(admin, 2);
                log("warm-up: %d reports with two instances per stage (not counted) ...", warmup);
                phase(stack, probe, publisher, admin, 2, corpus.slice(0, warmup), 0);
                phases.add(phase(stack, probe, publisher, admin, 2, corpus.slice(warmup, warmup + count), warmup));
                List<ServiceProcess> seconds = stack.stack().stages().values().stream().map(s -> s.get(1)).toList();
                log("one instance per stage: stopping %s ...", seconds.stream().map(ServiceProcess::name).toList());
                seconds.forEach(ServiceProcess::stop);
                awaitMembers(admin, 1);
                phases.add(0, phase(stack, probe, publisher, admin, 1, corpus.slice(warmup + count, warmup + 2 * count),
                        warmup + count));
            }
        }
        return phases;
    }

    private Phase phase(FaultStack stack, PipelineProbe probe, LoadPublisher publisher, Admin admin, int instances,
                        Corpus slice, long indexedBefore) {
        Map<String, Long> base = committed(admin);
        Map<String, Double> cpuBefore = cpu(stack);
        Map<String, Double> firstAdvance = new HashMap<>();
        Map<String, Double> done = new HashMap<>();
        Map<String, Long> peakLag = new LinkedHashMap<>();
        GROUPS.forEach(g -> peakLag.put(g.stage(), 0L));
        log("  %d instance(s): publishing %d reports at once ...", instances, slice.size());
        long t0 = System.nanoTime();
        List<LoadPublisher.Item> items = LoadPublisher.Item.of(slice.reports());
        Thread load = new Thread(() -> publisher.publishAll(items), "scaling-load");
        load.setDaemon(true);
        load.start();
        long deadline = t0 + Duration.ofMinutes(30).toNanos();
        long lastLog = t0;
        while (true) {
            Clock.sleep(1000);
            double now = Clock.secondsSince(t0);
            Map<String, Long> c = committed(admin);
            Map<String, Long> lag = lags(admin, c);
            for (Group g : GROUPS) {
                long consumed = c.getOrDefault(g.group(), 0L) - base.getOrDefault(g.group(), 0L);
                if (consumed > 0) {
                    firstAdvance.putIfAbsent(g.stage(), now);
                }
                if (consumed >= slice.size()) {
                    done.putIfAbsent(g.stage(), now);
                }
                peakLag.merge(g.stage(), lag.getOrDefault(g.group(), 0L), Math::max);
            }
            long indexed = safeIndexed(probe) - indexedBefore;
            if (!load.isAlive() && indexed >= slice.size() && done.size() == GROUPS.size()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("the pipeline did not index " + slice.size() + " reports within 30 min (indexed " + indexed + ")");
            }
            if (System.nanoTime() - lastLog > 15_000_000_000L) {
                lastLog = System.nanoTime();
                log("    %.0f s: indexed %d of %d; lag %s", now, indexed, slice.size(), lag);
            }
        }
        double seconds = Clock.secondsSince(t0);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Group g : GROUPS) {
            double span = done.get(g.stage()) - firstAdvance.getOrDefault(g.stage(), 0.0);
            rates.put(g.stage(), slice.size() / Math.max(1.0, span));
        }
        Map<String, Double> cpuAfter = cpu(stack);
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((k, v) -> cpu.put(k, v - cpuBefore.getOrDefault(k, 0.0)));
        Phase p = new Phase(instances, slice.size(), seconds, rates, peakLag, cpu);
        log("  %d instance(s): %d reports in %.1f s (%.1f/s); stage rates %s; peak lag %s; CPU s %s", instances, slice.size(),
                seconds, p.reportsPerSecond(), round(rates), peakLag, round(cpu));
        return p;
    }

    /** CPU seconds so far of every stage's processes (instances stopped and started again count from their start). */
    private static Map<String, Double> cpu(FaultStack stack) {
        Map<String, Double> out = new LinkedHashMap<>();
        stack.stack().stages().forEach((stage, instances) -> out.put(stage,
                instances.stream().mapToDouble(s -> ProcessStats.of(s.process()).cpuSeconds()).sum()));
        double infra = stack.stack().infrastructure().stream().mapToDouble(c -> ProcessStats.of(c.process()).cpuSeconds()).sum();
        out.put("Kafka, Elasticsearch, PostgreSQL", infra);
        return out;
    }

    /** Waits until every stage's group has {@code n} members (a rebalance after a stop or a start). */
    private void awaitMembers(Admin admin, int n) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> groups = GROUPS.stream().map(Group::group).toList();
        while (System.nanoTime() < deadline) {
            try {
                var described = admin.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS);
                if (described.values().stream().allMatch(d -> d.members().size() == n
                        && d.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty()))) {
                    log("  every group has %d member(s), each with partitions", n);
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            Clock.sleep(500);
        }
        throw new StackException("the consumer groups did not settle at " + n + " member(s) each within 2 min");
    }

    private static Map<String, Long> committed(Admin admin) {
        Map<String, Long> out = new HashMap<>();
        for (Group g : GROUPS) {
            try {
                long sum = 0;
                for (var e : admin.listConsumerGroupOffsets(g.group()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).entrySet()) {
                    if (e.getKey().topic().equals(g.topic()) && e.getValue() != null) {
                        sum += e.getValue().offset();
                    }
                }
                out.put(g.group(), sum);
            } catch (Exception e) {
                // a group not there yet: nothing committed
            }
        }
        return out;
    }

    /** Every group's lag: the end offsets of its topic minus what it committed. */
    private static Map<String, Long> lags(Admin admin, Map<String, Long> committed) {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            Map<String, Long> ends = new HashMap<>();
            for (String topic : GROUPS.stream().map(Group::topic).distinct().toList()) {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                long end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
                ends.put(topic, end);
            }
            for (Group g : GROUPS) {
                out.put(g.group(), ends.getOrDefault(g.topic(), 0L) - committed.getOrDefault(g.group(), 0L));
            }
        } catch (Exception e) {
            // a sample missed
        }
        return out;
    }

    private static long safeIndexed(PipelineProbe probe) {
        try {
            return probe.ledger().count("indexed");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The table of docs/PERFORMANCE.md, "Scaling". */
    public static String markdown(List<Phase> phases, String command, String machine) {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        sb.append(String.format(Locale.ROOT, "Run of %s on %s (`%s`), the cluster of `./zhibiao up --cluster`.%n%n",
                LocalDate.now(), machine, command));
        sb.append("| instances per stage | reports | pipeline | ");
        GROUPS.forEach(g -> sb.append(g.stage()).append(" rate | "));
        sb.append("peak lag per group (").append(String.join(", ", GROUPS.stream().map(Group::group).toList())).append(") | CPU per report by stage |\n|");
        sb.append("---|".repeat(5 + GROUPS.size())).append('\n');
        for (Phase p : phases) {
            sb.append(String.format(Locale.ROOT, "| %d | %d | %.1f s, **%.1f reports/s** | ", p.instances(), p.reports(), p.seconds(),
                    p.reportsPerSecond()));
            GROUPS.forEach(g -> sb.append(String.format(Locale.ROOT, "%.1f/s | ", p.stageRates().get(g.stage()))));
            sb.append(String.join(", ", GROUPS.stream().map(g -> String.valueOf(p.peakLag().get(g.stage()))).toList())).append(" | ");
            List<String> cpu = new ArrayList<>();
            p.cpuSeconds().forEach((stage, s) -> cpu.add(String.format(Locale.ROOT, "%s %.1f ms", stage, 1000 * s / p.reports())));
            sb.append(String.join(", ", cpu)).append(" |\n");
        }
        sb.append(END).append('\n');
        return sb.toString();
    }

    private static Map<String, String> round(Map<String, Double> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.format(Locale.ROOT, "%.1f", v)));
        return out;
    }

    private void log(String format, Object... args) {
        log.printf(Locale.ROOT, "[scaling] " + format + "%n", args);
        log.flush();
    }
}
