package io.zhibiao.ingest.domain.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that always holds a fixed word (its anchor: 目标 in {@code 2024年…主要预期目标是}), tried only in windows around
 * the anchor's occurrences. The metadata patterns look for a few phrases in texts of up to 300,000 characters; run at
 * every position, their leading years and lazy runs of characters made detection the most of ingestion's time.
 *
 * @param pattern the pattern; every match holds {@code anchor} within {@code before} characters of its start and
 *                {@code after} characters of the anchor's end
 */
record Anchored(Pattern pattern, String anchor, int before, int after) {
    /** Chinese characters of the blocks reports use: a character range, which a regex tests far faster than \p{IsHan}. */
    static final String HAN = "[\\u3400-\\u9fff]";

    static Anchored of(String regex, String anchor, int before, int after) {
        return new Anchored(Pattern.compile(regex), anchor, before, after);
    }

    /** The first group that matched, of the first match in text order; null when there is none. */
    String firstGroup(String text) {
        for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
            Matcher m = window(text, at);
            if (m.find()) {
                return group(m);
            }
        }
        return null;
    }

    /** The first groups of every match, in text order. */
    List<String> allGroups(String text) {
        List<String> out = new ArrayList<>();
        int covered = -1;
        for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
            int from = Math.max(0, at - before);
            Matcher m = window(text, at);
            while (m.find()) {
                int start = from + m.start();
                if (start > covered) {
                    out.add(group(m));
                    covered = start;
                }
            }
        }
        return out;
    }

    private Matcher window(String text, int at) {
        int from = Math.max(0, at - before);
        int to = Math.min(text.length(), at + anchor.length() + after);
        // the window's edges are no line starts or ends unless the text's are
        return pattern.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private static String group(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return m.group();
    }
}
