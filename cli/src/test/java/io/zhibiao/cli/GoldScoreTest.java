package io.zhibiao.cli;

import io.zhibiao.contracts.IndicatorFact;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance bar of extraction (issue 4): the five sample files run through the whole in-process
 * path — file bytes, RawReport, ReportIngestor, ReportSegmenter, IndicatorExtractor, exactly as
 * {@code ./zhibiao extract} does — and are scored against the labelled facts with the rules of
 * {@code shared/tools/score-indicators}. The build fails below key-level F1 0.95 or full-level F1 0.90.
 */
class GoldScoreTest {
    static final double KEY_F1_BAR = 0.95;
    static final double FULL_F1_BAR = 0.90;

    @Test
    void extractionOfTheSampleCorpusMeetsTheBars() throws Exception {
        List<IndicatorFact> facts = new ArrayList<>();
        for (Path file : sampleFiles()) {
            facts.addAll(ExtractCommand.extract(file));
        }
        List<IndicatorScorer.Scored> gold = IndicatorScorer.readGold(resource("gold/indicators.jsonl"));
        IndicatorScorer.Score score = IndicatorScorer.score(gold, IndicatorScorer.of(facts));
        System.out.println(score.report(20));

        assertThat(facts).allSatisfy(f -> assertThat(f.quote()).isNotBlank());
        assertThat(score.key().f1()).as("key-level F1").isGreaterThanOrEqualTo(KEY_F1_BAR);
        assertThat(score.full().f1()).as("full-level F1").isGreaterThanOrEqualTo(FULL_F1_BAR);
    }

    /** The project's sample corpus: samples/*.txt beside the cli module. */
    static List<Path> sampleFiles() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a samples/ directory above " + Path.of("").toAbsolutePath()).isNotNull();
        try (Stream<Path> files = Files.list(dir.resolve("samples"))) {
            List<Path> out = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            assertThat(out).hasSize(5);
            return out;
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GoldScoreTest.class.getClassLoader().getResource(name).toURI());
    }
}
