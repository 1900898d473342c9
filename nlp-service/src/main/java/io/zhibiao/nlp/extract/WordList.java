package io.zhibiao.nlp.extract;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list of cue words that knows, as bits, which characters its words start and end with, so that asking
 * "does one of them start (or end) here?" at a position where none can is answered by one test. The grammar asks
 * that at every comma and every name of a report; most of the time the answer is no.
 */
final class WordList extends AbstractList<String> implements RandomAccess {
    private final String[] words;
    private final long firstChars;
    private final long lastChars;

    private WordList(String[] words) {
        this.words = words;
        long first = 0;
        long last = 0;
        for (String w : words) {
            first |= bit(w.charAt(0));
            last |= bit(w.charAt(w.length() - 1));
        }
        this.firstChars = first;
        this.lastChars = last;
    }

    static WordList of(String... words) {
        for (String w : words) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("an empty cue word");
            }
        }
        return new WordList(words.clone());
    }

    static WordList of(List<String> words) {
        return words instanceof WordList w ? w : of(words.toArray(new String[0]));
    }

    private static long bit(char c) {
        return 1L << (c & 63);
    }

    /** May a word of the list start with {@code c}? (No means none does; yes means look.) */
    boolean mayStartWith(char c) {
        return (firstChars & bit(c)) != 0;
    }

    /** May a word of the list end with {@code c}? */
    boolean mayEndWith(char c) {
        return (lastChars & bit(c)) != 0;
    }

    @Override
    public String get(int index) {
        return words[index];
    }

    @Override
    public int size() {
        return words.length;
    }
}
