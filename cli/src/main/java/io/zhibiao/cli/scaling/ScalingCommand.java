package io.zhibiao.cli.scaling;

import io.zhibiao.cli.faults.FaultsCommand;
import io.zhibiao.stack.StackLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./zhibiao scaling}: one instance per stage against two, on a cluster of its own (docs/PERFORMANCE.md, "Scaling"). */
@Command(name = "scaling", description = {
        "On a cluster of its own (3 Kafka nodes, 2 Elasticsearch nodes, 2 instances of each stage; cli/target/scaling-cluster):",
        "after a warm-up, N reports published at once with two instances of each stage, then N more with one (the second",
        "of each stopped). Prints the",
        "pipeline's throughput, each stage's rate, the peak consumer lag of every group and the CPU per report of each stage."})
public final class ScalingCommand implements Callable<Integer> {

    @Option(names = "--count", paramLabel = "N", description = "reports per phase (default ${DEFAULT-VALUE})")
    int count = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "the generator's seed (default ${DEFAULT-VALUE})")
    long seed = 8;

    @Option(names = "--write", paramLabel = "FILE", description = "put the table into FILE (between its scaling-table markers)")
    Path write;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StackLayout layout = StackLayout.discover();
        List<ScalingRun.Phase> phases = new ScalingRun(layout, layout.root().resolve("cli/target/scaling-cluster"), count, seed, out).run();
        String machine = Runtime.getRuntime().availableProcessors() + " cores";
        String table = ScalingRun.markdown(phases, "./zhibiao scaling --count " + count + " --seed " + seed, machine);
        out.println();
        out.print(table);
        if (write != null) {
            FaultsCommand.writeInto(write, table, ScalingRun.BEGIN, ScalingRun.END);
            out.println("written to " + write);
        }
        return 0;
    }
}
