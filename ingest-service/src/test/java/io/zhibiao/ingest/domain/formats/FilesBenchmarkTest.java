package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.stack.files.ReportFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Pages per second on one thread: text PDFs (read, cleaned, split, identified) and scans (OCR by Tesseract with
 * one thread). Off by default: {@code -Dzhibiao.bench.files=true}; the numbers go to docs/PERFORMANCE.md.
 */
@EnabledIfSystemProperty(named = "zhibiao.bench.files", matches = "true")
class FilesBenchmarkTest {

    @Test
    void pagesPerSecond() {
        ReportIngestor ingestor = ReportIngestor.standard();
        StringBuilder text = new StringBuilder();
        for (String name : Samples.ALL) {
            text.append(Samples.text(name)).append('\n');
        }
        byte[] pdf = ReportFiles.pdf(text.toString(), "政府工作报告");
        for (int warm = 0; warm < 3; warm++) {
            ingestor.ingest(FileFormatsTest.file(pdf, "application/pdf", "warm.pdf"));
        }
        int runs = 5;
        long t0 = System.nanoTime();
        int pages = 0;
        for (int i = 0; i < runs; i++) {
            for (IngestedDocument d : ingestor.ingest(FileFormatsTest.file(pdf, "application/pdf", "bench.pdf"))) {
                pages = d.metadata().pages().count();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("text PDF: %d pages x %d runs in %.2f s: %.0f pages/s on one thread%n", pages, runs, s,
                pages * runs / s);

        TesseractOcr ocr = TesseractOcr.standard();
        Assumptions.assumeTrue(ocr.available(), ocr.describe());
        String part = OcrTest.firstPart(Samples.text(Samples.JINZHOU_2024), 6000);
        byte[] scan = ReportFiles.scanned(ReportFiles.pdf(part, "锦州市人民政府工作报告"), 200);
        long t1 = System.nanoTime();
        IngestedDocument doc = ingestor.ingest(FileFormatsTest.file(scan, "application/pdf", "scan.pdf")).get(0);
        double o = (System.nanoTime() - t1) / 1e9;
        int scanned = doc.metadata().pages().ocrPages().size();
        System.out.printf("scan (OCR, %s, 300 dpi): %d pages in %.1f s: %.2f pages/s, %.1f s a page, confidence %.0f%n",
                ocr.describe(), scanned, o, scanned / o, o / scanned, doc.metadata().pages().ocrConfidence());
    }
}
