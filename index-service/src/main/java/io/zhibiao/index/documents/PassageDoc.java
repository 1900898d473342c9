package io.zhibiao.index.documents;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A paragraph as the {@code passages} index holds it. {@code text} is analysed one character per token
 * (exact phrases are substrings); {@code words} holds the segment stage's words, space-separated, for
 * relevance. The report's metadata is copied in so that filters need no join. From a paged source:
 * {@code page}, the page where the paragraph begins, and {@code ocr}, true when a page it spans was read by
 * OCR (absent otherwise, and both absent for text and HTML).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PassageDoc(String documentId, int paragraph, int start, int end, String text, String words,
                         String section, List<String> sectionPath, String title, String region, String regionCode,
                         String province, String level, String docType, Integer year, Integer reviewedYear,
                         String sourceName, Integer page, Boolean ocr) {

    public static String id(String documentId, int paragraph) {
        return documentId + ":p" + paragraph;
    }
}
