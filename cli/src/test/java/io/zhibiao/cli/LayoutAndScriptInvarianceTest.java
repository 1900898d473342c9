package io.zhibiao.cli;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import io.zhibiao.nlp.segment.ReportSegmenter;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same reports as other sites publish them read the same: the sample corpus turned into traditional script
 * (HanLP's simplified-to-traditional table, character for character), and hard-wrapped at 38 characters a line as
 * document-sharing sites print it, gives the same facts — who, what, kind, period, value, qualifier, estimate — as the
 * original. Metadata, segmentation and extraction all take part.
 */
class LayoutAndScriptInvarianceTest {

    @Test
    void theSamplesInTraditionalScriptGiveTheSameFacts() throws IOException {
        Map<Character, Character> toTraditional = simplifiedToTraditional();
        for (Path file : GoldScoreTest.sampleFiles()) {
            String text = Files.readString(file);
            StringBuilder traditional = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                traditional.append(toTraditional.getOrDefault(c, c));
            }
            assertThat(traditional.toString()).isNotEqualTo(text);
            assertThat(facts(traditional.toString())).as("facts of %s in traditional script", file.getFileName())
                    .isEqualTo(facts(text));
        }
    }

    @Test
    void theSamplesHardWrappedGiveTheSameFacts() throws IOException {
        for (Path file : GoldScoreTest.sampleFiles()) {
            String text = Files.readString(file);
            StringBuilder wrapped = new StringBuilder(text.length() + text.length() / 30);
            for (String line : text.split("\n")) {
                for (int i = 0; i < line.length(); i += 38) {
                    wrapped.append(line, i, Math.min(line.length(), i + 38)).append('\n');
                }
            }
            assertThat(facts(wrapped.toString())).as("facts of %s wrapped at 38 characters", file.getFileName())
                    .isEqualTo(facts(text));
        }
    }

    /** Every fact reduced to what an analyst compares. */
    private static Set<String> facts(String text) {
        RawReport raw = new RawReport("https://example.org/r", Instant.now(), "text/plain", null, text, null, "r.txt", null);
        Set<String> out = new LinkedHashSet<>();
        for (IngestedDocument doc : ReportIngestor.standard().ingest(raw)) {
            IngestedReport report = new IngestedReport(doc.documentId(), doc.metadata(), doc.text(), List.of(), Instant.now());
            for (IndicatorFact f : IndicatorExtractor.standard().extract(ReportSegmenter.standard().segment(report))) {
                out.add(String.join(" ", f.region(), f.indicator(), f.kind(), String.valueOf(f.period()), f.measure(),
                        String.valueOf(f.value()), String.valueOf(f.valueMax()), String.valueOf(f.qualifier()),
                        String.valueOf(f.estimated())));
            }
        }
        return out;
    }

    /** HanLP's s2t table, its single characters only (so that offsets do not move). */
    private static Map<Character, Character> simplifiedToTraditional() throws IOException {
        Map<Character, Character> map = new HashMap<>();
        try (InputStream in = LayoutAndScriptInvarianceTest.class.getClassLoader().getResourceAsStream("data/dictionary/tc/s2t.txt")) {
            assertThat(in).as("HanLP's s2t table on the class path").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.indexOf('=');
                if (eq == 1 && line.length() >= 3) {
                    String traditional = line.substring(2).split(" ")[0];
                    if (traditional.length() == 1) {
                        map.put(line.charAt(0), traditional.charAt(0));
                    }
                }
            }
        }
        return map;
    }
}
