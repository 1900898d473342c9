package io.zhibiao.contracts.words;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.other.CharType;

import java.util.Arrays;

/**
 * HanLP's dictionary segmentation ({@code DoubleArrayTrieSegment} with part-of-speech tags) computed on
 * the text in place: the same words and tags, without the copies HanLP makes of every sentence, word
 * and unknown-character run (a {@code char[]} per sentence, a {@code String} and a {@code Term} per word,
 * a list of {@code AtomNode}s per run). Those copies were a third of the segment stage's time.
 *
 * <p>Three steps, as HanLP does them, quirks included, so that the words are exactly HanLP's (a test
 * compares both on the corpora and on random text):
 * <ol>
 *   <li><b>longest match</b> on HanLP's core dictionary, left to right: from each position the longest
 *   dictionary word, else one character and on; a walk that reaches the end of the sentence inside a
 *   word's prefix ends the matching there;</li>
 *   <li><b>unknown runs</b>: every stretch of positions that no word starts at is cut into runs of one
 *   character type (digits with their decimal point or separator, letters, Chinese, punctuation), tagged
 *   {@code m}, {@code nx}, {@code w} or {@code nz};</li>
 *   <li>the words are read off from the first position, each one's length leading to the next.</li>
 * </ol>
 * Thread-safe: it reads HanLP's dictionary only.
 */
final class LongestMatchWords {
    private final int[] base;
    private final int[] check;
    /** The tag of dictionary entry i (its most frequent part of speech). */
    private final String[] tags;

    LongestMatchWords() {
        DoubleArrayTrie<CoreDictionary.Attribute> trie = CoreDictionary.trie;
        this.base = trie.getBase();
        this.check = trie.getCheck();
        this.tags = new String[trie.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = trie.getValueAt(i).nature[0].toString();
        }
    }

    /** The words of {@code text[start, end)}: word i spans offsets[2i]..offsets[2i+1] and has tag pos[i]. */
    WordSegmenter.Words segment(CharSequence text, int start, int end) {
        int n = end - start;
        int[] length = new int[n];
        Arrays.fill(length, 1);
        String[] tag = new String[n];
        matchLongest(text, start, n, length, tag);
        tagUnknownRuns(text, start, n, length, tag);
        int count = 0;
        for (int i = 0; i < n; i += length[i]) {
            count++;
        }
        int[] offsets = new int[2 * count];
        String[] pos = new String[count];
        int w = 0;
        for (int i = 0; i < n; i += length[i]) {
            if (blank(text, start + i, start + i + length[i])) {
                continue;
            }
            offsets[2 * w] = start + i;
            offsets[2 * w + 1] = start + i + length[i];
            pos[w] = tag[i] == null ? "nz" : tag[i];
            w++;
        }
        return w == count ? new WordSegmenter.Words(offsets, pos)
                : new WordSegmenter.Words(Arrays.copyOf(offsets, 2 * w), Arrays.copyOf(pos, w));
    }

    private void matchLongest(CharSequence text, int start, int n, int[] length, String[] tag) {
        int i = 0;
        while (true) {
            // one search: the longest word from begin; no word there moves begin on by one
            int begin = i;
            int found = 0;
            int entry = -1;
            int b = base[0];
            boolean more;
            while (true) {
                if (i >= n) {
                    more = found > 0;
                    break;
                }
                int p = b + text.charAt(start + i) + 1;
                if (p < check.length && b == check[p]) {
                    b = base[p];
                } else {
                    if (found > 0) {
                        i = begin + found;
                        more = true;
                        break;
                    }
                    i = begin;
                    begin++;
                    b = base[0];
                }
                int leaf = base[b];
                if (b == check[b] && leaf < 0) {
                    found = i - begin + 1;
                    entry = -leaf - 1;
                }
                i++;
            }
            if (!more) {
                return;
            }
            length[begin] = found;
            tag[begin] = tags[entry];
        }
    }

    /**
     * HanLP's tagging of the positions no dictionary word starts at: from each such position up to the next
     * word's start, runs of one character type, each taking its length and tag at the position reached so far
     * when it is at least as long as what stands there.
     */
    private static void tagUnknownRuns(CharSequence text, int start, int n, int[] length, String[] tag) {
        int i = 0;
        while (i < n) {
            if (tag[i] != null) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && tag[j] == null) {
                j++;
            }
            int at = i;
            int runStart = i;
            byte type = CharType.get(text.charAt(start + i));
            for (int x = i + 1; ; x++) {
                if (x < j) {
                    byte next = CharType.get(text.charAt(start + x));
                    if (next == type) {
                        continue;
                    }
                    if (type == CharType.CT_NUM && "，,．.".indexOf(text.charAt(start + x)) >= 0 && x + 1 < j
                            && CharType.get(text.charAt(start + x + 1)) == CharType.CT_NUM) {
                        continue;
                    }
                }
                int run = x - runStart;
                if (run >= length[at]) {
                    length[at] = run;
                    tag[at] = runTag(type, text, start + runStart, start + x);
                    at += run;
                }
                if (x >= j) {
                    break;
                }
                runStart = x;
                type = CharType.get(text.charAt(start + x));
            }
            i = j;
        }
    }

    private static String runTag(byte type, CharSequence text, int s, int e) {
        return switch (type) {
            case CharType.CT_NUM, CharType.CT_INDEX, CharType.CT_CNUM -> "m";
            case CharType.CT_DELIMITER -> "w";
            case CharType.CT_LETTER -> "nx";
            case CharType.CT_SINGLE -> decimal(text, s, e) ? "m" : "nx";
            default -> "nz";
        };
    }

    /** {@code -?\d+(\.\d+)?} in ASCII digits, as HanLP's PATTERN_FLOAT_NUMBER. */
    private static boolean decimal(CharSequence text, int s, int e) {
        int k = s;
        if (k < e && text.charAt(k) == '-') {
            k++;
        }
        int digits = 0;
        while (k < e && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
            k++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (k == e) {
            return true;
        }
        if (text.charAt(k) != '.') {
            return false;
        }
        k++;
        int fraction = 0;
        while (k < e && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
            k++;
            fraction++;
        }
        return fraction > 0 && k == e;
    }

    private static boolean blank(CharSequence text, int s, int e) {
        for (int k = s; k < e; k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
