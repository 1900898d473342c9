package io.zhibiao.contracts.words;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traditional characters to simplified ones (繁体转简体: 國內生產總值 → 国内生产总值, 萬億元 → 万亿元),
 * character for character, so that every offset of the converted text is the offset of the original.
 *
 * <p>The table is HanLP's {@code data/dictionary/tc/t2s.txt}, which HanLP derives from OpenCC's
 * TSCharacters and TSPhrases (maintained with both projects, shipped inside the portable HanLP jar that
 * the word segmenter already loads). Its single-character entries give the character map; its phrase
 * entries of equal length on both sides (乾隆 stays 乾隆 while 乾 alone is 干) are applied by longest
 * match first. The two entries whose sides differ in length (筆記簿型電腦 → 笔记本电脑) and those that
 * map into characters outside the Basic Multilingual Plane are left out: they would move offsets.
 *
 * <p>Mainland variants that the table does not list (産 for 产, as cctv.com's Big5 gateway writes it)
 * are added below. Converting a text that is already simplified changes nothing the extractor reads.
 */
public final class SimplifiedScript {
    static final String TABLE = "data/dictionary/tc/t2s.txt";

    /** Variants the OpenCC table leaves to other tables (Japanese and mainland-traditional forms). */
    private static final String EXTRA_PAIRS = "産产値值増增総总経经済济単单価价県县";

    /** How far back a phrase that covers a character may have begun. */
    static final int MAX_PHRASE_BACK = 6;

    private static final class Holder {
        static final SimplifiedScript STANDARD = load();
    }

    private final char[] single;
    /**
     * Phrases by first character, longest first: only those that convert otherwise than character by character
     * (each holds a character that converts on its own, so only text near such a character needs them).
     */
    private final String[][][] phrases;
    /** Characters that stand in such a phrase. */
    private final boolean[] inPhrase;
    /** The characters that convert on their own, as bits (8 KB, which stay in the cache as the tables do not). */
    private final long[] converting = new long[(Character.MAX_VALUE + 1) / 64];

    private SimplifiedScript(char[] single, Map<Character, List<String[]>> byFirst) {
        this.single = single;
        this.phrases = new String[Character.MAX_VALUE + 1][][];
        this.inPhrase = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (single[c] != 0 && single[c] != c) {
                converting[c >>> 6] |= 1L << c;
            }
        }
        byFirst.forEach((c, ps) -> {
            phrases[c] = ps.toArray(new String[0][]);
            for (String[] p : ps) {
                for (int i = 0; i < p[0].length(); i++) {
                    inPhrase[p[0].charAt(i)] = true;
                }
            }
        });
    }

    public static SimplifiedScript standard() {
        return Holder.STANDARD;
    }

    /** The simplified form of the character at {@code i} of {@code text}, looking at the phrase around it. */
    public char at(CharSequence text, int i) {
        char c = text.charAt(i);
        return !inPhrase[c] || !convertsNear(text, i) ? alone(c) : inPhrase(text, i);
    }

    /** The character converted on its own, without looking at a phrase around it. */
    public char alone(char c) {
        char s = single[c];
        return s == 0 ? c : s;
    }

    /** Does the character convert on its own (is it traditional)? */
    public boolean converts(char c) {
        return (converting[c >>> 6] & (1L << c)) != 0;
    }

    /** How far a phrase reaches around a character: a converting character farther away cannot change it. */
    public static int reach() {
        return MAX_PHRASE_BACK;
    }

    /** {@link #at} where a converting character is within {@link #reach()} of {@code i}. */
    public char atNear(CharSequence text, int i) {
        char c = text.charAt(i);
        return inPhrase[c] ? inPhrase(text, i) : alone(c);
    }

    private char inPhrase(CharSequence text, int i) {
        char c = text.charAt(i);
        char s = single[c];
        String[][] candidates = phrases[c];
        if (candidates != null) {
            for (String[] p : candidates) {
                if (regionMatches(text, i, p[0])) {
                    return p[1].charAt(0);
                }
            }
        }
        // inside a phrase that began earlier: 乾隆 read from its second character
        for (int back = 1; back <= MAX_PHRASE_BACK && i - back >= 0; back++) {
            String[][] earlier = phrases[text.charAt(i - back)];
            if (earlier == null) {
                continue;
            }
            for (String[] p : earlier) {
                if (p[0].length() > back && p[0].charAt(back) == c && regionMatches(text, i - back, p[0])) {
                    return p[1].charAt(back);
                }
            }
        }
        return s == 0 ? c : s;
    }

    /** Does the text hold any character the table converts? Most reports are simplified throughout. */
    public boolean convertsAny(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (single[c] != 0 && single[c] != c) {
                return true;
            }
        }
        return false;
    }

    /** Does a character that converts on its own stand within a phrase's reach of {@code i}? */
    private boolean convertsNear(CharSequence text, int i) {
        int from = Math.max(0, i - MAX_PHRASE_BACK);
        int to = Math.min(text.length(), i + MAX_PHRASE_BACK + 1);
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (single[c] != 0 && single[c] != c) {
                return true;
            }
        }
        return false;
    }

    /** The whole text converted; same length as the input. */
    public String convert(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(at(text, i));
        }
        return out.toString();
    }

    /** Is the character one the table converts (so a text holding it is written in traditional script)? */
    public boolean isTraditional(char c) {
        return converts(c);
    }

    /** How many phrases the table keeps (for the tests). */
    int phraseCount() {
        int n = 0;
        for (String[][] ps : phrases) {
            n += ps == null ? 0 : ps.length;
        }
        return n;
    }

    private static boolean regionMatches(CharSequence text, int at, String w) {
        if (at + w.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (text.charAt(at + k) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static SimplifiedScript load() {
        char[] single = new char[Character.MAX_VALUE + 1];
        Map<Character, List<String[]>> phrases = new HashMap<>();
        try (InputStream in = SimplifiedScript.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("HanLP's conversion table " + TABLE + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String from = line.substring(0, eq);
                String to = line.substring(eq + 1).strip();
                if (from.length() != to.length() || hasSurrogate(from) || hasSurrogate(to)) {
                    continue;
                }
                if (from.length() == 1) {
                    single[from.charAt(0)] = to.charAt(0);
                } else {
                    phrases.computeIfAbsent(from.charAt(0), k -> new ArrayList<>()).add(new String[]{from, to});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int k = 0; k + 1 < EXTRA_PAIRS.length(); k += 2) {
            single[EXTRA_PAIRS.charAt(k)] = EXTRA_PAIRS.charAt(k + 1);
        }
        // a phrase matters only where it converts otherwise than its characters one by one (乾隆, not 干隆)
        Map<Character, List<String[]>> differing = new HashMap<>();
        for (Map.Entry<Character, List<String[]>> e : phrases.entrySet()) {
            for (String[] p : e.getValue()) {
                StringBuilder oneByOne = new StringBuilder();
                for (int i = 0; i < p[0].length(); i++) {
                    char c = p[0].charAt(i);
                    oneByOne.append(single[c] == 0 ? c : single[c]);
                }
                if (!oneByOne.toString().equals(p[1])) {
                    differing.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        differing.values().forEach(ps -> ps.sort(Comparator.comparingInt((String[] p) -> p[0].length()).reversed()));
        return new SimplifiedScript(single, differing);
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
