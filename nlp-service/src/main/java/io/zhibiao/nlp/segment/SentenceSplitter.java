package io.zhibiao.nlp.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a paragraph into sentences after 。！？；(and their ASCII forms), keeping a closing quotation
 * mark with its sentence. A sentence that runs on past {@link #MAX_SENTENCE} characters without a stop
 * is cut at its last comma before that length, so that no sentence is a whole page.
 */
final class SentenceSplitter {
    static final int MAX_SENTENCE = 600;
    private static final String STOPS = "。！？!?；;";
    private static final String CLOSERS = "”’」』)）\"";

    List<int[]> split(String text, int start, int end) {
        List<int[]> out = new ArrayList<>();
        int s = start;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (STOPS.indexOf(c) >= 0) {
                int e = i + 1;
                while (e < end && (CLOSERS.indexOf(text.charAt(e)) >= 0 || STOPS.indexOf(text.charAt(e)) >= 0)) {
                    e++;
                }
                add(text, s, e, out);
                s = e;
                i = e;
            } else {
                i++;
                if (i - s > MAX_SENTENCE) {
                    int cut = lastComma(text, s, i);
                    if (cut > s) {
                        add(text, s, cut, out);
                        s = cut;
                    }
                }
            }
        }
        add(text, s, end, out);
        return out;
    }

    private static int lastComma(String text, int from, int to) {
        for (int i = to - 1; i > from + MAX_SENTENCE / 2; i--) {
            char c = text.charAt(i);
            if (c == '，' || c == ',' || c == '、') {
                return i + 1;
            }
        }
        return to;
    }

    private static void add(String text, int start, int end, List<int[]> out) {
        while (start < end && ParagraphSplitter.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && ParagraphSplitter.isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[]{start, end});
        }
    }
}
