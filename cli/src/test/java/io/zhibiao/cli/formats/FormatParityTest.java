package io.zhibiao.cli.formats;

import io.zhibiao.cli.load.ExpectedPipeline;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.formats.TesseractOcr;
import io.zhibiao.stack.files.ReportFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same report as text, PDF and DOCX gives the same facts (values, kinds, periods); every fact of the PDF
 * carries the page that holds it; and a scan of it, read by OCR, gives at least 90 % of them.
 */
public class FormatParityTest {
    private static final ExpectedPipeline PIPELINE = new ExpectedPipeline();

    public static String sample(String name) throws IOException {
        Path p = Path.of("..", "samples", name);
        return Files.readString(Files.exists(p) ? p : Path.of("samples", name), StandardCharsets.UTF_8);
    }

    public static RawReport file(byte[] bytes, String type, String name) {
        return new RawReport("https://example.gov.cn/" + name, null, type, null, null,
                Base64.getEncoder().encodeToString(bytes), name, null);
    }

    static List<IndicatorFact> facts(RawReport raw) {
        List<IndicatorFact> out = new ArrayList<>();
        for (IngestedDocument doc : PIPELINE.ingest(raw)) {
            out.addAll(PIPELINE.events(doc).indicators().facts());
        }
        return out;
    }

    /** What must be the same whatever the format: not offsets (the texts may differ by a line break). */
    static List<String> signatures(List<IndicatorFact> facts) {
        return facts.stream().map(f -> f.region() + " " + f.indicator() + " " + f.kind() + " " + f.period() + " "
                + f.measure() + " " + f.value() + " " + f.valueMax() + " " + f.unit() + " " + f.qualifier()).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_ad8bd8fded9599e0.txt", "002_110bda27a7c53275.txt", "003_821d0610ff899f65.txt", "b01.txt"})
    void textPdfAndDocxGiveTheSameFacts(String name) throws IOException {
        String text = sample(name);
        List<IndicatorFact> fromText = facts(RawReport.text("https://example.gov.cn/" + name, name, text));
        assertThat(fromText).isNotEmpty();
        byte[] pdf = ReportFiles.pdf(text, "政府工作报告");
        List<IndicatorFact> fromPdf = facts(file(pdf, "application/pdf", "report.pdf"));
        List<IndicatorFact> fromDocx = facts(file(ReportFiles.docx(text, 25),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "report.docx"));
        assertThat(signatures(fromPdf)).isEqualTo(signatures(fromText));
        assertThat(signatures(fromDocx)).isEqualTo(signatures(fromText));

        // each fact's page of the PDF holds the start of its quote
        Map<Integer, String> pages = pageTexts(pdf);
        for (IndicatorFact f : fromPdf) {
            assertThat(f.page()).as(f.quote()).isNotNull();
            String head = squeeze(f.quote()).substring(0, Math.min(4, squeeze(f.quote()).length()));
            assertThat(pages.get(f.page()) + pages.getOrDefault(f.page() + 1, "")).as("page %d: %s", f.page(), f.quote())
                    .contains(head);
        }
        assertThat(fromPdf).extracting(IndicatorFact::page).doesNotContainNull();
        assertThat(fromText).extracting(IndicatorFact::page).containsOnlyNulls();
    }

    @Test
    void aScanReadByOcrGivesAtLeastNinetyPercentOfTheFacts() throws IOException {
        TesseractOcr ocr = TesseractOcr.standard();
        Assumptions.assumeTrue(ocr.available(), () -> "no OCR here: " + ocr.describe());
        String full = sample("000_ad8bd8fded9599e0.txt");
        String text = full.substring(0, full.indexOf('\n', 4500));
        List<String> expected = signatures(facts(RawReport.text("https://example.gov.cn/a", "a.txt", text)));
        byte[] scan = ReportFiles.scanned(ReportFiles.pdf(text, "锦州市人民政府工作报告"), 200);
        long t0 = System.nanoTime();
        List<IndicatorFact> fromScan = facts(file(scan, "application/pdf", "scan.pdf"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> got = new ArrayList<>(signatures(fromScan));
        int found = 0;
        for (String s : expected) {
            if (got.remove(s)) {
                found++;
            }
        }
        System.out.printf("OCR: %d of %d facts (%.0f %%) from a %d-page scan in %.1f s; %d facts not in the text%n",
                found, expected.size(), 100.0 * found / expected.size(), fromScan.isEmpty() ? 0
                        : fromScan.stream().mapToInt(IndicatorFact::page).max().orElse(0), seconds, got.size());
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat((double) found / expected.size()).isGreaterThanOrEqualTo(0.9);
        assertThat(fromScan).allSatisfy(f -> {
            assertThat(f.ocr()).isTrue();
            assertThat(f.page()).isNotNull();
        });
    }

    static Map<Integer, String> pageTexts(byte[] pdf) throws IOException {
        Map<Integer, String> out = new HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                out.put(i, squeeze(stripper.getText(doc)));
            }
        }
        return out;
    }

    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u3000]+", "").replace('（', '(').replace('）', ')').replace('，', ',').replace('：', ':');
    }
}
