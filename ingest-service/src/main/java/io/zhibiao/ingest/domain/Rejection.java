package io.zhibiao.ingest.domain;

/**
 * Why an input was refused. {@link #code()} is stable: dashboards, dead-letter filters and HTTP
 * clients key on it.
 */
public enum Rejection {
    /** The payload is not JSON, or not a JSON object. */
    NOT_JSON("not-json"),
    /** A CloudEvents envelope (structured or binary mode) that lacks a required attribute. */
    BAD_ENVELOPE("bad-envelope"),
    /** The JSON does not satisfy {@code schemas/raw-report.schema.json}. */
    SCHEMA_VIOLATION("schema-violation"),
    /** {@code contentBase64} is not base64. */
    BAD_BASE64("bad-base64"),
    /** Over the configured size limit (10 MB by default). */
    TOO_LARGE("too-large"),
    /** A media type this service does not read, or bytes of a format it does not read (an archive, a spreadsheet…). */
    UNSUPPORTED_CONTENT_TYPE("unsupported-content-type"),
    /** A declared charset that is not one of UTF-8, GB18030/GBK/GB2312, Big5. */
    UNSUPPORTED_CHARSET("unsupported-charset"),
    /** Bytes that are valid in none of the supported charsets, or binary. */
    UNDECODABLE("undecodable"),
    /** Nothing left once the page furniture is gone. */
    EMPTY_CONTENT("empty-content"),
    /** Text, but not Chinese: this system reads Chinese government reports only. */
    NO_CHINESE_TEXT("no-chinese-text"),
    /** A PDF or Office file protected by a password. */
    ENCRYPTED("encrypted"),
    /** A PDF, Word, WPS, RTF or ODT file that its reader cannot parse: truncated, damaged or not what it claims. */
    CORRUPT_FILE("corrupt-file"),
    /** A DOCX or ODT part that inflates far beyond its compressed size (a zip bomb). */
    ZIP_BOMB("zip-bomb"),
    /** More pages, or more scanned pages to OCR, than the limits allow. */
    TOO_MANY_PAGES("too-many-pages"),
    /** A scan (pages that are images without text) where no OCR engine is installed; replay it once one is. */
    OCR_UNAVAILABLE("ocr-unavailable"),
    /** OCR timed out (its time budget per document) or broke on a page. */
    OCR_FAILED("ocr-failed");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public RejectedInputException because(String reason) {
        return new RejectedInputException(this, reason);
    }

    public RejectedInputException because(String reason, Throwable cause) {
        return new RejectedInputException(this, reason, cause);
    }
}
