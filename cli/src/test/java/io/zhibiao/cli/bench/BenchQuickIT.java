package io.zhibiao.cli.bench;

import io.zhibiao.stack.StackLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's quick mode, run by {@code ./mvnw verify}: it proves that the harness runs end to end on a
 * stack of its own (cli/target/bench-stack) and prints numbers — every phase measured something — and
 * makes no claim about speed (no timing assertions: this machine runs other builds too). The real runs
 * are {@code ./zhibiao bench --count 2000} and {@code --count 10000} (docs/PERFORMANCE.md).
 */
class BenchQuickIT {

    @Test
    void theHarnessRunsEveryPhaseAndPrintsNumbers() throws Exception {
        StackLayout layout = StackLayout.discover();
        BenchCommand command = new BenchCommand();
        command.quick = true;
        Bench.Config config = command.config(layout.root());
        BenchResult result = new Bench(config, layout, System.out).run();
        String markdown = result.markdown();
        System.out.println(markdown);
        BenchCommand.writeJson(result, layout.root().resolve("cli/target/bench-quick.json"));

        assertThat(result.problems).isEmpty();
        assertThat(result.corpus.reports()).isEqualTo(40);
        assertThat(result.direct.reports()).isEqualTo(40);
        assertThat(result.direct.passages()).isEqualTo(result.corpus.passages());
        assertThat(result.direct.facts()).isEqualTo(result.corpus.facts());
        assertThat(result.pipeline.reports()).isEqualTo(40);
        assertThat(result.pipeline.reportsPerSecond()).isPositive();
        assertThat(result.pipeline.stages()).extracting(BenchResult.StageRate::stage)
                .containsExactly("published", "ingest", "segment", "extract", "index text", "index facts");
        assertThat(result.pipeline.stages()).allSatisfy(s -> assertThat(s.doneAfterSeconds()).isNotNull());
        assertThat(result.ratio).isPositive();
        assertThat(result.latency.searchable().count()).isEqualTo(result.corpus.latencyReports());
        assertThat(result.latency.complete().count()).isEqualTo(result.corpus.latencyReports());
        // the steady state counts the reports sent after the warm-up only
        assertThat(result.latency.steady().count()).isPositive().isLessThan(result.corpus.latencyReports());
        assertThat(result.elasticsearchMergeSeconds).containsKeys("pipeline", "latency");
        assertThat(result.queries.requests()).isPositive();
        assertThat(result.queries.errors()).isZero();
        assertThat(result.queries.byType()).containsOnlyKeys(QueryLoad.TYPES);
        assertThat(result.memory.processes()).containsKeys("kafka", "elasticsearch", "postgres", "ingest-service",
                "nlp-service", "index-service", "query-service");
        assertThat(result.memory.processes().get("postgres").processes()).isGreaterThan(1);
        assertThat(result.memory.totalRssMb()).isPositive();
        assertThat(markdown).contains("ratio pipeline ÷ direct", "publish → searchable", "steady state", "query load", "whole stack RSS");
    }
}
