package io.zhibiao.ingest.domain.formats;

import java.util.List;

/**
 * A file read into pages of text, before normalisation: what {@link DocumentReaders} gives the ingestor.
 *
 * @param format        what the file was
 * @param pageCount     how many pages the file has
 * @param pages         its pages that hold text, in order; each page's lines are separated by {@code \n}, and a
 *                      table row is one line with its cells separated by {@value #CELL}
 * @param ocrPages      the pages read by OCR
 * @param ocrConfidence Tesseract's mean word confidence over those pages (0–100), or null
 */
public record PagedText(SourceFormat format, int pageCount, List<Page> pages, List<Integer> ocrPages,
                        Double ocrConfidence) {
    /** Between the cells of a table row. */
    public static final String CELL = " | ";

    public PagedText {
        pages = List.copyOf(pages);
        ocrPages = ocrPages == null ? List.of() : List.copyOf(ocrPages);
    }

    /** One page's text; {@code number} counts from 1. */
    public record Page(int number, String text) {
    }

    public int chars() {
        int n = 0;
        for (Page p : pages) {
            n += p.text().length();
        }
        return n;
    }
}
