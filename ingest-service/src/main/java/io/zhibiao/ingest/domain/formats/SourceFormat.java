package io.zhibiao.ingest.domain.formats;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a report can arrive in. Text and HTML are decoded as characters; the others are files, read by
 * {@link DocumentReaders} into pages of text. A format is known from the declared media type, the file name or,
 * first of all, the bytes themselves: a scraper that labels a PDF {@code text/html} still sends a PDF.
 */
public enum SourceFormat {
    TEXT("text", false),
    HTML("html", false),
    PDF("pdf", true),
    DOCX("docx", true),
    /** Word 97–2003 (OLE2 with a WordDocument stream). */
    DOC("doc", true),
    /** Kingsoft WPS Writer: an OLE2 file with the same WordDocument stream as a .doc. */
    WPS("wps", true),
    RTF("rtf", true),
    ODT("odt", true),
    /** A page image (PNG, JPEG, TIFF): one scanned page, read by OCR. */
    IMAGE("image", true);

    private final String code;
    private final boolean file;

    SourceFormat(String code, boolean file) {
        this.code = code;
        this.file = file;
    }

    /** The name in {@code Pages.format} and in the docs. */
    public String code() {
        return code;
    }

    /** True for the formats read into pages rather than decoded as characters. */
    public boolean isFile() {
        return file;
    }

    /** The format a media type names, or empty for one this service does not read. */
    public static Optional<SourceFormat> ofMediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (type) {
            case "text/plain" -> TEXT;
            case "text/html", "application/xhtml+xml" -> HTML;
            case "application/pdf", "application/x-pdf" -> PDF;
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> DOCX;
            case "application/msword" -> DOC;
            case "application/vnd.ms-works", "application/kswps", "application/wps-office.wps",
                    "application/vnd.wps-office.wps" -> WPS;
            case "application/rtf", "text/rtf" -> RTF;
            case "application/vnd.oasis.opendocument.text" -> ODT;
            case "image/png", "image/jpeg", "image/tiff" -> IMAGE;
            default -> null;
        });
    }

    /** The format a file name's extension names, or empty. */
    public static Optional<SourceFormat> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (lower.substring(dot + 1)) {
            case "txt", "text" -> TEXT;
            case "html", "htm", "shtml", "xhtml" -> HTML;
            case "pdf" -> PDF;
            case "docx" -> DOCX;
            case "doc" -> DOC;
            case "wps" -> WPS;
            case "rtf" -> RTF;
            case "odt" -> ODT;
            case "png", "jpg", "jpeg", "tif", "tiff" -> IMAGE;
            default -> null;
        });
    }

    /**
     * The content type to send a file of this name with: text and HTML as what they are, any other format this
     * service reads as {@code application/octet-stream} (ingest finds it from the bytes), and a name it does not
     * know as {@code text/plain}.
     */
    public static String contentTypeFor(String fileName) {
        return ofFileName(fileName).map(f -> switch (f) {
            case TEXT -> "text/plain";
            case HTML -> "text/html";
            default -> "application/octet-stream";
        }).orElse("text/plain");
    }

    /**
     * The format the bytes are, by their first bytes, or empty when they are not a file format this service
     * knows (then they are text or HTML, or something it refuses). An OLE2 or ZIP container is told apart by the
     * hint: a ZIP is a DOCX or an ODT, an OLE2 file a DOC or a WPS.
     */
    public static Optional<SourceFormat> sniff(byte[] bytes, SourceFormat hint) {
        if (starts(bytes, "%PDF-") || within(bytes, 1024, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (starts(bytes, "{\\rtf")) {
            return Optional.of(RTF);
        }
        if (starts(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            if (within(bytes, 256, "mimetypeapplication/vnd.oasis.opendocument.text")) {
                return Optional.of(ODT);
            }
            return hint == ODT ? Optional.of(ODT) : nearEnds(bytes, "word/document.xml") || hint == DOCX
                    ? Optional.of(DOCX) : Optional.empty();
        }
        if (starts(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of(hint == WPS ? WPS : DOC);
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G') || starts(bytes, 0xFF, 0xD8, 0xFF)
                || starts(bytes, 'I', 'I', 42, 0) || starts(bytes, 'M', 'M', 0, 42)) {
            return Optional.of(IMAGE);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the ASCII text occurs in the first or the last 64 KiB (a ZIP's central directory is at its end). */
    private static boolean nearEnds(byte[] bytes, String text) {
        if (within(bytes, 65536, text)) {
            return true;
        }
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = Math.max(0, bytes.length - 65536); i <= bytes.length - t.length; i++) {
            int j = 0;
            while (j < t.length && bytes[i + j] == t[j]) {
                j++;
            }
            if (j == t.length) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII text occurs in the first {@code limit} bytes (a PDF may have junk before its header). */
    private static boolean within(byte[] bytes, int limit, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        int end = Math.min(bytes.length, limit) - t.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < t.length; j++) {
                if (bytes[i + j] != t[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
