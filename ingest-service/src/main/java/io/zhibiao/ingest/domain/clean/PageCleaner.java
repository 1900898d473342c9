package io.zhibiao.ingest.domain.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Removes the page furniture of {@link PageFurniture} from normalised text and keeps what it says
 * about the page (publication date and source) as facts.
 */
public final class PageCleaner {
    /** How far from the end of a page a trailer may start, in lines and in characters. */
    static final int TRAILER_MAX_LINES = 40;
    static final int TRAILER_MAX_CHARS = 3000;
    /** How far from the start of a page a summary box may be. */
    static final int SUMMARY_BOX_WITHIN_LINES = 20;

    /** A fact the page states, and where: the number of kept lines before it. */
    public record PageFact(int position, String publishedAt, String publisher) {
    }

    /** A line that was removed, and by which rule. */
    public record Removal(String rule, String line) {
    }

    /**
     * The lines kept, and for each the index of the input line it came from ({@code origins}), so that what is
     * known per input line (its page) follows it.
     */
    public record CleanedPage(List<String> lines, List<PageFact> facts, List<Removal> removals, List<Integer> origins) {
        public String text() {
            return String.join("\n", lines);
        }

        public boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    public CleanedPage clean(String normalizedText) {
        List<String> lines = normalizedText.isEmpty() ? List.of() : Arrays.asList(normalizedText.split("\n"));
        List<Removal> removals = new ArrayList<>();
        List<PageFact> facts = new ArrayList<>();

        int end = trailerStart(lines);
        for (int i = end; i < lines.size(); i++) {
            removals.add(new Removal(PageFurniture.TRAILER, lines.get(i)));
        }
        boolean[] inBox = summaryBox(lines, end);

        List<String> kept = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Optional<PageFurniture.PublicationLine> publication = PageFurniture.PublicationLine.parse(line);
            if (i >= end) {
                publication.ifPresent(p -> facts.add(new PageFact(kept.size(), p.publishedAt(), p.publisher())));
                continue;
            }
            if (inBox[i]) {
                removals.add(new Removal(PageFurniture.SITE_SUMMARY_BOX, line));
                continue;
            }
            for (PageFurniture.InlineRule rule : PageFurniture.INLINE_RULES) {
                String rewritten = rule.apply(line);
                if (!rewritten.equals(line)) {
                    removals.add(new Removal(rule.name(), line));
                    line = rewritten.replaceAll(" {2,}", " ").strip();
                }
            }
            if (line.isEmpty()) {
                continue;
            }
            PageFurniture.LineRule matched = null;
            for (PageFurniture.LineRule rule : PageFurniture.LINE_RULES) {
                if (rule.matches(line)) {
                    matched = rule;
                    break;
                }
            }
            if (matched == null) {
                kept.add(line);
                origins.add(i);
            } else {
                removals.add(new Removal(matched.name(), line));
                if (matched == PageFurniture.PUBLICATION_LINE) {
                    PageFurniture.PublicationLine p = publication.orElseThrow();
                    facts.add(new PageFact(kept.size(), p.publishedAt(), p.publisher()));
                }
            }
        }
        return new CleanedPage(List.copyOf(kept), List.copyOf(facts), List.copyOf(removals), List.copyOf(origins));
    }

    /**
     * The index of the first line of the page's trailer, or {@code lines.size()} when it has none:
     * the earliest anchor line such that what follows is short; a 附件 label or attachment line just
     * before it belongs to the trailer too.
     */
    static int trailerStart(List<String> lines) {
        int n = lines.size();
        int total = 0;
        for (String line : lines) {
            total += line.length();
        }
        int start = n;
        int chars = 0;
        for (int i = n - 1; i >= 0 && n - i <= TRAILER_MAX_LINES; i--) {
            chars += lines.get(i).length();
            if (chars > TRAILER_MAX_CHARS) {
                break;
            }
            String line = lines.get(i);
            // a trailer follows the article, which is the most of the page: a short page's head that names its
            // editor (发布日期:… 责任编辑:…) above the article starts no trailer
            if (line.length() <= 200 && PageFurniture.containsAny(line, PageFurniture.TRAILER_ANCHORS)
                    && total - chars >= chars) {
                start = i;
            }
        }
        while (start < n && start > 0 && PageFurniture.ATTACHMENT.matcher(lines.get(start - 1)).matches()) {
            start--;
        }
        return start;
    }

    private static boolean[] summaryBox(List<String> lines, int end) {
        boolean[] box = new boolean[lines.size()];
        for (int i = 0; i < Math.min(end, SUMMARY_BOX_WITHIN_LINES); i++) {
            if (!PageFurniture.SUMMARY_BOX_LABELS.contains(lines.get(i))) {
                continue;
            }
            for (int j = i + 1; j <= i + 3 && j < end; j++) {
                if (PageFurniture.SUMMARY_BOX_ENDS.contains(lines.get(j))) {
                    Arrays.fill(box, i, j + 1, true);
                    break;
                }
            }
        }
        return box;
    }
}
