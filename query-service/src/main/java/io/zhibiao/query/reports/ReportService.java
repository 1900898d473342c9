package io.zhibiao.query.reports;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One report to read: its metadata, its section tree (nested, from the flat list the segment stage
 * made), its paragraphs as offsets into the text, and, when asked, where one passage sits so that a
 * search hit opens the report at that passage. A report from a paged source (PDF, Word, a scan) also says
 * where each of its pages begins in the text and which were read by OCR, so the reader can mark them.
 */
@ApplicationScoped
public class ReportService {
    /** More paragraphs than any report has; the page lists them all. */
    static final int MAX_PARAGRAPHS = 10_000;

    @Inject
    ElasticsearchClient client;

    /**
     * What the reports index holds of a report. For a paged source: {@code format} (pdf, docx, …),
     * {@code pageCount}, {@code ocr} (whether some pages were read by OCR) and {@code ocrConfidence} (OCR's mean
     * word confidence, 0–100, when they were); left out for text and HTML.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String documentId, String title, String region, String regionCode, String province,
                           String level, String docType, Integer year, Integer reviewedYear, String speaker,
                           boolean fragment, String sourceUrl, String sourceName, String publishedAt, String publisher,
                           int chars, int passageCount, String indexedAt, String format, Integer pageCount, Boolean ocr,
                           Double ocrConfidence) {
    }

    /** A heading, its offsets and the sections under it. */
    public record SectionNode(int index, int level, String heading, int start, int end, List<SectionNode> children) {
    }

    /**
     * A paragraph: [start, end) in the text and the passage id search answers with; from a paged source the page
     * it begins on and {@code ocr} when a page it spans was read by OCR.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParagraphSpan(int paragraph, String passageId, int start, int end, Integer page, Boolean ocr) {
    }

    /** The passage asked for: where it is, under which headings, and on which page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Focus(int paragraph, String passageId, int start, int end, List<String> sectionPath, Integer page,
                        Boolean ocr) {
    }

    /** Where a page of the source begins in the text ({@code text.substring(start)} is its first character). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageStart(int page, int start, Boolean ocr) {
    }

    /** {@code pages}: the pages that hold text of the report, in order; left out for text and HTML. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(Metadata metadata, List<SectionNode> sections, List<ParagraphSpan> paragraphs,
                         List<PageStart> pages, Focus passage, String text) {
    }

    public Optional<Report> get(String documentId, Integer passage, boolean withText) throws IOException {
        GetResponse<ObjectNode> got = client.get(g -> g.index("reports").id(documentId)
                .sourceExcludes(withText ? List.of() : List.of("text")), ObjectNode.class);
        if (!got.found() || got.source() == null) {
            return Optional.empty();
        }
        ObjectNode d = got.source();
        Metadata m = new Metadata(documentId, text(d, "title"), text(d, "region"), text(d, "regionCode"),
                text(d, "province"), text(d, "level"), text(d, "docType"), integer(d, "year"), integer(d, "reviewedYear"),
                text(d, "speaker"), d.path("fragment").asBoolean(), text(d, "sourceUrl"), text(d, "sourceName"),
                text(d, "publishedAt"), text(d, "publisher"), d.path("chars").asInt(), d.path("passageCount").asInt(),
                text(d, "indexedAt"), text(d, "format"), integer(d, "pageCount"),
                d.hasNonNull("ocr") ? d.get("ocr").asBoolean() : null,
                d.hasNonNull("ocrConfidence") ? d.get("ocrConfidence").asDouble() : null);
        List<ParagraphSpan> paragraphs = paragraphs(documentId);
        Focus focus = null;
        if (passage != null) {
            ParagraphSpan span = paragraphs.stream().filter(p -> p.paragraph() == passage).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("report " + documentId + " has no passage " + passage
                            + " (it has " + paragraphs.size() + ", numbered from 0)"));
            focus = new Focus(span.paragraph(), span.passageId(), span.start(), span.end(), sectionPath(documentId, span),
                    span.page(), span.ocr());
        }
        return Optional.of(new Report(m, tree(d.path("sections")), paragraphs,
                pages(d.path("pageStarts"), d.path("ocrPages")), focus, withText ? text(d, "text") : null));
    }

    private List<ParagraphSpan> paragraphs(String documentId) throws IOException {
        SearchResponse<ObjectNode> r = client.search(s -> s.index("passages").size(MAX_PARAGRAPHS)
                .query(q -> q.term(t -> t.field("documentId").value(documentId)))
                .source(src -> src.filter(f -> f.includes("paragraph", "start", "end", "page", "ocr")))
                .sort(o -> o.field(f -> f.field("paragraph").order(SortOrder.Asc))), ObjectNode.class);
        List<ParagraphSpan> out = new ArrayList<>();
        for (Hit<ObjectNode> h : r.hits().hits()) {
            ObjectNode p = h.source();
            out.add(new ParagraphSpan(p.path("paragraph").asInt(), h.id(), p.path("start").asInt(), p.path("end").asInt(),
                    integer(p, "page"), p.path("ocr").asBoolean() ? Boolean.TRUE : null));
        }
        return out;
    }

    private List<String> sectionPath(String documentId, ParagraphSpan span) throws IOException {
        var r = client.get(g -> g.index("passages").id(span.passageId()).sourceIncludes("sectionPath"), ObjectNode.class);
        List<String> out = new ArrayList<>();
        if (r.found() && r.source() != null) {
            r.source().path("sectionPath").forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /**
     * The page starts as the reports index keeps them, flat pairs {@code [page, offset, page, offset, …]}, with
     * {@code ocr} on the pages read by OCR; null when the report has no pages (text, HTML).
     */
    static List<PageStart> pages(JsonNode pairs, JsonNode ocrPages) {
        if (!pairs.isArray() || pairs.size() < 2) {
            return null;
        }
        java.util.Set<Integer> ocr = new java.util.HashSet<>();
        ocrPages.forEach(n -> ocr.add(n.asInt()));
        List<PageStart> out = new ArrayList<>(pairs.size() / 2);
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            int page = pairs.get(i).asInt();
            out.add(new PageStart(page, pairs.get(i + 1).asInt(), ocr.contains(page) ? Boolean.TRUE : null));
        }
        return out;
    }

    /** The flat list (each section names its parent) as a tree; a parent that is not there makes a root. */
    static List<SectionNode> tree(JsonNode sections) {
        List<JsonNode> all = new ArrayList<>();
        sections.forEach(all::add);
        List<List<SectionNode>> children = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            children.add(new ArrayList<>());
        }
        // build bottom-up so every node gets its finished children
        SectionNode[] nodes = new SectionNode[all.size()];
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonNode s = all.get(i);
            nodes[i] = new SectionNode(s.path("index").asInt(i), s.path("level").asInt(1), s.path("heading").asText(""),
                    s.path("start").asInt(), s.path("end").asInt(), children.get(i));
            int parent = s.hasNonNull("parent") ? s.get("parent").asInt() : -1;
            if (parent >= 0 && parent < i) {
                children.get(parent).add(0, nodes[i]);
            }
        }
        List<SectionNode> roots = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode s = all.get(i);
            int parent = s.hasNonNull("parent") ? s.get("parent").asInt() : -1;
            if (parent < 0 || parent >= i) {
                roots.add(nodes[i]);
            }
        }
        return roots;
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static Integer integer(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asInt() : null;
    }
}
