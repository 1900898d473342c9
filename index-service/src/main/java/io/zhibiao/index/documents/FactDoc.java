package io.zhibiao.index.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An indicator fact as the {@code facts} index holds it: the SCHEMA fields, provenance and the report's metadata;
 * from a paged source the {@code page} that holds the quote and {@code ocr}, true when that page was read by OCR
 * (absent otherwise, and both absent for text and HTML).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FactDoc(String documentId, String passageId, String source, String region, String regionCode,
                      String province, String level, String docType, Integer reportYear, String title,
                      String indicator, String kind, boolean estimated, Integer period, String measure, double value,
                      @JsonProperty("value_max") Double valueMax, String unit, String qualifier, String quote,
                      int start, int end, Integer page, Boolean ocr) {

    public static String id(String documentId, int ordinal) {
        return documentId + ":f" + ordinal;
    }
}
