package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One economic indicator fact, in the shape of {@code corpus/SCHEMA.md}, with its provenance.
 *
 * @param source     the file the document came from (command line), or the source name
 * @param documentId the document it was read from
 * @param region     the issuing region's full name
 * @param indicator  a canonical indicator id, e.g. {@code gdp}
 * @param kind       {@code actual}, {@code target} or {@code plan_target}
 * @param estimated  true when the text marks an actual as preliminary (预计, 初步核算)
 * @param period     the year the fact is about
 * @param measure    {@code growth_pct}, {@code level}, {@code share_pct}, {@code rank}, {@code count}
 * @param value      the number; negative for a fall; the lower bound of a range
 * @param valueMax   the upper bound of a range, else null
 * @param unit       the normalised unit
 * @param qualifier  {@code about}, {@code above}, {@code at_most}, {@code range}, or null
 * @param quote      the exact clause of the text that states the fact
 * @param start      offset of the quote in the document text
 * @param end        end offset (exclusive) of the quote
 * @param paragraph  index of the paragraph that holds the quote (the passage), when known
 * @param foundBy    how the region and the period were found: {@code region} as the document's metadata says
 *                   (title, speaker, dateline, …), {@code period} one of clause, plan, paragraph, change, document
 *                   (see docs/EXTRACTION.md); empty when not known
 * @param page       the page of the source (PDF, Word, a scan) that holds the quote, from 1; null for text and HTML
 * @param ocr        true when that page was read by OCR (check the quote against the page image); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "documentId", "region", "indicator", "kind", "estimated", "period", "measure",
        "value", "value_max", "unit", "qualifier", "quote", "start", "end", "paragraph", "page", "ocr", "foundBy"})
public record IndicatorFact(
        String source,
        String documentId,
        String region,
        String indicator,
        String kind,
        boolean estimated,
        Integer period,
        String measure,
        double value,
        @JsonProperty("value_max") Double valueMax,
        String unit,
        String qualifier,
        String quote,
        int start,
        int end,
        Integer paragraph,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> foundBy,
        Integer page,
        Boolean ocr) {

    public IndicatorFact {
        foundBy = foundBy == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(foundBy));
        ocr = Boolean.TRUE.equals(ocr) ? Boolean.TRUE : null;
    }

    /** A fact with its paragraph and how it was placed, from a source without pages. */
    public IndicatorFact(String source, String documentId, String region, String indicator, String kind,
                         boolean estimated, Integer period, String measure, double value, Double valueMax, String unit,
                         String qualifier, String quote, int start, int end, Integer paragraph,
                         Map<String, String> foundBy) {
        this(source, documentId, region, indicator, kind, estimated, period, measure, value, valueMax, unit, qualifier,
                quote, start, end, paragraph, foundBy, null, null);
    }

    /** A fact with its paragraph but nothing said of how its region and period were found. */
    public IndicatorFact(String source, String documentId, String region, String indicator, String kind,
                         boolean estimated, Integer period, String measure, double value, Double valueMax, String unit,
                         String qualifier, String quote, int start, int end, Integer paragraph) {
        this(source, documentId, region, indicator, kind, estimated, period, measure, value, valueMax, unit, qualifier,
                quote, start, end, paragraph, Map.of());
    }

    /** A fact whose paragraph is not known yet. */
    public IndicatorFact(String source, String documentId, String region, String indicator, String kind,
                         boolean estimated, Integer period, String measure, double value, Double valueMax, String unit,
                         String qualifier, String quote, int start, int end) {
        this(source, documentId, region, indicator, kind, estimated, period, measure, value, valueMax, unit, qualifier,
                quote, start, end, null, Map.of());
    }

    public IndicatorFact withProvenance(String source, String documentId) {
        return new IndicatorFact(source, documentId, region, indicator, kind, estimated, period, measure, value,
                valueMax, unit, qualifier, quote, start, end, paragraph, foundBy, page, ocr);
    }

    public IndicatorFact withParagraph(Integer paragraph) {
        return new IndicatorFact(source, documentId, region, indicator, kind, estimated, period, measure, value,
                valueMax, unit, qualifier, quote, start, end, paragraph, foundBy, page, ocr);
    }

    /**
     * The fact placed in its report: the paragraph that holds the quote (when not known yet), and for a paged
     * source the page and whether that page was read by OCR.
     */
    public IndicatorFact placedIn(SegmentedReport report) {
        Integer p = paragraph != null ? paragraph : report.paragraphAt(start);
        Pages pages = report.metadata() == null ? null : report.metadata().pages();
        Integer pg = pages == null ? page : pages.pageAt(start);
        Boolean o = pages == null ? ocr : Boolean.valueOf(pages.isOcr(pg));
        return new IndicatorFact(source, documentId, region, indicator, kind, estimated, period, measure, value,
                valueMax, unit, qualifier, quote, start, end, p, foundBy, pg, o);
    }
}
