package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.Rejection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Rich Text Format, read by a small tokenizer of our own: text in the document's code page ({@code \ansicpg936}
 * is GBK, as Chinese Word writes it; {@code \'hh} bytes are decoded in it), {@code &#92;u} characters with their
 * fallbacks skipped, {@code \par} and {@code \line} as line ends, {@code \cell}/{@code \row} as table rows and
 * {@code \page} as a page break. Font tables, styles, pictures, headers, footers and every {@code \*}
 * destination are skipped.
 */
final class RtfReader {
    private static final Set<String> SKIPPED = Set.of("fonttbl", "colortbl", "stylesheet", "info", "pict", "object",
            "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "listtable",
            "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping", "datastore",
            "latentstyles", "pgdsctbl", "revtbl", "field", "fldinst", "bkmkstart", "bkmkend", "footnote");

    private final DocumentLimits limits;

    RtfReader(DocumentLimits limits) {
        this.limits = limits;
    }

    private static final class Group {
        boolean skip;
        int uc = 1;

        Group copy() {
            Group g = new Group();
            g.skip = skip;
            g.uc = uc;
            return g;
        }
    }

    PagedText read(byte[] rtf) {
        WordReader.Pager pager = new WordReader.Pager(limits);
        Charset charset = Charset.forName("windows-1252");
        Deque<Group> groups = new ArrayDeque<>();
        Group g = new Group();
        StringBuilder line = new StringBuilder();
        StringBuilder cells = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        boolean inTable = false;
        int skipChars = 0;
        int depth = 0;
        int i = 0;
        int n = rtf.length;
        while (i < n) {
            int c = rtf[i] & 0xFF;
            if (c == '{' || c == '}' || c == '\\' && i + 1 < n && rtf[i + 1] != '\'' || c == '\r' || c == '\n') {
                flush(pending, line, charset);
            }
            if (c == '{') {
                groups.push(g);
                g = g.copy();
                depth++;
                if (depth > 1000) {
                    throw Rejection.CORRUPT_FILE.because("the RTF file nests groups more than 1,000 deep");
                }
                i++;
                continue;
            }
            if (c == '}') {
                if (groups.isEmpty()) {
                    break;
                }
                g = groups.pop();
                depth--;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                i++;
                continue;
            }
            if (c != '\\') {
                if (skipChars > 0) {
                    skipChars--;
                } else if (!g.skip) {
                    pending.write(c);
                }
                i++;
                continue;
            }
            // a control symbol or word
            if (i + 1 >= n) {
                break;
            }
            int d = rtf[i + 1] & 0xFF;
            if (d == '\'') {
                if (i + 3 < n) {
                    int hex = Integer.parseInt(new String(rtf, i + 2, 2, java.nio.charset.StandardCharsets.ISO_8859_1), 16);
                    if (skipChars > 0) {
                        skipChars--;
                    } else if (!g.skip) {
                        pending.write(hex);
                    }
                }
                i += 4;
                continue;
            }
            if (!Character.isLetter(d)) {
                i += 2;
                if (d == '*') {
                    g.skip = true;
                } else if (!g.skip && (d == '\\' || d == '{' || d == '}')) {
                    line.append((char) d);
                } else if (!g.skip && d == '~') {
                    line.append(' ');
                }
                continue;
            }
            int j = i + 1;
            while (j < n && Character.isLetter(rtf[j] & 0xFF)) {
                j++;
            }
            String word = new String(rtf, i + 1, j - i - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
            Integer param = null;
            int k = j;
            if (k < n && (rtf[k] == '-' || Character.isDigit(rtf[k] & 0xFF))) {
                k++;
                while (k < n && Character.isDigit(rtf[k] & 0xFF)) {
                    k++;
                }
                try {
                    param = Integer.parseInt(new String(rtf, j, k - j, java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (NumberFormatException e) {
                    param = 0;
                }
            }
            if (k < n && rtf[k] == ' ') {
                k++;
            }
            i = k;
            if (SKIPPED.contains(word)) {
                g.skip = true;
                continue;
            }
            if (g.skip) {
                continue;
            }
            switch (word) {
                case "ansicpg" -> charset = codePage(param, charset);
                case "uc" -> g.uc = param == null ? 1 : Math.max(0, param);
                case "u" -> {
                    if (param != null) {
                        line.append((char) (param < 0 ? param + 65536 : param));
                        skipChars = g.uc;
                    }
                }
                case "par", "line", "sect" -> {
                    if (inTable) {
                        line.append(' ');
                    } else {
                        pager.line(line.toString());
                        line.setLength(0);
                    }
                }
                case "tab" -> line.append(' ');
                case "intbl" -> inTable = true;
                case "pard" -> inTable = false;
                case "cell" -> {
                    cells.append(line.toString().strip()).append('\u0007');
                    line.setLength(0);
                }
                case "row" -> {
                    pager.row(java.util.Arrays.stream(cells.toString().split("\u0007")).map(String::strip).toList());
                    cells.setLength(0);
                    inTable = false;
                }
                case "page", "pagebb" -> {
                    pager.line(line.toString());
                    line.setLength(0);
                    pager.newPage();
                }
                default -> {
                    // formatting: nothing to say about the text
                }
            }
            if (skipChars > 0 && !word.equals("u")) {
                skipChars = 0;
            }
        }
        flush(pending, line, charset);
        pager.line(line.toString());
        return pager.done(SourceFormat.RTF);
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder line, Charset charset) {
        if (pending.size() > 0) {
            line.append(new String(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static Charset codePage(Integer page, Charset otherwise) {
        if (page == null) {
            return otherwise;
        }
        return switch (page) {
            case 936 -> Charset.forName("GB18030");
            case 950 -> Charset.forName("Big5");
            case 65001 -> java.nio.charset.StandardCharsets.UTF_8;
            default -> {
                try {
                    yield Charset.forName("windows-" + page);
                } catch (RuntimeException e) {
                    yield otherwise;
                }
            }
        };
    }
}
