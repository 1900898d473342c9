package io.zhibiao.query.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An indicator fact as the {@code facts} index holds it: the fields of {@code corpus/SCHEMA.md}, the
 * report it was read from (documentId, title, reportYear) and the exact quote with its offsets and
 * passage: every number can be traced to the sentence that states it. From a paged source (PDF, Word, a
 * scan) also the {@code page} that holds the quote, from 1, and {@code ocr}, true when that page was read by
 * OCR (check the quote against the page); both absent for text and HTML.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fact(String id, String documentId, String passageId, String source, String region, String regionCode,
                   String province, String level, String docType, Integer reportYear, String title,
                   String indicator, String kind, boolean estimated, Integer period, String measure, double value,
                   @JsonProperty("value_max") Double valueMax, String unit, String qualifier, String quote,
                   int start, int end, Integer page, Boolean ocr) {

    public Fact {
        ocr = Boolean.TRUE.equals(ocr) ? Boolean.TRUE : null;
    }

    /** A fact from a source without pages (text, HTML). */
    public Fact(String id, String documentId, String passageId, String source, String region, String regionCode,
                String province, String level, String docType, Integer reportYear, String title,
                String indicator, String kind, boolean estimated, Integer period, String measure, double value,
                Double valueMax, String unit, String qualifier, String quote, int start, int end) {
        this(id, documentId, passageId, source, region, regionCode, province, level, docType, reportYear, title,
                indicator, kind, estimated, period, measure, value, valueMax, unit, qualifier, quote, start, end, null,
                null);
    }

    public Fact withId(String newId) {
        return new Fact(newId, documentId, passageId, source, region, regionCode, province, level, docType, reportYear,
                title, indicator, kind, estimated, period, measure, value, valueMax, unit, qualifier, quote, start, end,
                page, ocr);
    }

    /** The paragraph index of the passage ({@code doc:p12} → 12), or null. */
    public Integer paragraph() {
        if (passageId == null) {
            return null;
        }
        int at = passageId.lastIndexOf(":p");
        try {
            return at < 0 ? null : Integer.valueOf(passageId.substring(at + 2));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
