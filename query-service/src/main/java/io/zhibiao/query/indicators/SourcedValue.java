package io.zhibiao.query.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A number with where it comes from: the report (documentId, title, year), the passage and the exact
 * quote with its offsets, and from a paged source the page of the quote ({@code ocr} when that page was read
 * by OCR). Every number the comparison, the series and the panel answer with is one of these.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourcedValue(double value, @JsonProperty("value_max") Double valueMax, String unit, String qualifier,
                           boolean estimated, String kind, Integer period, String factId, String documentId,
                           String passageId, Integer paragraph, String title, Integer reportYear, String quote,
                           int start, int end, Integer page, Boolean ocr) {

    public static SourcedValue of(Fact f) {
        return new SourcedValue(f.value(), f.valueMax(), f.unit(), f.qualifier(), f.estimated(), f.kind(), f.period(),
                f.id(), f.documentId(), f.passageId(), f.paragraph(), f.title(), f.reportYear(), f.quote(), f.start(),
                f.end(), f.page(), f.ocr());
    }
}
