package io.zhibiao.index.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhibiao.contracts.SegmentedReport;

import java.time.Instant;
import java.util.List;

/**
 * A report as the {@code reports} index holds it: metadata, full text and section tree. A report from a paged
 * source (PDF, Word, a scan) also has {@code format}, {@code pageCount}, {@code ocr} (true when some of its pages
 * were read by OCR, false otherwise), {@code ocrConfidence} (OCR's mean word confidence, 0–100, when some were),
 * and, for the reader, kept but not indexed: {@code pageStarts}, flat pairs {@code [page, offset, page, offset, …]}
 * where each page that holds its text begins in {@code text}, and {@code ocrPages}, the pages read by OCR. A text
 * or HTML report has none of these fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportDoc(String documentId, String title, String region, String regionCode, String province,
                        String level, String docType, Integer year, Integer reviewedYear, String speaker,
                        boolean fragment, String sourceUrl, String sourceName, int indexInSource, String publishedAt,
                        String publisher, int chars, int passageCount, String format, Integer pageCount, Boolean ocr,
                        Double ocrConfidence, List<Integer> pageStarts, List<Integer> ocrPages, String text,
                        List<SegmentedReport.Section> sections, Instant indexedAt) {
}
