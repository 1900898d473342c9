package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The public input event on {@link Topics#RAW}: what an upstream scraper fetched.
 * Its JSON Schema is {@code schemas/raw-report.schema.json} in this module.
 *
 * @param sourceUrl     where the document was fetched from; also the record key
 * @param fetchedAt     when it was fetched
 * @param contentType   {@code text/plain} or {@code text/html}; for a file sent as {@code contentBase64}, its media type
 *                      ({@code application/pdf}, DOCX, DOC, WPS, RTF, ODT, a page image) or
 *                      {@code application/octet-stream} (detected from the bytes)
 * @param charset       the charset when known (UTF-8, GB18030, GBK, Big5); detected when absent
 * @param content       the document as text, or
 * @param contentBase64 the document's bytes, base64-encoded (use this when the charset is not UTF-8)
 * @param fileName      the file name, when the scraper has one
 * @param hints         what the scraper already knows (title, region, year); used when the text is silent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawReport(
        String sourceUrl,
        Instant fetchedAt,
        String contentType,
        String charset,
        String content,
        String contentBase64,
        String fileName,
        Hints hints) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hints(String title, String region, Integer year) {
    }

    public static RawReport text(String sourceUrl, String fileName, String text) {
        return new RawReport(sourceUrl, Instant.now(), "text/plain", "UTF-8", text, null, fileName, null);
    }
}
