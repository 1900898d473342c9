package io.zhibiao.nlp.segment;

/**
 * Recognises the heading at the start of a paragraph, if any: a numbered heading on its own line
 * ("一、2023年工作回顾"), a numbered heading that leads a paragraph up to its first full stop
 * ("(一)坚持精准施策,化压力为动力,稳住了经济大盘。面对…"), a dash item's lead phrase
 * ("——全盘谋项争资。精准研判…"), or the short lead sentence that reports print in bold
 * ("创新动能加速集聚。实施科技创新发展三年行动…").
 */
final class HeadingParser {
    /** A numbered heading longer than this without a stop is a list item; its heading is cut here. */
    static final int MAX_HEADING = 80;
    /** A bold lead sentence is short and has no comma. */
    static final int MAX_LEAD = 24;
    /** A heading line without a number is short and has no punctuation. */
    static final int MAX_PLAIN = 30;
    private static final HeadingStyle[] NUMBERED = {
            HeadingStyle.CHAPTER, HeadingStyle.PART, HeadingStyle.COLUMN, HeadingStyle.CN_PAREN,
            HeadingStyle.ARABIC_PAREN, HeadingStyle.CN_NUMBER, HeadingStyle.ARABIC};

    /** A heading found at the start of a paragraph: its style and where its text ends. */
    record Heading(HeadingStyle style, int start, int end) {
    }

    Heading parse(String text, int start, int end) {
        if (TableLine.isRow(text, start, end)) {
            return null; // 粮食产量 | 万吨 | 50 | 52 | 预期性: a table row, short and without punctuation, is no heading
        }
        CharSequence head = text.subSequence(start, Math.min(end, start + 12));
        for (HeadingStyle style : NUMBERED) {
            if (style.markerLength(head) > 0) {
                return new Heading(style, start, headingEnd(text, start, end, MAX_HEADING));
            }
        }
        if (end - start <= MAX_PLAIN && noPunctuation(text, start, end)) {
            return new Heading(HeadingStyle.PLAIN, start, end);
        }
        if (HeadingStyle.DASH.markerLength(head) > 0) {
            int stop = firstStop(text, start, Math.min(end, start + MAX_LEAD + 2));
            return stop > 0 && stop < end ? new Heading(HeadingStyle.DASH, start, stop) : null;
        }
        int stop = firstStop(text, start, Math.min(end, start + MAX_LEAD + 1));
        if (stop > 0 && stop < end && noComma(text, start, stop)) {
            return new Heading(HeadingStyle.LEAD, start, stop);
        }
        return null;
    }

    /** The whole paragraph when it is short and has no inner stop, else its first sentence. */
    private static int headingEnd(String text, int start, int end, int max) {
        int stop = firstStop(text, start, Math.min(end, start + max));
        if (stop > 0) {
            return stop;
        }
        return Math.min(end, start + max);
    }

    /** End (exclusive) of the first sentence stop in [from, to), or -1. */
    private static int firstStop(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?') {
                return i + 1;
            }
            if (c == ':' || c == '：') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean noPunctuation(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ("。，,；;：:！？!?、“”\"()（）—%".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean noComma(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == ';' || c == '；') {
                return false;
            }
        }
        return true;
    }
}
