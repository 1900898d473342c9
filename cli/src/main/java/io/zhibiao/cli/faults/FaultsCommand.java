package io.zhibiao.cli.faults;

import io.zhibiao.stack.StackLayout;
import io.zhibiao.stack.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./zhibiao faults}: the full fault-injection suite on a stack of its own (free ports, its own
 * directory), never the stack of {@code ./zhibiao up}. Prints the table of docs/RELIABILITY.md and, with
 * {@code --write}, puts it there.
 */
@Command(name = "faults", description = {
        "Run the fault-injection suite: a generated load published to reports.raw while, one at a time, each service",
        "is killed (kill -9), Elasticsearch is stopped for 60 s, Kafka and PostgreSQL are restarted; then check",
        "Elasticsearch by id and the ledger. Runs its own stack on free ports in cli/target/fault-stack."})
public final class FaultsCommand implements Callable<Integer> {

    /** Every fault of issue 6, after a baseline slice without a fault. */
    public static final List<Scenario> ALL = List.of(Scenario.NONE, Scenario.KILL_INGEST, Scenario.KILL_NLP_SEGMENT,
            Scenario.KILL_NLP_EXTRACT, Scenario.KILL_INDEX, Scenario.ELASTICSEARCH_STOPPED, Scenario.KAFKA_RESTART,
            Scenario.POSTGRES_RESTART);

    /** The faults of a cluster (issue 16), after a baseline slice. */
    public static final List<Scenario> CLUSTER = List.of(Scenario.NONE, Scenario.KILL_KAFKA_LEADER, Scenario.KILL_KAFKA_CONTROLLER,
            Scenario.KILL_ELASTICSEARCH_NODE, Scenario.KILL_STAGE_INSTANCES, Scenario.ROLLING_RESTART);

    @Option(names = "--cluster", description = {"on the cluster of ./zhibiao up --cluster (3 Kafka nodes, 2 Elasticsearch nodes,",
            "2 instances of each stage), with its faults: the partition leader and the controller killed, an Elasticsearch",
            "node killed, one instance of every stage killed, a rolling restart (default dir: cli/target/fault-cluster)"})
    boolean cluster;

    @Option(names = "--count", paramLabel = "N", description = "generated reports (default ${DEFAULT-VALUE})")
    int count = 2000;

    @Option(names = "--seed", paramLabel = "S", description = "the generator's seed (default ${DEFAULT-VALUE})")
    long seed = 6;

    @Option(names = "--scenario", paramLabel = "NAME", split = ",",
            description = "faults to inject, in order (default: all): none, kill-ingest, kill-nlp-segment, kill-nlp-extract,"
                    + " kill-index, elasticsearch-stopped, kafka-restart, postgres-restart; with --cluster also kill-kafka-leader,"
                    + " kill-kafka-controller, kill-elasticsearch-node, kill-stage-instances, rolling-restart")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "reports published per second (default ${DEFAULT-VALUE})")
    double rate = 10;

    @Option(names = "--settle-timeout", paramLabel = "SECONDS",
            description = "how long the pipeline may take to finish after a fault (default ${DEFAULT-VALUE})")
    int settleSeconds = 900;

    @Option(names = "--dir", paramLabel = "DIR", description = "the stack's directory (default: cli/target/fault-stack)")
    Path dir;

    @Option(names = "--write", paramLabel = "FILE", description = "put the table into FILE (between its fault-table markers)")
    Path write;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StackLayout layout = StackLayout.discover();
        List<Scenario> chosen = new ArrayList<>();
        for (String s : scenarios) {
            chosen.add(Scenario.parse(s).orElseThrow(() -> new IllegalArgumentException("no scenario " + s)));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(cluster ? CLUSTER : ALL);
        }
        for (Scenario s : chosen) {
            if (s.forCluster() && !cluster) {
                throw new IllegalArgumentException(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + " is a fault of a cluster: add --cluster");
            }
        }
        StringBuilder command = new StringBuilder("./zhibiao faults " + (cluster ? "--cluster " : "") + "--count " + count
                + " --seed " + seed);
        if (!scenarios.isEmpty()) {
            command.append(" --scenario ").append(String.join(",", scenarios));
        }
        if (rate != 10) {
            command.append(" --rate ").append(rate);
        }
        FaultSuite.Config config = new FaultSuite.Config(count, seed, chosen,
                dir != null ? dir.toAbsolutePath() : layout.root().resolve(cluster ? "cli/target/fault-cluster" : "cli/target/fault-stack"),
                rate, Duration.ofSeconds(settleSeconds), command.toString(), cluster ? Topology.cluster() : Topology.SINGLE);
        FaultReport report = new FaultSuite(config, layout, out).run();
        out.println();
        out.print(report.markdown());
        if (write != null) {
            writeInto(write, report.markdown(), report.begin(), report.end());
            out.println("written to " + write);
        }
        if (!report.passed()) {
            out.println("\nFAILED:\n" + report.problems());
            return 1;
        }
        return 0;
    }

    /** Replaces the marked section of the file (or appends it when there is none). */
    static void writeInto(Path file, String section) throws IOException {
        writeInto(file, section, FaultReport.BEGIN, FaultReport.END);
    }

    public static void writeInto(Path file, String section, String beginMarker, String endMarker) throws IOException {
        String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int begin = text.indexOf(beginMarker);
        int end = text.indexOf(endMarker);
        String updated;
        if (begin >= 0 && end > begin) {
            int after = text.indexOf('\n', end);
            updated = text.substring(0, begin) + section + (after < 0 ? "" : text.substring(after + 1));
        } else {
            updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + section;
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
