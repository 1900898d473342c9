package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.Rejection;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Files to pages of text: PDF (PDFBox, with OCR for scanned pages), DOCX, DOC and WPS (POI), RTF and ODT (our own
 * readers), and page images (OCR). The pages come out with the printer's furniture removed and the lines the
 * layout broke joined ({@link PageLayout}). Plain Java; thread-safe.
 */
public final class DocumentReaders {
    private final Ocr ocr;
    private final DocumentLimits limits;
    private final PdfReader pdf;
    private final WordReader word;
    private final OdtReader odt;
    private final RtfReader rtf;

    public DocumentReaders(Ocr ocr, DocumentLimits limits) {
        this.ocr = ocr;
        this.limits = limits;
        this.pdf = new PdfReader(ocr, limits);
        this.word = new WordReader(limits);
        this.odt = new OdtReader(limits);
        this.rtf = new RtfReader(limits);
    }

    /** Tesseract from the PATH (when installed) and the standard limits. */
    public static DocumentReaders standard() {
        return new DocumentReaders(TesseractOcr.standard(), DocumentLimits.standard());
    }

    public Ocr ocr() {
        return ocr;
    }

    public DocumentLimits limits() {
        return limits;
    }

    /** The file's pages; throws {@code RejectedInputException} with the reason when it cannot be read. */
    public PagedText read(byte[] bytes, SourceFormat format) {
        PagedText raw = switch (format) {
            case PDF -> pdf.read(bytes);
            case DOCX -> word.docx(bytes);
            case DOC, WPS -> word.doc(bytes, format);
            case ODT -> odt.read(bytes);
            case RTF -> rtf.read(bytes);
            case IMAGE -> image(bytes);
            case TEXT, HTML -> throw new IllegalArgumentException(format + " is decoded as text, not read as a file");
        };
        if (raw.chars() > limits.maxChars()) {
            throw Rejection.TOO_LARGE.because(String.format(Locale.ROOT,
                    "the file holds %,d characters of text, over the limit of %,d", raw.chars(), limits.maxChars()));
        }
        boolean printed = format == SourceFormat.PDF || format == SourceFormat.IMAGE;
        return new PagedText(raw.format(), raw.pageCount(), PageLayout.clean(raw.pages(), printed), raw.ocrPages(),
                raw.ocrConfidence());
    }

    private PagedText image(byte[] bytes) {
        if (!ocr.available()) {
            throw Rejection.OCR_UNAVAILABLE.because("the file is a page image, and OCR is not available here: "
                    + ocr.describe() + ". Send it again once it is (replay the dead letter)");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw Rejection.CORRUPT_FILE.because("the image cannot be read: " + CellText.firstLine(e), e);
        }
        if (image == null) {
            throw Rejection.UNSUPPORTED_CONTENT_TYPE.because("the image format is not one this service reads (PNG,"
                    + " JPEG, TIFF)");
        }
        if ((long) image.getWidth() * image.getHeight() > 80_000_000L) {
            throw Rejection.TOO_LARGE.because(String.format(Locale.ROOT, "the image is %,d × %,d pixels, over 80 megapixels",
                    image.getWidth(), image.getHeight()));
        }
        Ocr.Result r;
        try {
            r = ocr.read(image, limits.ocrBudget());
        } catch (Ocr.OcrException e) {
            throw Rejection.OCR_FAILED.because("OCR of the image failed: " + e.getMessage(), e);
        }
        return new PagedText(SourceFormat.IMAGE, 1, List.of(new PagedText.Page(1, r.text())), List.of(1),
                r.confidence());
    }
}
