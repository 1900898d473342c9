package io.zhibiao.cli;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static io.zhibiao.cli.Clock.secondsSince;

@Command(name = "up", description = {
        "Start Kafka, Elasticsearch, PostgreSQL and the four services (what runs already is left alone),",
        "publish the sample corpus to the input topic, wait until it is indexed, and print the URLs."})
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--no-samples", description = "do not publish the sample corpus")
    boolean noSamples;

    @Option(names = "--cluster", description = {"a cluster on this machine instead: 3 Kafka nodes (replication 3, min ISR 2),",
            "2 Elasticsearch nodes (1 replica), 2 instances of each stage (nlp split by stage), in <data>/cluster"})
    boolean cluster;

    @Option(names = "--timeout", description = "how long to wait for the samples to be indexed, in seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 600;

    @Override
    public Integer call() throws IOException {
        StackCommands.refuseIfOtherRuns(cluster);
        LocalStack stack = cluster ? StackCommands.cluster() : StackCommands.single();
        return up(stack, !noSamples, Duration.ofSeconds(timeoutSeconds), System.out);
    }

    /** What {@code ./zhibiao up} does, on any stack (the end-to-end test runs it on a stack of its own). */
    public static int up(LocalStack stack, boolean publishSamples, Duration timeout, PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        out.println("data directory: " + stack.config().dataDir());
        if (stack.config().topology().clustered()) {
            out.println("cluster: " + stack.config().topology().describe());
        }
        out.println("starting " + names(stack.infrastructure()) + " ...");
        stack.startInfrastructure();
        out.println("starting " + names(stack.services()) + " ...");
        stack.startServices();
        out.printf("stack up in %.1f s%n", secondsSince(t0));

        if (publishSamples) {
            List<Path> samples = samples(stack.config().layout().samples());
            try (ReportPublisher publisher = new ReportPublisher(stack.config().kafkaBootstrap())) {
                for (Path file : samples) {
                    RawReport raw = ReportPublisher.toRawReport(file, "file:samples/" + file.getFileName());
                    publisher.publish(raw);
                }
            }
            out.println("published " + samples.size() + " sample files to reports.raw; waiting until they are indexed ...");
            PipelineWatch watch = new PipelineWatch(stack.ingest().url(), stack.config().elasticsearchUrl(),
                    stack.config().kafkaBootstrap());
            boolean settled = watch.awaitSettled(samples.size(), timeout,
                    s -> out.printf("  documents %d, indexed %d, failed %d, pending %d%n",
                            s.documents(), s.indexed(), s.failed(), s.pending()));
            if (!settled) {
                out.println("zhibiao up: the samples were not all indexed within " + timeout.toSeconds()
                        + " s; see ./zhibiao status and the logs in " + stack.config().logs());
                return 1;
            }
            out.printf("indexed: %d reports, %d passages, %d indicator facts%n", watch.count("reports"),
                    watch.count("passages"), watch.count("facts"));
        }
        out.printf("%nZhibiao is up (%.1f s).%n", secondsSince(t0));
        out.println("  web page and query API  " + stack.query().url() + "/   (API: /api/search?q=新能源, /api/indicators?region=锦州市)");
        out.println("  OpenAPI / Swagger UI    " + stack.query().url() + "/q/swagger-ui");
        out.println("  ingest API              " + stack.ingest().url() + "/api/reports   (API key in "
                + stack.config().dataDir().resolve("api-key") + ")");
        for (Component c : stack.infrastructure()) {
            out.printf("  %-23s %s%n", c.name(), c.url());
        }
        if (stack.config().topology().clustered()) {
            for (Component c : stack.pipeline()) {
                out.printf("  %-23s %s%n", c.name(), c.url());
            }
        }
        out.println("  logs                    " + stack.config().logs());
        out.println("Stop with ./zhibiao down.");
        return 0;
    }

    private static String names(List<? extends Component> components) {
        return String.join(", ", components.stream().map(Component::name).toList());
    }

    static List<Path> samples(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }
}
