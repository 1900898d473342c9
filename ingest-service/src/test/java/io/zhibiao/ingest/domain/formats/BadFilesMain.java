package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.stack.files.ReportFiles;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Run by {@link BadFilesTest} in a JVM with a small heap: each bad file once, then a long PDF; prints the codes. */
public final class BadFilesMain {
    private BadFilesMain() {
    }

    public static void main(String[] args) {
        String text = Samples.text(Samples.JINZHOU_2024);
        ReportIngestor ingestor = ReportIngestor.standard()
                .withFiles(new DocumentReaders(Ocr.none("no OCR in this test"), DocumentLimits.standard()));
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("bomb.docx", ReportFiles.zipBombDocx(300));
        bad.put("big.pdf", ReportFiles.manyPagesPdf(10_000));
        bad.put("locked.pdf", ReportFiles.encryptedPdf(text));
        bad.put("broken.pdf", ReportFiles.corruptPdf(text));
        bad.put("scan.pdf", ReportFiles.scanned(ReportFiles.pdf(OcrTest.firstPart(text, 3000), null), 100));
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            try {
                ingestor.ingest(FileFormatsTest.file(e.getValue(), "application/octet-stream", e.getKey()));
                System.out.println(e.getKey() + ": read (unexpected)");
                System.exit(2);
            } catch (RejectedInputException r) {
                System.out.println(e.getKey() + ": " + r.code() + " (" + r.reason() + ")");
            }
        }
        StringBuilder longText = new StringBuilder();
        while (longText.length() < 300 * 1400) {
            longText.append(text).append('\n');
        }
        byte[] pdf = ReportFiles.pdf(longText.toString(), "锦州市人民政府工作报告");
        long t0 = System.nanoTime();
        IngestedDocument doc = ingestor.ingest(FileFormatsTest.file(pdf, "application/pdf", "long.pdf")).get(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int pages = doc.metadata().pages().count();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("read %d pages (%,d bytes of PDF) in %.1f s: %.0f pages/s; heap peak %d MB%n", pages,
                pdf.length, seconds, pages / seconds, peak >> 20);
        if (pages < 300) {
            System.out.println("read " + pages + " pages only");
        }
        System.exit(0);
    }
}
