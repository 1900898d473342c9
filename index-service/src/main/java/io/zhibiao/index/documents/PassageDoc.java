package io.zhibiao.index.documents;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.zhibiao.contracts.words.Bigrams;

import java.util.List;

/**
 * A paragraph as the {@code passages} index holds it. {@code text} is analysed one character per token
 * (exact phrases are substrings); {@code words} holds the segment stage's words, space-separated, for
 * relevance; {@code bigrams} holds the text's runs of Han characters as bigrams ({@link Bigrams}), one value
 * per run, so that a Chinese word is found by a phrase of bigrams instead of one of characters (not in
 * {@code _source}: it is derived from {@code text}). The report's metadata is copied in so that filters need no join.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PassageDoc(String documentId, int paragraph, int start, int end, String text, String words,
                         List<String> bigrams,
                         String section, List<String> sectionPath, String title, String region, String regionCode,
                         String province, String level, String docType, Integer year, Integer reviewedYear,
                         String sourceName) {

    public static String id(String documentId, int paragraph) {
        return documentId + ":p" + paragraph;
    }
}
