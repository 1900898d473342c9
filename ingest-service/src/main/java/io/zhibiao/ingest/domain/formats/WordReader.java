package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.Rejection;
import io.zhibiao.ingest.domain.RejectedInputException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Word files (Apache POI): DOCX through XWPF, and DOC and WPS (Kingsoft WPS Writer keeps the same WordDocument
 * stream in an OLE2 file) through HWPF. Paragraphs are lines; a table row is one line with its cells separated by
 * {@link PagedText#CELL}. A Word file has no fixed pages; where Word marked them (a page break, a paragraph that
 * starts a page, the break Word records where it last laid out a page) the text is cut into pages there.
 * Zip bombs are stopped by POI's {@link ZipSecureFile} bounds, set from {@link DocumentLimits}.
 */
final class WordReader {
    private final DocumentLimits limits;

    WordReader(DocumentLimits limits) {
        this.limits = limits;
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxPartBytes());
        ZipSecureFile.setMaxTextSize(limits.maxChars() * 4L);
    }

    PagedText docx(byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            Pager pager = new Pager(limits);
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String xml = p.getCTP().xmlText();
                    // where Word laid out a new page: before the paragraph when the mark comes before its text,
                    // else inside it (the paragraph starts on the earlier page, the next one on the new page)
                    int rendered = xml.indexOf("lastRenderedPageBreak");
                    int firstText = xml.indexOf("<w:t");
                    boolean before = p.isPageBreak() || rendered >= 0 && (firstText < 0 || rendered < firstText);
                    if (before) {
                        pager.newPage();
                    }
                    pager.line(p.getText());
                    if (!before && (rendered >= 0 || xml.contains("w:type=\"page\""))) {
                        pager.newPage();
                    }
                } else if (element instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText().replaceAll("\\s+", " ").strip());
                        }
                        pager.row(cells);
                    }
                }
            }
            return pager.done(SourceFormat.DOCX);
        } catch (RejectedInputException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw Rejection.ENCRYPTED.because("the Word file is protected by a password; send it without one", e);
        } catch (IOException | RuntimeException e) {
            throw refusal("DOCX", e);
        }
    }

    PagedText doc(byte[] bytes, SourceFormat format) {
        String what = format == SourceFormat.WPS ? "WPS" : "Word (.doc)";
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                throw Rejection.ENCRYPTED.because("the " + what + " file is protected by a password; send it without one");
            }
            if (!root.hasEntry("WordDocument")) {
                throw Rejection.UNSUPPORTED_CONTENT_TYPE.because("the OLE2 file holds no WordDocument stream: it is not a"
                        + " Word or WPS Writer document (a spreadsheet or presentation?); send the report's text");
            }
            try (HWPFDocument doc = new HWPFDocument(root)) {
                Pager pager = new Pager(limits);
                Range range = doc.getRange();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < range.numParagraphs(); i++) {
                    Paragraph p = range.getParagraph(i);
                    String text = p.text();
                    if (p.pageBreakBefore()) {
                        pager.newPage();
                    }
                    if (p.isInTable()) {
                        if (p.isTableRowEnd()) {
                            pager.row(cells);
                            cells = new ArrayList<>();
                        } else {
                            cells.add(clean(text));
                        }
                        continue;
                    }
                    String[] pages = text.split("\f", -1);
                    for (int k = 0; k < pages.length; k++) {
                        if (k > 0) {
                            pager.newPage();
                        }
                        pager.line(clean(pages[k]));
                    }
                }
                if (!cells.isEmpty()) {
                    pager.row(cells);
                }
                return pager.done(format);
            }
        } catch (RejectedInputException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw Rejection.ENCRYPTED.because("the " + what + " file is protected by a password; send it without one", e);
        } catch (IOException | RuntimeException e) {
            throw refusal(what, e);
        }
    }

    /** Word's field codes, cell marks and other control characters out; the text's own characters kept. */
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\u000B') {
                sb.append(' ');
            } else if (c >= 0x20 || c == '\n') {
                sb.append(c);
            } else if (c == '\r' || c == '\u0007') {
                sb.append('\n');
            }
        }
        return sb.toString().strip();
    }

    static RejectedInputException refusal(String what, Throwable e) {
        String message = CellText.firstLine(e);
        if (message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
            return Rejection.ZIP_BOMB.because("the " + what + " file inflates beyond its bounds (a zip bomb): "
                    + message, e);
        }
        return Rejection.CORRUPT_FILE.because("the " + what + " file cannot be read: " + message, e);
    }

    /** Lines gathered into pages, with a bound on the text. */
    static final class Pager {
        private final DocumentLimits limits;
        private final List<PagedText.Page> pages = new ArrayList<>();
        private final StringBuilder page = new StringBuilder();
        private int number = 1;
        private long chars;

        Pager(DocumentLimits limits) {
            this.limits = limits;
        }

        void line(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            chars += text.length() + 1;
            if (chars > limits.maxChars()) {
                throw Rejection.TOO_LARGE.because(String.format(java.util.Locale.ROOT,
                        "the file holds more than %,d characters of text", limits.maxChars()));
            }
            page.append(text.strip()).append('\n');
        }

        void row(List<String> cells) {
            List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
            if (!filled.isEmpty()) {
                line(String.join(PagedText.CELL, filled));
            }
        }

        void newPage() {
            if (page.isEmpty()) {
                return; // a break at the top of a page starts no new one
            }
            pages.add(new PagedText.Page(number, page.toString()));
            page.setLength(0);
            number++;
            if (number > limits.maxPages()) {
                throw Rejection.TOO_MANY_PAGES.because(String.format(java.util.Locale.ROOT,
                        "the file has more than %,d pages", limits.maxPages()));
            }
        }

        PagedText done(SourceFormat format) {
            if (!page.isEmpty()) {
                pages.add(new PagedText.Page(number, page.toString()));
            }
            return new PagedText(format, Math.max(1, number - (page.isEmpty() && number > 1 ? 1 : 0)), pages, null, null);
        }
    }
}
