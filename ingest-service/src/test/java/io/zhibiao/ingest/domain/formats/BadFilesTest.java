package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.stack.files.ReportFiles;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that cannot be read get their reason code, within bounded memory. */
class BadFilesTest {
    private static final String TEXT = OcrTest.firstPart(Samples.text(Samples.JINZHOU_2024), 2000);
    private static final ReportIngestor NO_OCR = ReportIngestor.standard()
            .withFiles(new DocumentReaders(Ocr.none("tesseract is not installed (test)"), DocumentLimits.standard()));

    static void refused(ReportIngestor ingestor, byte[] bytes, String type, String name, String code, String reason) {
        assertThatThrownBy(() -> ingestor.ingest(FileFormatsTest.file(bytes, type, name)))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.reason()).contains(reason);
                });
    }

    /** An OCR engine that is there and reads pages as {@code read} says. */
    static Ocr engine(String description, java.util.function.BiFunction<java.awt.image.BufferedImage, Duration, Ocr.Result> read) {
        return new Ocr() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public Result read(java.awt.image.BufferedImage page, Duration timeout) {
                return read.apply(page, timeout);
            }
        };
    }

    @Test
    void aPasswordProtectedPdf() {
        refused(NO_OCR, ReportFiles.encryptedPdf(TEXT), "application/pdf", "a.pdf", "encrypted", "password");
    }

    @Test
    void aCorruptPdf() {
        refused(NO_OCR, ReportFiles.corruptPdf(TEXT), "application/pdf", "a.pdf", "corrupt-file", "PDF");
    }

    @Test
    void aCorruptDocx() {
        byte[] docx = ReportFiles.docx(TEXT, 0);
        byte[] cut = java.util.Arrays.copyOf(docx, docx.length / 2);
        refused(NO_OCR, cut, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a.docx",
                "corrupt-file", "DOCX");
    }

    @Test
    void aZipBombInsideADocx() {
        refused(NO_OCR, ReportFiles.zipBombDocx(300), "application/octet-stream", "bomb.docx", "zip-bomb", "zip bomb");
    }

    @Test
    void tenThousandPages() {
        refused(NO_OCR, ReportFiles.manyPagesPdf(10_000), "application/pdf", "big.pdf", "too-many-pages", "10,000 pages");
    }

    @Test
    void aScanWithoutOcr() {
        byte[] scan = ReportFiles.scanned(ReportFiles.pdf(TEXT, null), 100);
        refused(NO_OCR, scan, "application/pdf", "scan.pdf", "ocr-unavailable", "tesseract is not installed");
        refused(NO_OCR, ReportFiles.pageImage(ReportFiles.pdf(TEXT, null), 0, 100), "image/png", "page.png",
                "ocr-unavailable", "page image");
    }

    @Test
    void tooManyScannedPagesForTheOcrBound() {
        Ocr never = engine("a fake engine", (page, timeout) -> {
            throw new AssertionError("the bound must refuse before any page is read");
        });
        ReportIngestor bounded = ReportIngestor.standard()
                .withFiles(new DocumentReaders(never, DocumentLimits.standard().withOcr(1, Duration.ofMinutes(1))));
        byte[] scan = ReportFiles.scanned(ReportFiles.pdf(TEXT + "\n" + TEXT, null), 72);
        refused(bounded, scan, "application/pdf", "scan.pdf", "too-many-pages", "scanned pages to OCR");
    }

    @Test
    void anOcrThatRunsOutOfTimeFailsTheDocumentNotTheService() {
        Ocr slow = engine("a slow engine", (page, timeout) -> {
            throw new Ocr.OcrException("took longer than " + timeout.toMillis() + " ms on a page");
        });
        ReportIngestor bounded = ReportIngestor.standard()
                .withFiles(new DocumentReaders(slow, DocumentLimits.standard().withOcr(10, Duration.ofSeconds(1))));
        refused(bounded, ReportFiles.scanned(ReportFiles.pdf(TEXT, null), 72), "application/pdf", "scan.pdf",
                "ocr-failed", "took longer");
    }

    /**
     * Every bad file above, and a 300-page text PDF, read in a JVM with a 256 MB heap: none may run it out of
     * memory (the zip bomb would inflate to 300 MB, the PDF streams are cached on disk).
     */
    @Test
    void badFilesStayWithinAHeapOf256Megabytes() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BadFilesMain.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("zip-bomb", "too-many-pages", "encrypted", "corrupt-file", "ocr-unavailable")
                .containsPattern("read [3-9]\\d\\d pages").doesNotContain("pages only");
    }
}
