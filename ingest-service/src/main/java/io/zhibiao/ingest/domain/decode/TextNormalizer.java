package io.zhibiao.ingest.domain.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The one normal form of report text, so that the same report gets the same text (and id) whichever
 * site, charset or markup it came through, and so that downstream rules see one way of writing.
 *
 * <ul>
 *   <li><b>Full-width forms to half-width</b> (全角转半角): U+FF01–U+FF5E to ASCII and the ideographic
 *       space U+3000 to a space, i.e. {@code ２０２３年 → 2023年}, {@code ８．３％ → 8.3%},
 *       {@code （一） → (一)}, {@code ， → ,}, {@code ： → :}. The sample corpus is already written this
 *       way (its seeds say {@code 各位代表:} and {@code (一)}), so new input folded the same way
 *       matches it. CJK punctuation outside that block stays as it is: {@code 。、“”《》【】—}.</li>
 *   <li>Line ends {@code \r\n}, {@code \r}, U+2028, U+2029, U+0085 to {@code \n}.</li>
 *   <li>Other spaces (no-break, en/em, thin…) and tabs to a space; zero-width characters, byte order
 *       marks, soft hyphens and control characters removed.</li>
 *   <li>Each line trimmed (paragraph indentation of two ideographic spaces goes), runs of spaces
 *       inside a line made one, and blank lines dropped: a paragraph is a line.</li>
 *   <li><b>Flattened pages</b>: a line of more than {@value #FLATTENED_LINE_CHARS} characters is a page
 *       whose paragraph breaks were turned into spaces (one report in the bundle sample is a single
 *       50,000-character line: {@code …请市政协委员和其他列席人员提出意见。 一、2022年工作回顾 2022年是…});
 *       its spaces between Chinese text become line breaks again. Spaces between Latin letters or
 *       digits ({@code PM 2.5}) stay.</li>
 * </ul>
 */
public final class TextNormalizer {
    /** No real paragraph in the corpus is longer than about 3,600 characters. */
    public static final int FLATTENED_LINE_CHARS = 6000;

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                endLine(line, lines);
                continue;
            }
            char folded = fold(c);
            if (folded == 0) {
                continue;
            }
            if (folded == ' ' && (line.isEmpty() || line.charAt(line.length() - 1) == ' ')) {
                continue;
            }
            line.append(folded);
        }
        endLine(line, lines);
        return String.join("\n", lines);
    }

    private static void endLine(StringBuilder line, List<String> lines) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > 0) {
            String s = line.substring(0, end);
            if (s.length() > FLATTENED_LINE_CHARS) {
                lines.addAll(unflatten(s));
            } else {
                lines.add(s);
            }
        }
        line.setLength(0);
    }

    /** A character in normal form: itself, a replacement, a space, or 0 for "drop it". */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u3000', '\u00A0', '\t', '\u000B', '\u000C', '\u1680', '\u202F', '\u205F':
                return ' ';
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
                return 0;
            default:
                break;
        }
        if (c >= '\u2000' && c <= '\u200A') {
            return ' ';
        }
        if (Character.isISOControl(c)) {
            return 0;
        }
        return c;
    }

    /** Splits a flattened page at the spaces that stood for paragraph breaks. */
    static List<String> unflatten(String line) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < line.length() - 1; i++) {
            if (line.charAt(i) == ' ' && !(isLatinOrDigit(line.charAt(i - 1)) && isLatinOrDigit(line.charAt(i + 1)))) {
                parts.add(line.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(line.substring(start));
        return parts;
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
