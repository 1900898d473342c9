package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.nlp.segment.ReportSegmenter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of segmentation + extraction on the sample corpus, one thread: a benchmark to run by
 * hand (not a test). Warms up, then times several rounds and prints characters per second.
 * Usage: ThroughputBenchmark [samples-dir] [rounds]
 */
public final class ThroughputBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<IngestedReport> reports = new ArrayList<>();
        try (var files = Files.list(dir)) {
            // the five seed files (NNN_*.txt), so that the numbers stay comparable as the samples grow
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
                reports.addAll(SampleHarness.reports(f.getFileName().toString(), Files.readString(f)));
            }
        }
        long chars = reports.stream().mapToLong(r -> r.text().length()).sum();
        ReportSegmenter segmenter = ReportSegmenter.standard();
        IndicatorExtractor extractor = IndicatorExtractor.standard();
        System.out.printf(Locale.ROOT, "%d reports, %,d characters; JVM %s, %d cores%n", reports.size(), chars,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (int w = 0; w < 5; w++) {
            for (IngestedReport r : reports) {
                extractor.extract(segmenter.segment(r));
            }
        }
        long segNanos = 0;
        long extractNanos = 0;
        int facts = 0;
        for (int round = 0; round < rounds; round++) {
            for (IngestedReport r : reports) {
                long t0 = System.nanoTime();
                SegmentedReport s = segmenter.segment(r);
                long t1 = System.nanoTime();
                facts += extractor.extract(s).size();
                long t2 = System.nanoTime();
                segNanos += t1 - t0;
                extractNanos += t2 - t1;
            }
        }
        double total = chars * (double) rounds;
        System.out.printf(Locale.ROOT, "segmentation (outline, sentences, HanLP words): %,.0f chars/s%n", total / (segNanos / 1e9));
        System.out.printf(Locale.ROOT, "extraction:                                     %,.0f chars/s%n", total / (extractNanos / 1e9));
        System.out.printf(Locale.ROOT, "segmentation + extraction:                      %,.0f chars/s  (%d facts per round)%n",
                total / ((segNanos + extractNanos) / 1e9), facts / rounds);
    }
}
