package io.zhibiao.cli.load;

import io.zhibiao.contracts.RawReport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * One synthetic input: the bytes a scraper would have fetched, how it would publish them, and what the
 * pipeline must make of it.
 *
 * @param serial      its number in the corpus, from 0
 * @param fileName    a file name of its own, e.g. {@code r00042.txt}
 * @param sourceUrl   a source URL of its own (the same URL twice would make the second a new version of the first)
 * @param encoding    how the input travels
 * @param bytes       the document's bytes, as in the file the generator writes
 * @param fetchedAt   a fixed fetch time, so that the event is the same on every run
 * @param base        the sample report it was derived from
 * @param expected    what ingestion, segmentation and extraction make of it
 */
public record GeneratedReport(int serial, String fileName, String sourceUrl, Encoding encoding, byte[] bytes,
                              Instant fetchedAt, String base, Expected expected) {

    /** How a generated input is sent. */
    public enum Encoding {
        /** text/plain in the {@code content} field. */
        UTF8_TEXT("text/plain", StandardCharsets.UTF_8),
        /** text/plain as GB18030 bytes in {@code contentBase64}, charset not declared (ingestion detects it). */
        GB18030_BASE64("text/plain", Charset.forName("GB18030")),
        /** A web page (text/html) in the {@code content} field. */
        HTML("text/html", StandardCharsets.UTF_8);

        private final String contentType;
        private final Charset charset;

        Encoding(String contentType, Charset charset) {
            this.contentType = contentType;
            this.charset = charset;
        }

        public String contentType() {
            return contentType;
        }

        public Charset charset() {
            return charset;
        }

        public String extension() {
            return this == HTML ? ".html" : ".txt";
        }
    }

    /** The event for reports.raw (or the JSON body of POST /api/reports). */
    public RawReport toRawReport() {
        return switch (encoding) {
            case UTF8_TEXT, HTML -> new RawReport(sourceUrl, fetchedAt, encoding.contentType(), "UTF-8",
                    new String(bytes, StandardCharsets.UTF_8), null, fileName, null);
            case GB18030_BASE64 -> new RawReport(sourceUrl, fetchedAt, encoding.contentType(), null, null,
                    Base64.getEncoder().encodeToString(bytes), fileName, null);
        };
    }
}
