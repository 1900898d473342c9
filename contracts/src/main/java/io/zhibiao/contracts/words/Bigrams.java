package io.zhibiao.contracts.words;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping character pairs of Chinese text, for phrase matching without an analysis plugin: index-service
 * writes a passage's runs of Han characters as bigrams ({@code 城市更新} → {@code 城市 市更 更新}) into a
 * whitespace-analysed field, one value per run, and query-service asks for a word as the phrase of its bigrams.
 * A two-character word is then one term lookup instead of a phrase over two characters that each occur in
 * most passages. Runs are separate values, so Elasticsearch leaves a position gap between them and a phrase
 * never spans punctuation, digits or Latin letters — the same substring semantics as the per-character field.
 */
public final class Bigrams {
    private Bigrams() {
    }

    /** Each run of two or more Han characters of the text, as its bigrams separated by spaces. */
    public static List<String> of(String text) {
        List<String> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        StringBuilder run = new StringBuilder();
        int previous = -1; // the run's last code point, or -1 at its start
        int i = 0;
        while (i <= text.length()) {
            int c = i < text.length() ? text.codePointAt(i) : -1;
            if (c >= 0 && HanScript.is(c)) {
                if (previous >= 0) {
                    if (!run.isEmpty()) {
                        run.append(' ');
                    }
                    run.appendCodePoint(previous).appendCodePoint(c);
                }
                previous = c;
            } else {
                if (!run.isEmpty()) {
                    runs.add(run.toString());
                    run.setLength(0);
                }
                previous = -1;
            }
            i += c >= 0 ? Character.charCount(c) : 1;
        }
        return runs;
    }

    /**
     * The phrase of bigrams that finds a search term in the bigram field, or null when the term is not made
     * of two or more Han characters only (a single character, digits or Latin letters are matched per
     * character instead).
     */
    public static String phrase(String term) {
        if (term == null || term.codePointCount(0, term.length()) < 2 || !term.codePoints().allMatch(HanScript::is)) {
            return null;
        }
        List<String> runs = of(term);
        return runs.size() == 1 ? runs.get(0) : null;
    }
}
