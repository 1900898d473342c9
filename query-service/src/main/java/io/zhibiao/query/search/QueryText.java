package io.zhibiao.query.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed into the search box, cut into terms: "quoted phrases" stay whole, the rest is
 * split at spaces, and a term written -like this is one that must not occur. Every other term must
 * occur in a passage (as a substring of its text), so 新能源汽车 finds exactly the passages that say
 * 新能源汽车.
 */
public record QueryText(List<String> terms, List<String> excluded) {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_TERMS = 10;

    public QueryText(List<String> terms) {
        this(terms, List.of());
    }

    public static QueryText parse(String q) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q is empty: type a word or a \"quoted phrase\"");
        }
        if (q.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("q is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < q.length(); i++) {
            if (Character.isISOControl(q.charAt(i)) && !Character.isWhitespace(q.charAt(i))) {
                throw new IllegalArgumentException("q holds a control character at position " + i);
            }
        }
        List<String> terms = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean negated = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                flush(current, negated ? excluded : terms);
                negated = !quoted && current.isEmpty() && negatedBefore(q, i);
                quoted = !quoted;
                if (!quoted) {
                    negated = false;
                }
            } else if (!quoted && (Character.isWhitespace(c) || c == '\u3000')) {
                flush(current, negated ? excluded : terms);
                negated = false;
            } else if (!quoted && c == '-' && current.isEmpty() && !negated) {
                negated = true;
            } else {
                current.append(c);
            }
        }
        flush(current, negated ? excluded : terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException(excluded.isEmpty() ? "q has no words"
                    : "q has only excluded terms: name at least one word to find");
        }
        if (terms.size() + excluded.size() > MAX_TERMS) {
            throw new IllegalArgumentException("q has more than " + MAX_TERMS + " terms");
        }
        return new QueryText(List.copyOf(terms), List.copyOf(excluded));
    }

    /** True when the quote at {@code i} follows a minus that starts a term: -"..." excludes a phrase. */
    private static boolean negatedBefore(String q, int i) {
        return i > 0 && q.charAt(i - 1) == '-' && (i == 1 || Character.isWhitespace(q.charAt(i - 2)) || q.charAt(i - 2) == '\u3000');
    }

    private static void flush(StringBuilder current, List<String> terms) {
        String t = current.toString().strip();
        if (!t.isEmpty()) {
            terms.add(t);
        }
        current.setLength(0);
    }
}
