package io.zhibiao.nlp.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a text into paragraphs: one per line, and inside a line wherever a space stands between two
 * paragraphs, which is how a web page flattened into one long line shows them
 * ("…实现了本届政府的良好开局。 过去一年,我们…", "… 一、2022年工作回顾 2022年是…").
 * Lines that a page broke at a fixed width in the middle of a sentence are first joined again
 * ({@link HardWrap}). A table row ({@link TableLine}) is one paragraph. Offsets are trimmed of surrounding
 * whitespace; empty lines are dropped.
 */
final class ParagraphSplitter {
    /** After these, a space ends a paragraph. */
    private static final String PARAGRAPH_END = "。！？!?；;:：”」』)）";
    /** A space followed by a heading marker also ends one. */
    private static final Pattern HEADING_AHEAD = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+[章节]|——)");
    /** A heading standing alone before the first space of a long line: "一、2022年工作回顾 2022年是". */
    private static final int MAX_HEADING = 40;

    List<int[]> split(String text) {
        List<int[]> lines = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            lines.add(new int[]{lineStart, lineEnd});
            lineStart = lineEnd + 1;
        }
        List<int[]> out = new ArrayList<>();
        for (int[] line : HardWrap.join(text, lines)) {
            splitLine(text, line[0], line[1], out);
        }
        return out;
    }

    private void splitLine(String text, int start, int end, List<int[]> out) {
        // a table row (地区生产总值(亿元) | 2020年(基期) | …) is one paragraph, whatever its cells end with
        if (TableLine.isRow(text, start, end)) {
            add(text, start, end, out);
            return;
        }
        int paraStart = start;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                int runEnd = i;
                while (runEnd < end && isSpace(text.charAt(runEnd))) {
                    runEnd++;
                }
                if (i > paraStart && runEnd < end && breaksParagraph(text, paraStart, i, runEnd, end)) {
                    add(text, paraStart, i, out);
                    paraStart = runEnd;
                }
                i = runEnd;
            } else {
                i++;
            }
        }
        add(text, paraStart, end, out);
    }

    private boolean breaksParagraph(String text, int paraStart, int spaceStart, int next, int lineEnd) {
        char before = text.charAt(spaceStart - 1);
        if (PARAGRAPH_END.indexOf(before) >= 0) {
            return true;
        }
        if (HEADING_AHEAD.matcher(text.subSequence(next, Math.min(lineEnd, next + 8))).lookingAt()) {
            return true;
        }
        // "一、2022年工作回顾 2022年是…": a short heading, then the space, then its first paragraph
        // (but not "第一章 规划背景": a marker alone is not yet a heading)
        int first = firstNonSpace(text, paraStart, spaceStart);
        if (spaceStart - first > MAX_HEADING) {
            return false;
        }
        java.util.regex.Matcher m = HEADING_AHEAD.matcher(text.subSequence(first, spaceStart));
        return m.lookingAt() && m.end() < spaceStart - first && noSentenceEnd(text, first, spaceStart);
    }

    private static boolean noSentenceEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("。，,；;".indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonSpace(String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static void add(String text, int start, int end, List<int[]> out) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[]{start, end});
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u3000' || c == '\u00a0' || c == '\n' || c == '\f';
    }
}
