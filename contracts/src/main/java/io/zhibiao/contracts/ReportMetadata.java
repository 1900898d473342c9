package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * What ingestion learned about a report.
 *
 * @param title         the report's title, as written or reconstructed
 * @param region        the issuing region, or null when the text does not say
 * @param docType       {@code work_report}, {@code five_year_plan} or {@code other}
 * @param year          the year of the report (a 2024 work report is delivered in early 2024)
 * @param reviewedYear  the year it looks back on (2023 for a 2024 work report)
 * @param speaker       who delivered it, when given (e.g. 锦州市人民政府市长 王心宇)
 * @param fragment      true when the text starts in the middle of a report
 * @param sourceUrl     where it came from
 * @param sourceName    the file name it came in, when known
 * @param indexInSource its position in the source (a bundle holds several reports), from 0
 * @param publishedAt   the publication date the page gives (发布时间), as written
 * @param publisher     the publishing site the page gives (信息来源)
 * @param foundBy       how each inferred field was found, by field name: {@code region → speaker},
 *                      {@code year → dateline}, … (the values are listed in docs/EXTRACTION.md); empty
 *                      when nothing was inferred
 * @param pages         for a paged source (PDF, Word, a scan): where its pages begin in the text and which were
 *                      read by OCR; null for text and HTML
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportMetadata(
        String title,
        Region region,
        String docType,
        Integer year,
        Integer reviewedYear,
        String speaker,
        boolean fragment,
        String sourceUrl,
        String sourceName,
        int indexInSource,
        String publishedAt,
        String publisher,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> foundBy,
        Pages pages) {

    public ReportMetadata {
        foundBy = foundBy == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(foundBy));
    }

    /** Metadata of a report that has no pages (text, HTML). */
    public ReportMetadata(String title, Region region, String docType, Integer year, Integer reviewedYear, String speaker,
                          boolean fragment, String sourceUrl, String sourceName, int indexInSource, String publishedAt,
                          String publisher, Map<String, String> foundBy) {
        this(title, region, docType, year, reviewedYear, speaker, fragment, sourceUrl, sourceName, indexInSource,
                publishedAt, publisher, foundBy, null);
    }

    /** The same metadata with the pages of its source. */
    public ReportMetadata withPages(Pages pages) {
        return new ReportMetadata(title, region, docType, year, reviewedYear, speaker, fragment, sourceUrl, sourceName,
                indexInSource, publishedAt, publisher, foundBy, pages);
    }

    /** The page that holds an offset of the text, or null for a source without pages. */
    public Integer pageAt(int offset) {
        return pages == null ? null : pages.pageAt(offset);
    }

    /** Metadata given rather than inferred: nothing to say about how it was found. */
    public ReportMetadata(String title, Region region, String docType, Integer year, Integer reviewedYear, String speaker,
                          boolean fragment, String sourceUrl, String sourceName, int indexInSource, String publishedAt,
                          String publisher) {
        this(title, region, docType, year, reviewedYear, speaker, fragment, sourceUrl, sourceName, indexInSource,
                publishedAt, publisher, Map.of(), null);
    }

    public String regionName() {
        return region == null ? null : region.name();
    }
}
