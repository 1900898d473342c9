package io.zhibiao.cli.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.zhibiao.contracts.Json;
import io.zhibiao.stack.StackLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./zhibiao bench}: the benchmark of docs/PERFORMANCE.md on a stack of its own (free ports,
 * {@code cli/target/bench-stack}), never the stack of {@code ./zhibiao up}.
 */
@Command(name = "bench", description = {
        "Benchmark on a stack of its own: the corpus bulk-loaded straight into Elasticsearch (the limit), the pipeline's",
        "throughput on the same corpus (reports.raw -> indexed), publish->searchable latency at a steady rate, a query",
        "load of concurrent clients, and the memory of every process. Prints the results; --write appends them to",
        "docs/PERFORMANCE.md and writes docs/bench/<date>-<N>.json."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--count", paramLabel = "N", description = "reports in the throughput run and in the index (default ${DEFAULT-VALUE})")
    int count = 2000;

    @Option(names = "--quick", description = "a short run that only proves the harness works: 40 reports, 5 s of latency, 5 s of queries")
    boolean quick;

    @Option(names = "--seed", paramLabel = "S", description = "the generator's seed (default ${DEFAULT-VALUE})")
    long seed = 7;

    @Option(names = "--latency-rate", paramLabel = "PER_SECOND", description = "reports per second in the latency run (default ${DEFAULT-VALUE})")
    double latencyRate = 10;

    @Option(names = "--latency-warmup-seconds", paramLabel = "S",
            description = "the latency run's first seconds, at the same rate, not counted in its steady state (default ${DEFAULT-VALUE})")
    int latencyWarmupSeconds = 20;

    @Option(names = "--latency-seconds", paramLabel = "S", description = "how long the latency run publishes after its warm-up (default ${DEFAULT-VALUE})")
    int latencySeconds = 60;

    @Option(names = "--clients", paramLabel = "C", description = "concurrent query clients (default ${DEFAULT-VALUE})")
    int clients = 20;

    @Option(names = "--query-seconds", paramLabel = "S", description = "measured query load (default ${DEFAULT-VALUE})")
    int querySeconds = 60;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "query load before the measurement (default ${DEFAULT-VALUE})")
    int warmupSeconds = 10;

    @Option(names = "--direct-threads", paramLabel = "T", description = "bulk requests in flight in the direct load (default ${DEFAULT-VALUE})")
    int directThreads = 2;

    @Option(names = "--service-java-opts", paramLabel = "OPTS",
            description = "extra JVM options of the four services ({name} = the service), e.g. a flight recording")
    String serviceJavaOpts;

    @Option(names = "--jfr", description = "record each service with JFR (settings=profile) into <dir>-jfr/<service>.jfr")
    boolean jfr;

    @Option(names = "--keep", description = "leave the bench stack running at the end, to look at it (stop it with ZHIBIAO_DATA_DIR=<dir> ./zhibiao down)")
    boolean keep;

    @Option(names = "--skip", paramLabel = "PHASE", split = ",",
            description = "leave phases out while tuning one part: direct, latency, queries")
    java.util.Set<String> skip = new java.util.TreeSet<>();

    @Option(names = "--dir", paramLabel = "DIR", description = "the stack's directory (default: cli/target/bench-stack)")
    Path dir;

    @Option(names = "--write", description = "append the results to docs/PERFORMANCE.md and write docs/bench/<date>-<N>.json")
    boolean write;

    @Option(names = "--json", paramLabel = "FILE", description = "write the results as JSON to FILE (default: <dir>.json)")
    Path json;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StackLayout layout = StackLayout.discover();
        Bench.Config config = config(layout.root());
        BenchResult result = new Bench(config, layout, out).run();
        String markdown = result.markdown();
        out.println();
        out.print(markdown);
        Path jsonFile = json != null ? json : config.dataDir().resolveSibling(config.dataDir().getFileName() + ".json");
        writeJson(result, jsonFile);
        out.println("results: " + jsonFile);
        if (write) {
            Path docs = layout.root().resolve("docs");
            Path file = docs.resolve("bench").resolve(result.date + "-" + result.corpus.reports() + ".json");
            for (int i = 2; Files.exists(file); i++) {
                file = docs.resolve("bench").resolve(result.date + "-" + result.corpus.reports() + "-" + i + ".json");
            }
            writeJson(result, file);
            appendTo(docs.resolve("PERFORMANCE.md"), markdown + "Raw numbers: [`docs/bench/" + file.getFileName() + "`](bench/"
                    + file.getFileName() + ").\n\n");
            out.println("appended to docs/PERFORMANCE.md; " + file);
        }
        return result.problems.isEmpty() ? 0 : 1;
    }

    Bench.Config config(Path root) {
        Path d = dir != null ? dir.toAbsolutePath() : root.resolve("cli/target/bench-stack");
        StringBuilder command = new StringBuilder("./zhibiao bench");
        int n = count;
        int latSeconds = latencySeconds;
        int latWarmup = latencyWarmupSeconds;
        int qSeconds = querySeconds;
        int warm = warmupSeconds;
        if (quick) {
            command.append(" --quick");
            n = count == 2000 ? 40 : count;
            latSeconds = Math.min(latencySeconds, 5);
            latWarmup = Math.min(latencyWarmupSeconds, 2);
            qSeconds = Math.min(querySeconds, 5);
            warm = Math.min(warmupSeconds, 2);
        } else {
            command.append(" --count ").append(count);
        }
        if (seed != 7) {
            command.append(" --seed ").append(seed);
        }
        if (!skip.isEmpty()) {
            command.append(" --skip ").append(String.join(",", skip));
        }
        String opts = serviceJavaOpts;
        if (jfr) {
            Path jfrDir = d.resolveSibling(d.getFileName() + "-jfr");
            try {
                Files.createDirectories(jfrDir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            opts = (opts == null ? "" : opts + " ") + "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + jfrDir.resolve("{name}.jfr");
            command.append(" --jfr");
        }
        return new Bench.Config(n, seed, quick, d, latencyRate, latWarmup, latSeconds, clients, warm, qSeconds, directThreads, opts,
                keep, skip, command.toString());
    }

    static void writeJson(BenchResult result, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result) + "\n",
                StandardCharsets.UTF_8);
    }

    static void appendTo(Path file, String section) throws IOException {
        String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(file, text + (text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n")
                + section, StandardCharsets.UTF_8);
    }
}
