package io.zhibiao.contracts.words;

import java.util.BitSet;

/**
 * A report's text in one way of writing, for rules to match, with the way back to the exact original
 * characters: whatever a rule finds at {@code [start, end)} of {@link #text()} is
 * {@code original.substring(originalStart(start), originalEnd(end))}.
 *
 * <p>What the view changes, each as it appears in real reports:
 * <ul>
 *   <li><b>Script</b>: traditional characters to simplified ({@link SimplifiedScript}):
 *       {@code 國內生產總值 → 国内生产总值}, {@code 十二點八萬億元 → 十二点八万亿元}.</li>
 *   <li><b>Width</b>: full-width digits, letters and punctuation to ASCII ({@code ６．５％ → 6.5%}).</li>
 *   <li><b>Spaces and line breaks</b> inside words and numbers, left by line wrapping and page layout:
 *       {@code 社 会消费品 → 社会消费品}, {@code 9. 6万人 → 9.6万人}, {@code 6 . 5% → 6.5%},
 *       {@code 2025 年 3 月 → 2025年3月}. A space between two Latin letters or digits on one line stays
 *       ({@code PM 2.5}). Where whitespace was dropped, {@link #gapBefore} says so, because a space can
 *       also stand for a boundary ({@code 2021年成绩 全市生产总值…}).</li>
 *   <li><b>Pinyin glosses</b> that some mirror sites splice after characters: {@code 生產(chǎn)總值 → 生产总值}
 *       (parenthesised lower-case Latin with a tone mark, right after a Chinese character).</li>
 *   <li><b>Footnote marks</b>: {@code R&D[3]经费占比 → R&D经费占比}, {@code “三高四新”[1]}.</li>
 *   <li><b>Years in Chinese numerals</b>: {@code 二〇二二年 → 2022年}, also with the letter O for 〇
 *       ({@code 二O一二年}), digit for digit.</li>
 * </ul>
 * Nothing is added, so the view is never longer than the original.
 */
public final class NormalizedText {
    private static final String PINYIN_VOWELS_WITH_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    private static final int MAX_GLOSS = 8;
    private static final String YEAR_DIGITS = "〇零一二三四五六七八九";

    private final String original;
    private final String text;
    /** origin[i], i < length: where character i of the view stands in the original (the array may be longer). */
    private final int[] origin;
    private final int length;
    private final BitSet gap;

    private NormalizedText(String original, String text, int[] origin, int length, BitSet gap) {
        this.original = original;
        this.text = text;
        this.origin = origin;
        this.length = length;
        this.gap = gap;
    }

