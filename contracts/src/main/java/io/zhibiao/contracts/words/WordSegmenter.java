package io.zhibiao.contracts.words;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese word segmentation shared by indexing (the segment stage) and search (the query service),
 * so that a query is cut into the same words as the text it should find.
 *
 * <p>HanLP's dictionary segmenter (longest match on its core dictionary, with the dictionary's most
 * frequent part of speech): about ten times faster than the Viterbi segmenter and offline with the
 * portable jar alone. It is less clever about unknown proper names, which matters little for search
 * because the index also keeps character n-grams. Thread-safe: the dictionaries are read-only.
 *
 * <p>The words are HanLP's {@code DoubleArrayTrieSegment} with part-of-speech tagging, computed in place
 * by {@link LongestMatchWords} on the report's own text instead of through HanLP's {@code seg}, which
 * copies every sentence and word.
 */
public final class WordSegmenter {
    private static final class Holder {
        static final WordSegmenter STANDARD = new WordSegmenter();
    }

    private final LongestMatchWords longestMatch;

    private WordSegmenter() {
        this.longestMatch = new LongestMatchWords();
    }

    /** The one shared instance; the first call loads HanLP's dictionaries (about a second). */
    public static WordSegmenter standard() {
        return Holder.STANDARD;
    }

    /** One word: its text, absolute offsets (end exclusive) and HanLP part-of-speech tag. */
    public record Word(String text, int start, int end, String pos) {
    }

    /**
     * The words of {@code text[start, end)}, as flat absolute offsets and tags; whitespace is not a word.
     *
     * @param offsets word i spans {@code offsets[2i]..offsets[2i+1]}
     * @param pos     the part-of-speech tag of word i
     */
    public record Words(int[] offsets, String[] pos) {
        public int size() {
            return pos.length;
        }
    }

    public Words segment(String text, int start, int end) {
        if (start >= end) {
            return new Words(new int[0], new String[0]);
        }
        return longestMatch.segment(text, start, end);
    }

    /** The words of a short text such as a search query. */
    public List<Word> words(String text) {
        Words words = segment(text, 0, text.length());
        List<Word> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            int s = words.offsets()[2 * i];
            int e = words.offsets()[2 * i + 1];
            out.add(new Word(text.substring(s, e), s, e, words.pos()[i]));
        }
        return out;
    }
}
