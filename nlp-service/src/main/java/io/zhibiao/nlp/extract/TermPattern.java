package io.zhibiao.nlp.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a compact term pattern into its spellings: {@code [x]} is optional, {@code (a|b)} is a choice.
 * {@code 城镇[常住]居民[人均]可支配收入} → 城镇居民可支配收入, 城镇居民人均可支配收入, 城镇常住居民可支配收入, …
 */
final class TermPattern {
    private TermPattern() {
    }

    static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        expand(pattern.strip(), 0, new StringBuilder(), out);
        return out;
    }

    private static void expand(String p, int i, StringBuilder prefix, List<String> out) {
        if (i >= p.length()) {
            out.add(prefix.toString());
            return;
        }
        char c = p.charAt(i);
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            int end = p.indexOf(close, i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed " + c + " in term pattern " + p);
            }
            List<String> options = new ArrayList<>(List.of(p.substring(i + 1, end).split("\\|", -1)));
            if (c == '[') {
                options.add("");
            }
            for (String option : options) {
                int len = prefix.length();
                prefix.append(option);
                expand(p, end + 1, prefix, out);
                prefix.setLength(len);
            }
        } else {
            int len = prefix.length();
            prefix.append(c);
            expand(p, i + 1, prefix, out);
            prefix.setLength(len);
        }
    }
}
