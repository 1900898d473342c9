package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.words.HanScript;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.clean.PageCleaner;
import io.zhibiao.ingest.domain.clean.PageCleaner.CleanedPage;
import io.zhibiao.ingest.domain.clean.PageCleaner.PageFact;
import io.zhibiao.ingest.domain.decode.BinaryFormat;
import io.zhibiao.ingest.domain.decode.HtmlText;
import io.zhibiao.ingest.domain.decode.TextDecoder;
import io.zhibiao.ingest.domain.decode.TextNormalizer;
import io.zhibiao.ingest.domain.metadata.MetadataDetector;
import io.zhibiao.ingest.domain.region.RegionResolver;
import io.zhibiao.ingest.domain.split.BundleSplitter;
import io.zhibiao.ingest.domain.split.BundleSplitter.Segment;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Raw input to clean reports: decode, turn HTML into text, normalise, remove page furniture,
 * split bundles, detect metadata, give each report its id. Plain Java, no I/O besides loading
 * the region list once; thread-safe and reusable.
 */
public final class ReportIngestor {
    /** The default limit on the size of one input's content: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** Fewer Han characters than this is not a Chinese report. */
    static final int MIN_HAN_CHARS = 10;
    /** Han characters must be at least this share of the letters (Han + Latin). */
    static final double MIN_HAN_SHARE = 0.2;
    /** Control characters above this share of the text mean binary data, not text. */
    static final double MAX_CONTROL_SHARE = 0.005;

    private final long maxBytes;
    private final TextDecoder decoder = new TextDecoder();
    private final PageCleaner cleaner = new PageCleaner();
    private final BundleSplitter splitter = new BundleSplitter();
    private final MetadataDetector detector;

