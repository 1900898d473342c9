package io.zhibiao.index.documents;

import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.Pages;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.contracts.SegmentedReport.Sentence;

import java.time.Instant;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns pipeline events into the documents of the three indices. Pure functions, no Elasticsearch. */
public final class IndexDocuments {

    /** A document to write, with its id. */
    public record Keyed<T>(String id, T doc) {
    }

    /** The report with its metadata, text and sections; for a paged source its pages (see {@link ReportDoc}). */
    public static ReportDoc report(SegmentedReport r, Instant now) {
        ReportMetadata m = r.metadata();
        Region g = region(m);
        Pages pages = m.pages();
        return new ReportDoc(r.documentId(), m.title(), g.name(), g.code(), g.province(), g.level(), m.docType(),
                m.year(), m.reviewedYear(), m.speaker(), m.fragment(), m.sourceUrl(), m.sourceName(),
                m.indexInSource(), m.publishedAt(), m.publisher(), r.text().length(), r.paragraphs().size(),
                pages == null ? null : pages.format(), pages == null ? null : pages.count(),
                pages == null ? null : pages.anyOcr(), pages == null || !pages.anyOcr() ? null : pages.ocrConfidence(),
                pageStarts(pages), pages == null || !pages.anyOcr() ? null : pages.ocrPages(), r.text(),
                r.sections(), now);
    }

    /** Where each page begins, as flat pairs {@code [page, offset, page, offset, …]}; null without pages. */
    static List<Integer> pageStarts(Pages pages) {
        if (pages == null || pages.starts().isEmpty()) {
            return null;
        }
        List<Integer> out = new ArrayList<>(2 * pages.starts().size());
        for (Pages.Start s : pages.starts()) {
            out.add(s.page());
            out.add(s.offset());
        }
        return out;
    }

    /** True when a page that the text [start, end) spans was read by OCR; null when none was (or no pages). */
    static Boolean ocr(Pages pages, int start, int end) {
        if (pages == null || !pages.anyOcr()) {
            return null;
        }
        Integer first = pages.pageAt(start);
        Integer last = pages.pageAt(Math.max(start, end - 1));
        if (first == null || last == null) {
            return null;
        }
        for (int page = first; page <= last; page++) {
            if (pages.isOcr(page)) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /** One passage per paragraph, with its section path and its words. */
    public static List<Keyed<PassageDoc>> passages(SegmentedReport r) {
        ReportMetadata m = r.metadata();
        Region g = region(m);
        Pages pages = m.pages();
        Map<Integer, StringBuilder> words = wordsByParagraph(r);
        List<Keyed<PassageDoc>> out = new ArrayList<>(r.paragraphs().size());
        for (Paragraph p : r.paragraphs()) {
            List<String> path = sectionPath(r.sections(), p.section());
            StringBuilder w = words.get(p.index());
            out.add(new Keyed<>(PassageDoc.id(r.documentId(), p.index()), new PassageDoc(r.documentId(), p.index(),
                    p.start(), p.end(), r.text().substring(p.start(), p.end()), w == null ? "" : w.toString(),
                    topSection(path, m.title()), path, m.title(), g.name(), g.code(), g.province(), g.level(),
                    m.docType(), m.year(), m.reviewedYear(), m.sourceName(), m.pageAt(p.start()),
                    ocr(pages, p.start(), p.end()))));
        }
        return out;
    }

    /**
     * Facts with the report's metadata and the passage that holds each quote; from a paged source the page of the
     * quote and whether it was read by OCR, as the fact says (nlp-service places it), else from the metadata's pages.
     */
    public static List<Keyed<FactDoc>> facts(ExtractedIndicators e) {
        ReportMetadata m = e.metadata();
        Region g = region(m);
        Pages pages = m.pages();
        List<Keyed<FactDoc>> out = new ArrayList<>(e.facts().size());
        int ordinal = 0;
        for (IndicatorFact f : e.facts()) {
            String passage = f.paragraph() == null ? null : PassageDoc.id(e.documentId(), f.paragraph());
            Integer page = f.page();
            Boolean ocr = f.ocr();
            if (page == null && pages != null) {
                page = pages.pageAt(f.start());
                ocr = pages.isOcr(page) ? Boolean.TRUE : null;
            }
            out.add(new Keyed<>(FactDoc.id(e.documentId(), ordinal++), new FactDoc(e.documentId(), passage,
                    f.source() != null ? f.source() : m.sourceName(), f.region() != null ? f.region() : g.name(),
                    g.code(), g.province(), g.level(), m.docType(), m.year(), m.title(), f.indicator(), f.kind(),
                    f.estimated(), f.period(), f.measure(), f.value(), f.valueMax(), f.unit(), f.qualifier(),
                    f.quote(), f.start(), f.end(), page, ocr)));
        }
        return out;
    }

    /**
     * The section a passage is filtered and faceted by: its outermost heading, except a heading that is
     * only the report's title (a bundle repeats the title line before each report, and the segment stage
     * takes it for a heading), which would make every section of that report one facet value.
     */
    static String topSection(List<String> path, String title) {
        for (String heading : path) {
            if (title == null || !normalise(heading).equals(normalise(title))) {
                return heading;
            }
        }
        return null;
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The headings from the outermost section down to the given one. */
    static List<String> sectionPath(List<Section> sections, Integer innermost) {
        List<String> path = new ArrayList<>();
        Integer at = innermost;
        int guard = 0;
        while (at != null && at >= 0 && at < sections.size() && guard++ < 64) {
            Section s = sections.get(at);
            path.add(0, s.heading());
            at = s.parent();
        }
        return path;
    }

    /** Words of each paragraph, lower-cased, space-separated, punctuation and spaces left out. */
    static Map<Integer, StringBuilder> wordsByParagraph(SegmentedReport r) {
        Map<Integer, StringBuilder> out = new LinkedHashMap<>();
        String text = r.text();
        for (Sentence s : r.sentences()) {
            int[] w = s.words();
            if (w == null) {
                continue;
            }
            StringBuilder sb = out.computeIfAbsent(s.paragraph(), k -> new StringBuilder());
            for (int i = 0; i + 1 < w.length; i += 2) {
                String pos = s.pos() != null && i / 2 < s.pos().length ? s.pos()[i / 2] : "";
                if (pos.startsWith("w") || w[i] < 0 || w[i + 1] > text.length() || w[i] >= w[i + 1]) {
                    continue;
                }
                String word = text.substring(w[i], w[i + 1]).strip();
                if (word.isEmpty()) {
                    continue;
                }
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(word.toLowerCase(Locale.ROOT).replace(' ', '_'));
            }
        }
        return out;
    }

    private static Region region(ReportMetadata m) {
        return m.region() == null ? new Region(null, null, null, null) : m.region();
    }

    private IndexDocuments() {
    }

}
