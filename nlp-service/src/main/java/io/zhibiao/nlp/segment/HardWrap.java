package io.zhibiao.nlp.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines broken at a fixed width, as document-sharing sites and text copied out of PDFs print them:
 * <pre>
 * 一年来,地区生产总值增长5.1%,一般公共预算收入完成3.98亿元,固定资产投资
 * 完成15亿元,社会消费品零售总额完成16亿元,城乡常住居民人均可支配收入分别达到
 * 37462元和17597元、增长7%和10%。
 * </pre>
 * A text is hard-wrapped when at least {@value #MIN_WRAPPED_LINES} of its lines are nearly as wide as its
 * widest lines (in display width, where a Chinese character counts two columns and a Latin letter or digit one, or
 * in characters, as some sites wrap) and end in the middle of a sentence. Such a line is joined with the next; a line that ends a sentence, a
 * short line (a title, a date line, a heading) and a line before an empty one stay as they are, and so do a table's
 * rows ({@link TableLine}) and the line before one.
 */
final class HardWrap {
    static final int MIN_WRAPPED_LINES = 5;
    /** A wrapped line holds at least this many characters (half the narrowest wrap seen, 40 columns). */
    static final int MIN_WRAPPED_CHARS = 20;
    /** A wrapped line is at least this share of the wrap width. */
    static final double WRAPPED_SHARE = 0.8;
    /** … or at least this share of the wrap length in characters, for a page wrapped at a number of characters. */
    static final double FULL_LENGTH_SHARE = 0.9;
    /** The wrap width: this quantile of the line widths (an unwrapped outlier line does not set it). */
    static final double WIDTH_QUANTILE = 0.9;
    private static final String SENTENCE_END = "。！？!?；;:：”」』)）】>";

    private HardWrap() {
    }

    /** The lines {@code [start, end)} with the wrapped ones joined to the line after them. */
    static List<int[]> join(String text, List<int[]> lines) {
        if (lines.size() < MIN_WRAPPED_LINES) {
            return lines;
        }
        // most texts end their lines with their sentences: nothing to measure
        int open = 0;
        for (int[] l : lines) {
            if (l[1] - l[0] >= MIN_WRAPPED_CHARS && !endsSentence(text, l[0], l[1]) && !TableLine.isRow(text, l[0], l[1])) {
                open++;
            }
        }
        if (open < MIN_WRAPPED_LINES) {
            return lines;
        }
        // pages wrap at a display width (a PDF, a fixed-width column) or at a number of characters (some sites):
        // a line nearly as wide as the widest by either measure is wrapped
        int[] widths = new int[lines.size()];
        int[] lengths = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            widths[i] = width(text, lines.get(i)[0], lines.get(i)[1]);
            lengths[i] = lines.get(i)[1] - lines.get(i)[0];
        }
        int wrapWidth = quantile(widths);
        int wrapLength = quantile(lengths);
        boolean[] wrapped = new boolean[lines.size()];
        int count = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            int[] l = lines.get(i);
            boolean full = widths[i] >= WRAPPED_SHARE * wrapWidth || lengths[i] >= FULL_LENGTH_SHARE * wrapLength;
            wrapped[i] = full && lengths[i] >= MIN_WRAPPED_CHARS && lengths[i + 1] > 0 && !endsSentence(text, l[0], l[1])
                    // a table row ends where its line does, and no line runs on into one
                    && !TableLine.isRow(text, l[0], l[1]) && !TableLine.isRow(text, lines.get(i + 1)[0], lines.get(i + 1)[1]);
            if (wrapped[i]) {
                count++;
            }
        }
        if (count < MIN_WRAPPED_LINES) {
            return lines;
        }
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (start < 0) {
                start = lines.get(i)[0];
            }
            if (!wrapped[i]) {
                out.add(new int[]{start, lines.get(i)[1]});
                start = -1;
            }
        }
        return out;
    }

    private static int quantile(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * WIDTH_QUANTILE))];
    }

    /** Does the line end a sentence, ignoring a token of Latin letters that a site appends (…10%。vfO)? */
    static boolean endsSentence(String text, int start, int end) {
        int i = end;
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        int j = i;
        while (j > start && j > i - 4 && isAsciiLetterOrDigit(text.charAt(j - 1))) {
            j--;
        }
        if (j < i && j > start && SENTENCE_END.indexOf(text.charAt(j - 1)) >= 0) {
            return true;
        }
        return i > start && SENTENCE_END.indexOf(text.charAt(i - 1)) >= 0;
    }

    static int width(String text, int start, int end) {
        int w = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            w += c < 0x1100 ? 1 : 2;
        }
        return w;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
