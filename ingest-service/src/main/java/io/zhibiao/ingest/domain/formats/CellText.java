package io.zhibiao.ingest.domain.formats;

import io.zhibiao.contracts.words.HanScript;

import java.util.regex.Pattern;

/**
 * What a PDF's text layer says about cells. The stripper marks every wide gap between two runs of text on a line
 * with {@link #GAP}. A line with at least two gaps and a number in it is a table row: its gaps become
 * {@link PagedText#CELL}. In any other line a gap is the space it looks like: nothing between two Chinese
 * characters (justified or letter-spaced Chinese text), a space elsewhere.
 */
final class CellText {
    /** U+2063 INVISIBLE SEPARATOR: never in report text, so it can only be the stripper's mark. */
    static final String GAP = "\u2063";
    private static final Pattern NUMBER = Pattern.compile("\\d");

    private CellText() {
    }

    /** A page's text with its gaps resolved, line by line. */
    static String lines(String page) {
        if (!page.contains(GAP)) {
            return page;
        }
        StringBuilder out = new StringBuilder(page.length());
        for (String line : page.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line(line));
        }
        return out.toString();
    }

    static String line(String line) {
        String[] cells = line.split(GAP, -1);
        int nonEmpty = 0;
        for (String c : cells) {
            if (!c.isBlank()) {
                nonEmpty++;
            }
        }
        if (nonEmpty >= 3 && NUMBER.matcher(line).find()) {
            StringBuilder row = new StringBuilder();
            for (String c : cells) {
                if (c.isBlank()) {
                    continue;
                }
                if (!row.isEmpty()) {
                    row.append(PagedText.CELL);
                }
                row.append(c.strip());
            }
            return row.toString();
        }
        // the indent (leading spaces, a gap after them) says a paragraph begins: keep it
        int lead = 0;
        while (lead < line.length() && (Character.isWhitespace(line.charAt(lead)) || line.startsWith(GAP, lead))) {
            lead++;
        }
        StringBuilder joined = new StringBuilder(line.length());
        joined.append(line.substring(0, lead).replace(GAP, ""));
        int prefix = joined.length();
        for (String c : cells) {
            String s = c.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (joined.length() > prefix && !(isHan(joined.charAt(joined.length() - 1)) || isHan(s.charAt(0)))) {
                joined.append(' ');
            }
            joined.append(s);
        }
        return joined.toString();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c >= 0x3000 && c <= 0x303F
                || c >= 0xFF00 && c <= 0xFFEF;
    }

    static int han(String text) {
        return (int) HanScript.count(text);
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
