package io.zhibiao.query.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed into the search box, cut into terms: "quoted phrases" stay whole, the rest is
 * split at spaces. Every term must occur in a passage (as a substring of its text), so 新能源汽车 finds
 * exactly the passages that say 新能源汽车.
 */
public record QueryText(List<String> terms) {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_TERMS = 10;

    public static QueryText parse(String q) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q is empty: type a word or a \"quoted phrase\"");
        }
        if (q.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("q is longer than " + MAX_LENGTH + " characters");
        }
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                flush(current, terms);
                quoted = !quoted;
            } else if (!quoted && (Character.isWhitespace(c) || c == '\u3000')) {
                flush(current, terms);
            } else {
                current.append(c);
            }
        }
        flush(current, terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("q has no words");
        }
        if (terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("q has more than " + MAX_TERMS + " terms");
        }
        return new QueryText(List.copyOf(terms));
    }

    private static void flush(StringBuilder current, List<String> terms) {
        String t = current.toString().strip();
        if (!t.isEmpty()) {
            terms.add(t);
        }
        current.setLength(0);
    }
}