    public static NormalizedText of(String original) {
        SimplifiedScript script = SimplifiedScript.standard();
        String in = original;
        int n = in.length();
        // where the next character that converts on its own stands (most reports have none): only near one can a
        // phrase convert otherwise than character by character
        int nextConverting = nextConverting(script, in, 0);
        int lastConverting = Integer.MIN_VALUE / 2;
        char[] out = new char[n];
        int[] origin = new int[n];
        int len = 0;
        BitSet gap = new BitSet();
        int i = 0;
        while (i < n) {
            char c = in.charAt(i);
            if (c <= ' ' || c == '\u3000' || c == '\u00a0') {
                if (isSpace(c)) {
                    int j = i;
                    boolean lineBreak = false;
                    while (j < n && isSpace(in.charAt(j))) {
                        lineBreak |= in.charAt(j) == '\n' || in.charAt(j) == '\r';
                        j++;
                    }
                    boolean keep = !lineBreak && len > 0 && j < n && isAsciiAlnum(out[len - 1]) && isAsciiAlnum(fold(in.charAt(j)));
                    if (keep) {
                        origin[len] = i;
                        out[len++] = ' ';
                    } else if (j < n) {
                        gap.set(len);
                    }
                    i = j;
                    continue;
                }
            } else if ((c == '(' || c == '（') && len > 0 && isHan(out[len - 1])) {
                int close = pinyinGlossEnd(original, i);
                if (close > 0) {
                    i = close;
                    continue;
                }
            } else if ((c == '[' || c == '［') && len > 0) {
                int close = footnoteEnd(original, i);
                if (close > 0) {
                    i = close;
                    continue;
                }
            } else if ((c == '一' || c == '二') && isChineseYear(original, i)) {
                for (int k = 0; k < 4; k++) {
                    origin[len] = i + k;
                    out[len++] = (char) ('0' + yearDigit(in.charAt(i + k)));
                }
                i += 4;
                continue;
            }
            origin[len] = i;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out[len++] = fold(c);
            } else if (nextConverting - i > SimplifiedScript.reach() && i - lastConverting > SimplifiedScript.reach()) {
                out[len++] = c;
            } else {
                if (i >= nextConverting) {
                    lastConverting = nextConverting;
                    nextConverting = nextConverting(script, in, nextConverting + 1);
                }
                out[len++] = script.atNear(original, i);
            }
            i++;
        }
        return new NormalizedText(original, new String(out, 0, len), origin, len, gap);
    }

    private static int nextConverting(SimplifiedScript script, String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (script.converts(s.charAt(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE / 2;
    }

    public String original() {
        return original;
    }

    /** The normalised view. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Where character {@code i} of the view stands in the original. */
    public int originalStart(int i) {
        return i >= length ? original.length() : origin[i];
    }

    /** The original offset just past view character {@code end - 1}: the end of a span found in the view. */
    public int originalEnd(int end) {
        return end <= 0 ? 0 : origin[end - 1] + 1;
    }

    /** The view offset of the first character at or after original offset {@code o}. */
    public int index(int o) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (origin[mid] < o) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link #index(int)} for offsets read in order: the search starts at {@code hint}, a view offset at or before the
     * answer (the answer for an earlier original offset), and walks on from there.
     */
    public int index(int o, int hint) {
        int i = Math.max(0, Math.min(hint, length));
        if (i > 0 && origin[i - 1] >= o) {
            return index(o);
        }
        while (i < length && origin[i] < o) {
            i++;
        }
        return i;
    }

    /** Did whitespace stand before view character {@code i} in the original? */
    public boolean gapBefore(int i) {
        return gap.get(i);
    }

    /** A short text (a heading, a line) in the normal form, without the way back. */
    public static String normalize(String s) {
        return of(s).text();
    }

    /** 全角 → ASCII for U+FF01–U+FF5E; the ideographic space is whitespace. */
    static char fold(char c) {
        return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000' || c == '\u00a0' || c == '\f';
    }

    /** A Chinese character of the blocks reports use (CJK Unified Ideographs and Extension A). */
    private static boolean isHan(char c) {
        return c >= '\u3400' && c <= '\u9fff';
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** {@code (chǎn)} at {@code i}: the index after its closing parenthesis, or -1. */
    private static int pinyinGlossEnd(String s, int i) {
        boolean tone = false;
        int j = i + 1;
        for (; j < s.length() && j - i - 1 <= MAX_GLOSS; j++) {
            char c = s.charAt(j);
            if (c == ')' || c == '）') {
                return tone && j > i + 1 ? j + 1 : -1;
            }
            if (PINYIN_VOWELS_WITH_TONE.indexOf(c) >= 0) {
                tone = true;
            } else if (!(c >= 'a' && c <= 'z') && c != 'ü' && c != 'ê') {
                return -1;
            }
        }
        return -1;
    }

    /** {@code [3]} at {@code i}: the index after it, or -1. */
    private static int footnoteEnd(String s, int i) {
        int j = i + 1;
        while (j < s.length() && j - i <= 2 && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j == i + 1 || j >= s.length() || (s.charAt(j) != ']' && s.charAt(j) != '］')) {
            return -1;
        }
        return j + 1;
    }

    /** Four Chinese digits (〇 also written O) and then 年: 二〇二二年, 二O一二年. */
    private static boolean isChineseYear(String s, int i) {
        if (i + 4 >= s.length() || s.charAt(i + 4) != '年' || (i > 0 && YEAR_DIGITS.indexOf(s.charAt(i - 1)) >= 0)) {
            return false;
        }
        char first = s.charAt(i);
        if (first != '一' && first != '二') {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            if (yearDigit(s.charAt(i + k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int yearDigit(char c) {
        if (c == 'O' || c == 'o' || c == 'Ｏ' || c == '零' || c == '〇' || c == '０') {
            return 0;
        }
        int d = "〇一二三四五六七八九".indexOf(c);
        return d;
    }
}
