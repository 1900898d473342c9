package io.zhibiao.contracts.words;

/**
 * Is a character Chinese (Unicode script Han)? {@link Character.UnicodeScript#of} answers by a binary
 * search over every script range, which showed up as a tenth of ingest-service's CPU when asked for every
 * character of every report; nearly every character of these reports is answered here by two comparisons.
 */
public final class HanScript {
    private HanScript() {
    }

    public static boolean is(int codePoint) {
        if (codePoint >= 0x4E00 && codePoint <= 0x9FEF) {
            return true; // CJK Unified Ideographs assigned since Unicode 11 (Java 12): the common case
        }
        if (codePoint < 0x2E80) {
            return false; // everything before the CJK radicals: Latin, digits, punctuation, …
        }
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** How many Han characters the text holds. */
    public static long count(CharSequence text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (is(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    n++;
                }
                i++;
            } else if (is(c)) {
                n++;
            }
        }
        return n;
    }
}
