package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where the pages of a paged source (PDF, Word, a scan) begin in a report's text, and which of them were read
 * by OCR. The text itself holds no page marks: every offset downstream stays an offset into the one text, and
 * {@link #pageAt} turns one into "page 12".
 *
 * @param format        what the source was: {@code pdf}, {@code docx}, {@code doc}, {@code wps}, {@code rtf},
 *                      {@code odt}
 * @param count         how many pages the source has (a Word file has no fixed pages: its count is 1 unless it
 *                      holds explicit page breaks)
 * @param starts        the pages that hold text of this report, in order, each with the offset where it begins
 * @param ocrPages      the page numbers whose text came from OCR (a scan), empty when none did
 * @param ocrConfidence Tesseract's mean word confidence over those pages, 0–100, or null when none was OCR'd
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pages(String format, int count, List<Start> starts,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> ocrPages,
                    Double ocrConfidence) {

    public Pages {
        starts = starts == null ? List.of() : List.copyOf(starts);
        ocrPages = ocrPages == null ? List.of() : List.copyOf(ocrPages);
    }

    /** A page and the offset in the report's text where its text begins. */
    public record Start(int page, int offset) {
    }

    /** The page (from 1) that holds the offset, or null when no page is known. */
    public Integer pageAt(int offset) {
        Integer page = null;
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts.get(mid).offset() <= offset) {
                page = starts.get(mid).page();
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return page == null && !starts.isEmpty() ? starts.get(0).page() : page;
    }

    /** Whether the page's text was read by OCR. */
    public boolean isOcr(Integer page) {
        return page != null && ocrPages.contains(page);
    }

    /** True when some of the text came from OCR. */
    @JsonIgnore
    public boolean anyOcr() {
        return !ocrPages.isEmpty();
    }
}
