package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A report cut into its parts, on {@link Topics#SEGMENTED}. The text travels once; sections,
 * paragraphs, sentences and words are offsets into it (end exclusive), never copies.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SegmentedReport(
        String documentId,
        ReportMetadata metadata,
        String text,
        List<String> supersedes,
        List<Section> sections,
        List<Paragraph> paragraphs,
        List<Sentence> sentences) {

    public SegmentedReport {
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
        sections = sections == null ? List.of() : List.copyOf(sections);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    /** The index of the paragraph that holds the offset, or null when it falls between paragraphs. */
    public Integer paragraphAt(int offset) {
        int lo = 0;
        int hi = paragraphs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Paragraph p = paragraphs.get(mid);
            if (offset < p.start()) {
                hi = mid - 1;
            } else if (offset >= p.end()) {
                lo = mid + 1;
            } else {
                return p.index();
            }
        }
        return null;
    }

    /**
     * A heading and the text it governs.
     *
     * @param index   position in {@link #sections()}
     * @param parent  index of the enclosing section, or null at the top
     * @param level   depth, 1 for the outermost headings (一、 or 第一章)
     * @param heading the heading's text (short; the one copy this event makes)
     * @param start   offset of the heading
     * @param end     end of the section's text
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(int index, Integer parent, int level, String heading, int start, int end) {
    }

    /** A paragraph and the innermost section it belongs to (null before the first heading). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Paragraph(int index, int start, int end, Integer section) {
    }

    /**
     * A sentence and its words.
     *
     * @param words flat pairs of absolute offsets: word i spans {@code words[2i]..words[2i+1]}
     * @param pos   HanLP part-of-speech tag of each word
     */
    public record Sentence(int start, int end, int paragraph, int[] words, String[] pos) {
        public int wordCount() {
            return words == null ? 0 : words.length / 2;
        }
    }
}
