package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.Rejection;
import io.zhibiao.ingest.domain.RejectedInputException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * A PDF's text, page by page (PDFBox). The document is parsed with its streams cached in a temporary file, not
 * on the heap, so a large PDF costs disk rather than memory. Text is taken in reading order (sorted by
 * position), and a wide gap between two runs of text on one line becomes a cell boundary ({@link CellText}), so a
 * table row keeps its cells. A page with (almost) no text but an image is a scan: it is rendered at
 * {@value #OCR_DPI} dpi in grey and read by {@link Ocr}.
 */
final class PdfReader {
    /** Resolution at which scanned pages are rendered for OCR. */
    static final int OCR_DPI = 300;
    /** A page with fewer Han characters than this in its text layer has no text layer worth the name. */
    static final int MIN_PAGE_HAN = 5;
    /** An OCR'd page with fewer Han characters than this, or a lower confidence, is a picture, not text. */
    static final int MIN_OCR_HAN = 10;
    static final double MIN_OCR_CONFIDENCE = 40;

    private final Ocr ocr;
    private final DocumentLimits limits;

    PdfReader(Ocr ocr, DocumentLimits limits) {
        this.ocr = ocr;
        this.limits = limits;
    }

    PagedText read(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "",
                IOUtils.createTempFileOnlyStreamCache())) {
            int count = pdf.getNumberOfPages();
            if (count > limits.maxPages()) {
                throw Rejection.TOO_MANY_PAGES.because(String.format(Locale.ROOT,
                        "the PDF has %,d pages, over the limit of %,d", count, limits.maxPages()));
            }
            if (count == 0) {
                throw Rejection.EMPTY_CONTENT.because("the PDF has no pages");
            }
            List<String> layer = textLayer(pdf);
            Set<Integer> scanned = new LinkedHashSet<>();
            int textPages = 0;
            int textHan = 0;
            for (int i = 0; i < count; i++) {
                int han = CellText.han(layer.get(i));
                textHan += han;
                if (han >= MIN_PAGE_HAN) {
                    textPages++;
                } else if (hasImage(pdf.getPage(i))) {
                    scanned.add(i + 1);
                }
            }
            List<PagedText.Page> pages = new ArrayList<>();
            List<Integer> ocrPages = new ArrayList<>();
            double confidence = 0;
            int words = 0;
            if (!scanned.isEmpty()) {
                boolean scan = textHan < 200 || scanned.size() * 2 >= count;
                if (!ocr.available()) {
                    if (scan) {
                        throw Rejection.OCR_UNAVAILABLE.because(String.format(Locale.ROOT,
                                "%d of the PDF's %d pages are images without a text layer (a scan), and OCR is not"
                                        + " available here: %s. Send it again once it is (replay the dead letter)",
                                scanned.size(), count, ocr.describe()));
                    }
                    scanned = Set.of(); // pictures among text pages (maps, charts): the text is all there is
                } else if (scanned.size() > limits.maxOcrPages()) {
                    throw Rejection.TOO_MANY_PAGES.because(String.format(Locale.ROOT,
                            "%d scanned pages to OCR, over the limit of %d per document (%d pages have text)",
                            scanned.size(), limits.maxOcrPages(), textPages));
                }
            }
            long deadline = System.nanoTime() + limits.ocrBudget().toNanos();
            PDFRenderer renderer = scanned.isEmpty() ? null : new PDFRenderer(pdf);
            for (int i = 0; i < count; i++) {
                int number = i + 1;
                if (scanned.contains(number)) {
                    Ocr.Result r = ocrPage(renderer, i, deadline, scanned.size());
                    if (CellText.han(r.text()) >= MIN_OCR_HAN && r.confidence() >= MIN_OCR_CONFIDENCE) {
                        pages.add(new PagedText.Page(number, r.text()));
                        ocrPages.add(number);
                        confidence += r.confidence() * r.words();
                        words += r.words();
                    }
                } else if (!layer.get(i).isBlank()) {
                    pages.add(new PagedText.Page(number, layer.get(i)));
                }
            }
            return new PagedText(SourceFormat.PDF, count, pages, ocrPages, words == 0 ? null : confidence / words);
        } catch (InvalidPasswordException e) {
            throw Rejection.ENCRYPTED.because("the PDF is protected by a password; send it without one", e);
        } catch (RejectedInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Rejection.CORRUPT_FILE.because("the PDF cannot be read: " + CellText.firstLine(e), e);
        }
    }

    private Ocr.Result ocrPage(PDFRenderer renderer, int index, long deadline, int total) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw Rejection.OCR_FAILED.because(String.format(Locale.ROOT,
                    "the OCR of %d scanned pages did not finish within %d s (page %d was next)",
                    total, limits.ocrBudget().toSeconds(), index + 1));
        }
        BufferedImage image = renderer.renderImageWithDPI(index, OCR_DPI, ImageType.GRAY);
        try {
            return ocr.read(image, Duration.ofNanos(left));
        } catch (Ocr.OcrException e) {
            throw Rejection.OCR_FAILED.because("OCR of page " + (index + 1) + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> textLayer(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        stripper.setPageStart("");
        stripper.setPageEnd("\f");
        // no paragraph marks of PDFBox: near a page top (after a running header) they mark lines that continue a paragraph
        stripper.setParagraphStart("");
        stripper.setParagraphEnd("");
        // a gap wider than about one character between two runs of text is a cell boundary (see CellText)
        stripper.setWordSeparator(CellText.GAP);
        stripper.setSpacingTolerance(4f);
        stripper.setAverageCharTolerance(1.0f);
        String text = stripper.getText(pdf);
        String[] parts = text.split("\f", -1);
        List<String> pages = new ArrayList<>(pdf.getNumberOfPages());
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            pages.add(i < parts.length ? CellText.lines(parts[i]) : "");
        }
        return pages;
    }

    private static boolean hasImage(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            try {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            } catch (IOException e) {
                return true; // an XObject that cannot be read: treat the page as a picture, OCR will tell
            }
        }
        return false;
    }
}
