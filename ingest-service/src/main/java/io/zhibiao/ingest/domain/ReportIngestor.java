package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.words.HanScript;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.Pages;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.clean.PageCleaner;
import io.zhibiao.ingest.domain.clean.PageCleaner.CleanedPage;
import io.zhibiao.ingest.domain.clean.PageCleaner.PageFact;
import io.zhibiao.ingest.domain.decode.BinaryFormat;
import io.zhibiao.ingest.domain.decode.HtmlText;
import io.zhibiao.ingest.domain.decode.TextDecoder;
import io.zhibiao.ingest.domain.decode.TextNormalizer;
import io.zhibiao.ingest.domain.formats.DocumentReaders;
import io.zhibiao.ingest.domain.formats.PagedText;
import io.zhibiao.ingest.domain.formats.SourceFormat;
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
    private final RegionResolver regions;
    private final DocumentReaders files;

    private ReportIngestor(long maxBytes, RegionResolver regions, DocumentReaders files) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.regions = regions;
        this.detector = new MetadataDetector(regions);
        this.files = files;
    }

    /** With the vendored region list, the default size limit, Tesseract from the PATH and the standard limits. */
    public static ReportIngestor standard() {
        return new ReportIngestor(DEFAULT_MAX_BYTES, RegionResolver.standard(), DocumentReaders.standard());
    }

    /** The same ingestor with another size limit (bytes of content, after base64 decoding). */
    public ReportIngestor withMaxBytes(long maxBytes) {
        return new ReportIngestor(maxBytes, regions, files);
    }

    /** The same ingestor reading files (PDF, Word, scans) with these readers: another OCR, other limits. */
    public ReportIngestor withFiles(DocumentReaders files) {
        return new ReportIngestor(maxBytes, regions, files);
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Raw input → one clean document per report in it; throws {@link RejectedInputException} for bad input. */
    public List<IngestedDocument> ingest(RawReport raw) {
        if (raw == null) {
            throw Rejection.SCHEMA_VIOLATION.because("no report was given");
        }
        SourceFormat declared = declaredFormat(raw);
        boolean hasText = raw.content() != null;
        if (hasText == (raw.contentBase64() != null)) {
            throw Rejection.SCHEMA_VIOLATION.because(hasText
                    ? "both content and contentBase64 are given; send exactly one"
                    : "neither content nor contentBase64 is given; send exactly one");
        }
        if (hasText) {
            if (declared.isFile()) {
                throw Rejection.UNSUPPORTED_CONTENT_TYPE.because("contentType '" + raw.contentType() + "' is a file"
                        + " format; send its bytes as contentBase64, not as content");
            }
            return fromText(raw, checkedContent(raw.content()), declared == SourceFormat.HTML);
        }
        byte[] bytes = bytes(raw.contentBase64());
        SourceFormat format = SourceFormat.sniff(bytes, declared.isFile() ? declared
                : SourceFormat.ofFileName(raw.fileName()).orElse(declared)).orElse(declared);
        if (format.isFile()) {
            return fromFile(raw, files.read(bytes, format));
        }
        BinaryFormat.of(bytes).ifPresent(binary -> {
            throw Rejection.UNSUPPORTED_CONTENT_TYPE.because("the content is " + binary.description()
                    + ", which this service does not read; send the report's text, HTML, PDF, Word, WPS, RTF or ODT");
        });
        String charset = raw.charset() != null ? raw.charset() : charsetParameter(raw.contentType());
        return fromText(raw, decoder.decode(bytes, charset, format == SourceFormat.HTML).text(),
                format == SourceFormat.HTML);
    }

    private List<IngestedDocument> fromText(RawReport raw, String text, boolean declaredHtml) {
        if (hasTooManyControls(text)) {
            throw Rejection.UNDECODABLE.because("the content is binary data, not text");
        }
        boolean html = declaredHtml || HtmlText.looksLikeHtml(text);
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
        return documents(raw, page, null, null);
    }

    /** A file's pages: each normalised on its own, so that every line knows its page through cleaning and splitting. */
    private List<IngestedDocument> fromFile(RawReport raw, PagedText file) {
        List<String> lines = new ArrayList<>();
        List<Integer> pageOfLine = new ArrayList<>();
        for (PagedText.Page p : file.pages()) {
            String normalized = TextNormalizer.normalize(p.text());
            if (normalized.isEmpty()) {
                continue;
            }
            for (String line : normalized.split("\n")) {
                lines.add(line);
                pageOfLine.add(p.number());
            }
        }
        if (lines.isEmpty()) {
            throw Rejection.EMPTY_CONTENT.because("the " + file.format().code() + " file holds no text"
                    + (file.ocrPages().isEmpty() ? "" : ", and OCR found none on its scanned pages"));
        }
        CleanedPage page = cleaner.clean(String.join("\n", lines));
        if (page.isEmpty()) {
            throw Rejection.EMPTY_CONTENT.because("the file's text is empty after cleaning: it was all page furniture");
        }
        return documents(raw, page, pageOfLine, file);
    }

    private List<IngestedDocument> documents(RawReport raw, CleanedPage page, List<Integer> pageOfLine, PagedText file) {
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
            if (file != null) {
                metadata = metadata.withPages(pages(segment, page, pageOfLine, file));
            }
            documents.add(new IngestedDocument(id, metadata, reportText));
        }
        if (documents.isEmpty()) {
            throw Rejection.EMPTY_CONTENT.because("the content holds no report text after cleaning");
        }
        return List.copyOf(documents);
    }

    /** Where each page begins in the segment's text, and which of its pages were OCR'd. */
    static Pages pages(Segment segment, CleanedPage page, List<Integer> pageOfLine, PagedText file) {
        List<Pages.Start> starts = new ArrayList<>();
        Set<Integer> ocr = new LinkedHashSet<>();
        int offset = 0;
        Integer last = null;
        for (int k = 0; k < segment.lines().size(); k++) {
            int pg = pageOfLine.get(page.origins().get(segment.firstLine() + k));
            if (last == null || pg != last) {
                starts.add(new Pages.Start(pg, offset));
                last = pg;
            }
            if (file.ocrPages().contains(pg)) {
                ocr.add(pg);
            }
            offset += segment.lines().get(k).length() + 1;
        }
        return new Pages(file.format().code(), file.pageCount(), starts, List.copyOf(ocr),
                ocr.isEmpty() ? null : file.ocrConfidence());
    }

    private static Segment renumbered(Segment s, int index) {
        return s.index() == index ? s : new Segment(index, s.lines(), s.firstLine(), s.title());
    }

    /**
     * The format the report says it is: its content type ("text/html; charset=gbk" → HTML), or for
     * {@code application/octet-stream} or no type its file name's extension; a type this service does not read
     * is refused.
     */
    static SourceFormat declaredFormat(RawReport raw) {
        String contentType = raw.contentType();
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.equals("application/octet-stream")) {
            return SourceFormat.ofFileName(raw.fileName()).orElse(SourceFormat.TEXT);
        }
        return SourceFormat.ofMediaType(type).orElseThrow(() -> Rejection.UNSUPPORTED_CONTENT_TYPE.because(
                "content type '" + contentType + "' is not supported; send " + SUPPORTED_TYPES));
    }

    /** The media types a report may declare, as the refusal of another one lists them. */
    public static final String SUPPORTED_TYPES = "text/plain, text/html, application/pdf, application/msword,"
            + " application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-works (WPS),"
            + " application/rtf, application/vnd.oasis.opendocument.text, image/png, image/jpeg, image/tiff or"
            + " application/octet-stream (detected from the bytes)";

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

    private String checkedContent(String content) {
        long size = utf8Length(content);
        if (size > maxBytes) {
            throw tooLarge(size);
        }
        if (content.isBlank()) {
            throw Rejection.EMPTY_CONTENT.because("content is empty");
        }
        return content;
    }

    private byte[] bytes(String contentBase64) {
        String base64 = contentBase64.replaceAll("\\s", "");
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
        return bytes;
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
