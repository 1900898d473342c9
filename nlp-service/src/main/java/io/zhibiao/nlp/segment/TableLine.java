package io.zhibiao.nlp.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of a table as ingestion writes it: one line, its cells separated by {@code " | "} (a vertical bar with
 * whitespace on both sides; the full-width ｜ too), e.g.
 * {@code 一般公共预算收入 | 亿元 | 312 | 400 | 5 | 预期性}. A line is a row when it has at least
 * {@value #MIN_CELLS} cells and none is longer than {@value #MAX_CELL} characters (a sentence that happens to
 * hold two bars is no row). A bar at the start or end of the line (Markdown style, {@code | a | b | c |})
 * opens or closes the row and makes no cell.
 *
 * <p>Segmentation keeps a row on its own: it is never a hard-wrapped line, is one paragraph and is no heading.
 * Extraction reads it with its own rule ({@code io.zhibiao.nlp.extract.TableRows}).
 */
public final class TableLine {
    /** A row has at least this many cells (two separators). */
    public static final int MIN_CELLS = 3;
    /** No cell of a row is longer: an indicator's name with its unit, a header's wording, a value. */
    public static final int MAX_CELL = 40;

    private TableLine() {
    }

    /** Is {@code text[start, end)} a table row (one line, no line break inside)? */
    public static boolean isRow(CharSequence text, int start, int end) {
        return cells(text, start, end) != null;
    }

    /**
     * The cells of the row {@code text[start, end)}, each as {start, end} trimmed of whitespace (an empty cell has
     * start == end), or null when the line is no row. Cheap for a line without a bar.
     */
    public static List<int[]> cells(CharSequence text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        List<int[]> cells = null;
        int cellStart = s;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return null; // a row is one line (a hard-wrapped paragraph joins several)
            }
            boolean bar = (c == '|' || c == '｜') && (i == s || isSpace(text.charAt(i - 1)))
                    && (i == e - 1 || isSpace(text.charAt(i + 1)));
            if (bar) {
                if (cells == null) {
                    cells = new ArrayList<>();
                }
                // a bar that opens the line (| a | b | c |) has no cell before it; a cell too long is a sentence's
                if (i > s && !addCell(text, cellStart, i, cells)) {
                    return null;
                }
                cellStart = i + 1;
            }
        }
        // a bar that closes the line has no cell after it
        if (cells == null || cellStart < e && !addCell(text, cellStart, e, cells)) {
            return null;
        }
        return cells.size() >= MIN_CELLS ? cells : null;
    }

    /** Adds the cell {@code text[from, to)} trimmed; false when it is too long for a cell. */
    private static boolean addCell(CharSequence text, int from, int to, List<int[]> cells) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        if (to - from > MAX_CELL) {
            return false;
        }
        cells.add(new int[]{from, to});
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u3000' || c == '\u00a0' || c == '\n' || c == '\f';
    }
}
