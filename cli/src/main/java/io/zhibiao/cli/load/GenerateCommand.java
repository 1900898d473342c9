package io.zhibiao.cli.load;

import io.zhibiao.stack.StackLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./zhibiao generate --count N --seed S DIR}: a synthetic corpus derived from the samples, with
 * what the pipeline must make of every report ({@code DIR/expected.jsonl}).
 */
@Command(name = "generate", description = {
        "Generate N reports from the sample corpus (other regions, years and figures; deterministic by seed)",
        "into DIR, with DIR/expected.jsonl: each report's document id, region, passage ids and fact ids,",
        "computed by the services' own code. Send them with ./zhibiao ingest DIR."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--count", paramLabel = "N", description = "how many reports (default ${DEFAULT-VALUE})")
    int count = 100;

    @Option(names = "--seed", paramLabel = "S", description = "the seed: the same seed gives the same corpus (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--samples", paramLabel = "DIR", description = "sample reports to derive from (default: samples/ of the checkout)")
    Path samples;

    @Parameters(index = "0", paramLabel = "DIR", description = "where to write the reports")
    Path dir;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Path from = samples != null ? samples : StackLayout.discover().samples();
        CorpusGenerator generator = CorpusGenerator.fromSamples(from);
        Corpus corpus = generator.generate(count, seed);
        corpus.write(dir);
        out.printf("generated %d reports (seed %d) from %d sample reports into %s in %.1f s%n", corpus.size(), seed,
                generator.bases().size(), dir, (System.nanoTime() - t0) / 1e9);
        out.printf("  %,d bytes; encodings %s; %d regions%n", corpus.chars(), CorpusGenerator.encodings(corpus),
                corpus.reports().stream().map(r -> r.expected().regionCode()).distinct().count());
        out.printf("  expected: %d documents, %d passages, %d facts (%s)%n", corpus.documentIds().size(),
                corpus.passageIds().size(), corpus.facts().size(), dir.resolve(Corpus.EXPECTED_FILE));
        return 0;
    }
}