    private ReportIngestor(long maxBytes, RegionResolver regions) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.detector = new MetadataDetector(regions);
    }

    /** With the vendored region list and the default size limit. */
    public static ReportIngestor standard() {
        return new ReportIngestor(DEFAULT_MAX_BYTES, RegionResolver.standard());
    }

    /** The same ingestor with another size limit (bytes of content, after base64 decoding). */
    public ReportIngestor withMaxBytes(long maxBytes) {
        return new ReportIngestor(maxBytes, RegionResolver.standard());
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Raw input → one clean document per report in it; throws {@link RejectedInputException} for bad input. */
    public List<IngestedDocument> ingest(RawReport raw) {
        if (raw == null) {
            throw Rejection.SCHEMA_VIOLATION.because("no report was given");
        }
        String mediaType = mediaType(raw.contentType());
        String text = text(raw, mediaType);
        if (hasTooManyControls(text)) {
            throw Rejection.UNDECODABLE.because("the content is binary data, not text");
        }
        boolean html = mediaType.equals("text/html") || mediaType.equals("text/plain") && HtmlText.looksLikeHtml(text);
        if (html) {
            text = HtmlText.toText(text);
        }
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            throw Rejection.EMPTY_CONTENT.because("the content is empty" + (html ? " once the HTML markup is removed" : ""));
        }
        CleanedPage page = cleaner.clean(normalized);
        if (page.isEmpty()) {
            throw Rejection.EMPTY_CONTENT.because("the content is empty after cleaning: it was all page furniture");
        }
        checkChinese(page.text());

        List<Segment> segments = splitter.split(page.lines());
        List<IngestedDocument> documents = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (hanCount(segment.text()) < MIN_HAN_CHARS) {
                continue;
            }
            String reportText = segment.text();
            String id = DocumentId.of(reportText);
            if (!seen.add(id)) {
                continue; // the same report twice in one bundle
            }
            MetadataDetector.PageContext context = new MetadataDetector.PageContext(
                    raw.sourceUrl(), raw.fileName(), segments.size() == 1 ? raw.hints() : null,
                    fact(page, segment, segments.get(0).firstLine(), true),
                    fact(page, segment, segments.get(0).firstLine(), false));
            ReportMetadata metadata = detector.detect(renumbered(segment, documents.size()), context);
            documents.add(new IngestedDocument(id, metadata, reportText));
        }
        if (documents.isEmpty()) {
            throw Rejection.EMPTY_CONTENT.because("the content holds no report text after cleaning");
        }
        return List.copyOf(documents);
    }

    private static Segment renumbered(Segment s, int index) {
        return s.index() == index ? s : new Segment(index, s.lines(), s.firstLine(), s.title());
    }

    /** "text/html; charset=gbk" → "text/html"; anything but text/plain and text/html is refused. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "text/plain";
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/plain", "text/html" -> type;
            case "application/xhtml+xml" -> "text/html";
            default -> throw Rejection.UNSUPPORTED_CONTENT_TYPE.because(
                    "content type '" + contentType + "' is not supported; send text/plain or text/html");
        };
    }

    private static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }

    private String text(RawReport raw, String mediaType) {
        boolean hasText = raw.content() != null;
        boolean hasBytes = raw.contentBase64() != null;
        if (hasText == hasBytes) {
            throw Rejection.SCHEMA_VIOLATION.because(hasText
                    ? "both content and contentBase64 are given; send exactly one"
                    : "neither content nor contentBase64 is given; send exactly one");
        }
        if (hasText) {
            String content = raw.content();
            long size = utf8Length(content);
            if (size > maxBytes) {
                throw tooLarge(size);
            }
            if (content.isBlank()) {
                throw Rejection.EMPTY_CONTENT.because("content is empty");
            }
            return content;
        }
        String base64 = raw.contentBase64().replaceAll("\\s", "");
        if (base64.length() / 4L * 3 > maxBytes + 3) {
            throw tooLarge(base64.length() / 4L * 3);
        }
        byte[] bytes = decodeBase64(base64);
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length);
        }
        if (bytes.length == 0) {
            throw Rejection.EMPTY_CONTENT.because("contentBase64 holds no bytes");
        }
        BinaryFormat.of(bytes).ifPresent(format -> {
            throw Rejection.UNSUPPORTED_CONTENT_TYPE.because(
                    "the content is " + format.description() + ", not text or HTML; send its text");
        });
        String declared = raw.charset() != null ? raw.charset() : charsetParameter(raw.contentType());
        return decoder.decode(bytes, declared, mediaType.equals("text/html")).text();
    }

    private static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException e2) {
                throw Rejection.BAD_BASE64.because("contentBase64 is not valid base64: " + e.getMessage(), e);
            }
        }
    }

    private RejectedInputException tooLarge(long size) {
        return Rejection.TOO_LARGE.because(String.format(Locale.ROOT,
                "the content is %,d bytes, over the limit of %,d bytes", size, maxBytes));
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static boolean hasTooManyControls(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > Math.max(2, text.length() * MAX_CONTROL_SHARE);
    }

    private static void checkChinese(String text) {
        long han = hanCount(text);
        long latin = text.chars().filter(c -> c < 0x80 && Character.isLetter(c)).count();
        if (han < MIN_HAN_CHARS || han < MIN_HAN_SHARE * (han + latin)) {
            throw Rejection.NO_CHINESE_TEXT.because(String.format(Locale.ROOT,
                    "the text holds %d Chinese characters and %d Latin letters; this service reads Chinese reports",
                    han, latin));
        }
    }

    static long hanCount(String text) {
        return HanScript.count(text);
    }

    /** The page's publication date (or source) nearest this report: stated inside it, else in the page's head. */
    private static String fact(CleanedPage page, Segment segment, int pageHeadEnd, boolean date) {
        String inside = null;
        String head = null;
        for (PageFact f : page.facts()) {
            String value = date ? f.publishedAt() : f.publisher();
            if (value == null) {
                continue;
            }
            if (f.position() > segment.firstLine() && f.position() <= segment.endLine() && inside == null) {
                inside = value;
            } else if (f.position() <= pageHeadEnd && head == null) {
                head = value;
            }
        }
        return inside != null ? inside : head;
    }
}
