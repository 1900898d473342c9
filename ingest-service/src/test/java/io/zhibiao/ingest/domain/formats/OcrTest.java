package io.zhibiao.ingest.domain.formats;

import io.zhibiao.contracts.Pages;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.stack.files.ReportFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A scanned report (pages that are images) read by Tesseract. */
class OcrTest {

    /** The first pages of a sample report, as a scanner would give them. */
    static String firstPart(String text, int chars) {
        int cut = text.indexOf('\n', Math.min(chars, text.length() - 1));
        return cut < 0 ? text : text.substring(0, cut);
    }

    @Test
    void aScannedPdfIsReadByOcrWithItsPagesMarked() {
        TesseractOcr ocr = TesseractOcr.standard();
        Assumptions.assumeTrue(ocr.available(), () -> "no OCR here: " + ocr.describe());
        String text = firstPart(Samples.text(Samples.JINZHOU_2024), 2500);
        byte[] scan = ReportFiles.scanned(ReportFiles.pdf(text, "锦州市人民政府工作报告"), 200);
        long t0 = System.nanoTime();
        IngestedDocument doc = ReportIngestor.standard().ingest(FileFormatsTest.file(scan, "application/pdf", "scan.pdf")).get(0);
        System.out.printf("OCR: %d pages in %d ms%n", doc.metadata().pages().count(), (System.nanoTime() - t0) / 1_000_000);
        Pages pages = doc.metadata().pages();
        assertThat(pages.ocrPages()).isNotEmpty();
        assertThat(pages.ocrConfidence()).isGreaterThan(60.0);
        assertThat(doc.text()).contains("锦州");
    }
}
