package io.zhibiao.ingest.domain.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A laid-out document's pages made into text again: what the printer added goes, what the page edge broke is
 * joined.
 * <ul>
 *   <li><b>Running headers and footers</b>: a line among the first or last two of a page that recurs there on at
 *       least half of the pages (and on three or more), its digits aside ({@code 2024年政府工作报告},
 *       {@code ——XX市人民政府——}), is removed from every page.</li>
 *   <li><b>Page numbers</b> at the top or bottom of a page: {@code 12}, {@code - 12 -}, {@code — 12 —},
 *       {@code 第12页}, {@code 第12页 共40页}, {@code 12/40}, {@code ·12·}.</li>
 *   <li><b>Lines broken by the layout</b> (PDF text and OCR, where a line is a line of print): a line that fills
 *       the measure (at least {@value #FULL_LINE} of the document's usual full line) and does not end a sentence
 *       is joined with the next, on the same page or across the page edge, unless the next is a heading or a table
 *       row. A number broken at the edge ({@code 增长6.} / {@code 5%}) is whole again. A joined line belongs to the
 *       page where it starts.</li>
 * </ul>
 * Table rows (cells separated by {@link PagedText#CELL}) are never joined.
 */
public final class PageLayout {
    /** A line at least this share of the usual full line fills the measure. */
    static final double FULL_LINE = 0.85;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–_·•\\s]*(第\\s*)?\\d{1,4}(\\s*页)?(\\s*[/／]\\s*\\d{1,4}|\\s*共\\s*\\d{1,4}\\s*页)?[-—–_·•\\s]*"
                    + "|[-—–\\s]*[ivxlcIVXLC]{1,6}[-—–\\s]*");
    private static final Pattern HEADING = Pattern.compile(
            "([一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零〇\\d]+[章节篇部分条]"
                    + "|\\d{1,2}[.．、](?!\\d)|[(（]\\d{1,2}[)）]|专栏|表\\s*\\d|附件|附表).*");
    private static final String SENTENCE_ENDS = "。！？!?：:；;";
    /** Marks, while joining, a line that began indented (a first-line indent of spaces). */
    static final char INDENT = '\u2029';

    private PageLayout() {
    }

    /**
     * @param joinBrokenLines true for text laid out in lines of print (PDF, OCR); false for Word, ODT and RTF,
     *                        whose paragraphs are paragraphs
     */
    public static List<PagedText.Page> clean(List<PagedText.Page> pages, boolean joinBrokenLines) {
        List<List<String>> lines = new ArrayList<>();
        for (PagedText.Page p : pages) {
            List<String> ls = new ArrayList<>();
            for (String l : p.text().split("\n")) {
                // indented: it begins with spaces (two ideographic spaces, as Chinese texts indent)
                String s = l.strip();
                boolean indented = !s.isEmpty() && (l.startsWith("\u3000") || l.startsWith("  "));
                if (!s.isEmpty()) {
                    ls.add(indented && joinBrokenLines ? INDENT + s : s);
                }
            }
            lines.add(ls);
        }
        removeRunning(lines);
        for (List<String> ls : lines) {
            removePageNumbers(ls);
        }
        if (joinBrokenLines) {
            join(lines);
        }
        List<PagedText.Page> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                out.add(new PagedText.Page(pages.get(i).number(), String.join("\n", lines.get(i))));
            }
        }
        return out;
    }

    private static final int EDGE = 2;

    static void removeRunning(List<List<String>> pages) {
        if (pages.size() < 3) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (List<String> page : pages) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (int i : edges(page)) {
                keys.add(key(page.get(i)));
            }
            for (String k : keys) {
                seen.merge(k, 1, Integer::sum);
            }
        }
        int needed = Math.max(3, (pages.size() + 1) / 2);
        for (List<String> page : pages) {
            List<Integer> drop = new ArrayList<>();
            for (int i : edges(page)) {
                if (seen.getOrDefault(key(page.get(i)), 0) >= needed && page.get(i).length() <= 60) {
                    drop.add(i);
                }
            }
            drop.sort(java.util.Comparator.reverseOrder());
            for (int i : drop) {
                page.remove(i);
            }
        }
    }

    private static List<Integer> edges(List<String> page) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (i < EDGE || i >= page.size() - EDGE) {
                idx.add(i);
            }
        }
        return idx;
    }

    private static String key(String line) {
        return line.replace(String.valueOf(INDENT), "").replaceAll("\\d+", "#").replaceAll("\\s+", "");
    }

    static void removePageNumbers(List<String> page) {
        for (int pass = 0; pass < 2 && !page.isEmpty(); pass++) {
            if (PAGE_NUMBER.matcher(page.get(page.size() - 1).replace(String.valueOf(INDENT), "")).matches()) {
                page.remove(page.size() - 1);
            }
        }
        for (int pass = 0; pass < 2 && !page.isEmpty(); pass++) {
            if (PAGE_NUMBER.matcher(page.get(0).replace(String.valueOf(INDENT), "")).matches()) {
                page.remove(0);
            }
        }
    }

    static void join(List<List<String>> pages) {
        double full = fullLine(pages);
        int indented = 0;
        for (List<String> page : pages) {
            for (String l : page) {
                if (l.charAt(0) == INDENT) {
                    indented++;
                }
            }
        }
        boolean byIndent = indented >= 3;
        if (full <= 0) {
            for (List<String> page : pages) {
                page.replaceAll(l -> l.replace(String.valueOf(INDENT), ""));
            }
            return;
        }
        String carry = null; // a line waiting for its end, from this page or the one before
        List<String> carryPage = null;
        for (List<String> page : pages) {
            List<String> out = new ArrayList<>();
            for (String line : page) {
                if (carry != null && joins(carry, line, full, byIndent)) {
                    carry = glue(carry, line);
                } else {
                    if (carry != null) {
                        carryPage.add(carry);
                    }
                    carry = line;
                    carryPage = out;
                }
            }
            page.clear();
            page.addAll(out);
            if (carryPage == out) {
                // the carried line still belongs to this page; put it back at the end when it is done
                carryPage = page;
            }
        }
        if (carry != null) {
            carryPage.add(carry);
        }
        for (List<String> page : pages) {
            page.replaceAll(l -> l.replace("\u0000", "").replace(String.valueOf(INDENT), ""));
        }
    }

    /**
     * Whether the next line continues this one. Where the document marks its paragraphs by a first-line indent,
     * an indented line starts one and nothing else does; elsewhere a line that ends a sentence ends its paragraph.
     */
    private static boolean joins(String line, String next, double full, boolean byIndent) {
        if (line.contains(PagedText.CELL) || next.contains(PagedText.CELL)) {
            return false;
        }
        if (width(lastVisualLine(line)) < FULL_LINE * full) {
            return false;
        }
        String body = next.charAt(0) == INDENT ? next.substring(1) : next;
        if (HEADING.matcher(body).matches()) {
            return false;
        }
        if (byIndent) {
            return next.charAt(0) != INDENT;
        }
        char last = line.charAt(line.length() - 1);
        char before = line.length() > 1 ? line.charAt(line.length() - 2) : ' ';
        return SENTENCE_ENDS.indexOf(last) < 0 && !(last == '”' && SENTENCE_ENDS.indexOf(before) >= 0);
    }

    /** A joined line's width is that of its last line of print. */
    private static String lastVisualLine(String line) {
        int cut = line.lastIndexOf('\u0000');
        return cut < 0 ? line : line.substring(cut + 1);
    }

    private static String glue(String line, String next) {
        String head = line.replace("\u0000", "");
        if (next.charAt(0) == INDENT) {
            next = next.substring(1);
        }
        char a = head.charAt(head.length() - 1);
        char b = next.charAt(0);
        boolean space = a < 0x80 && Character.isLetter(a) && b < 0x80 && Character.isLetter(b);
        // \0 marks where the last line of print begins, so the next join measures that line only
        return head + (space ? " " : "") + "\u0000" + next;
    }

    /** The usual width of a full line: the 80th percentile of line widths, over lines long enough to be prose. */
    static double fullLine(List<List<String>> pages) {
        List<Double> widths = new ArrayList<>();
        for (List<String> page : pages) {
            for (String l : page) {
                if (!l.contains(PagedText.CELL)) {
                    widths.add(width(l));
                }
            }
        }
        if (widths.size() < 5) {
            return 0;
        }
        widths.sort(null);
        return widths.get((int) Math.floor(widths.size() * 0.8));
    }

    /** Width in em: a Chinese character is one, ASCII half. */
    static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == INDENT) {
                w += 2;
                continue;
            }
            w += c < 0x80 ? 0.5 : 1;
        }
        return w;
    }
}
