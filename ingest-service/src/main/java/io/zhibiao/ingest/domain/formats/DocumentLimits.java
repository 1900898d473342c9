package io.zhibiao.ingest.domain.formats;

import java.time.Duration;

/**
 * Bounds on the work one file may cost, so that no document can hold the service: pages read, pages and time
 * spent on OCR, characters of text taken out, and how far a compressed part may inflate.
 *
 * @param maxPages        a file with more pages is refused ({@code too-many-pages})
 * @param maxOcrPages     a scan with more pages without a text layer than this is refused ({@code too-many-pages})
 * @param ocrBudget       the OCR of one document may take this long in all ({@code ocr-failed} when it is spent)
 * @param maxChars        text beyond this many characters is refused ({@code too-large})
 * @param maxInflateRatio a compressed part of a DOCX/ODT that inflates more than this many times is a zip bomb
 * @param maxPartBytes    no part of a DOCX/ODT may inflate beyond this many bytes
 */
public record DocumentLimits(int maxPages, int maxOcrPages, Duration ocrBudget, int maxChars, double maxInflateRatio,
                             long maxPartBytes) {

    /** 2,000 pages (a plan outline has 100–200), 200 scanned pages in 10 minutes, 5 M characters. */
    public static DocumentLimits standard() {
        return new DocumentLimits(2000, 200, Duration.ofMinutes(10), 5_000_000, 100, 256L * 1024 * 1024);
    }

    public DocumentLimits withOcr(int maxOcrPages, Duration ocrBudget) {
        return new DocumentLimits(maxPages, maxOcrPages, ocrBudget, maxChars, maxInflateRatio, maxPartBytes);
    }

    public DocumentLimits withMaxPages(int maxPages) {
        return new DocumentLimits(maxPages, maxOcrPages, ocrBudget, maxChars, maxInflateRatio, maxPartBytes);
    }
}
