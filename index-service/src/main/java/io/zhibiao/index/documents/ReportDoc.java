package io.zhibiao.index.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhibiao.contracts.SegmentedReport;

import java.time.Instant;
import java.util.List;

/** A report as the {@code reports} index holds it: metadata, full text and section tree. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportDoc(String documentId, String title, String region, String regionCode, String province,
                        String level, String docType, Integer year, Integer reviewedYear, String speaker,
                        boolean fragment, String sourceUrl, String sourceName, int indexInSource, String publishedAt,
                        String publisher, int chars, int passageCount, String text,
                        List<SegmentedReport.Section> sections, Instant indexedAt) {
}
