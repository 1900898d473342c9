package io.zhibiao.ingest.domain.metadata;

import java.util.List;

/**
 * A report's lines as one text for the metadata's patterns, with a line that a page broke in mid-sentence joined to
 * the next (`2024年长春市经济社会发展主要预期⏎目标是` reads as one phrase); other lines stay apart, so that patterns
 * anchored at a line's start or end still see them.
 */
final class WrappedLines {
    /** A line broken in mid-sentence is at least this long; titles, date lines and headings are shorter. */
    static final int MIN_WRAPPED_CHARS = 24;
    private static final String SENTENCE_END = "。！？!?；;:：”」』)）】>";

    private WrappedLines() {
    }

    static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.append(line);
            if (i + 1 < lines.size()) {
                boolean open = line.length() >= MIN_WRAPPED_CHARS && SENTENCE_END.indexOf(line.charAt(line.length() - 1)) < 0;
                if (!open) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
