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
 * search hit opens the report at that passage.
 */
@ApplicationScoped
public class ReportService {
    /** More paragraphs than any report has; the page lists them all. */
    static final int MAX_PARAGRAPHS = 10_000;

    @Inject
    ElasticsearchClient client;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String documentId, String title, String region, String regionCode, String province,
                           String level, String docType, Integer year, Integer reviewedYear, String speaker,
                           boolean fragment, String sourceUrl, String sourceName, String publishedAt, String publisher,
                           int chars, int passageCount, String indexedAt) {
    }

    /** A heading, its offsets and the sections under it. */
    public record SectionNode(int index, int level, String heading, int start, int end, List<SectionNode> children) {
    }

    /** A paragraph: [start, end) in the text and the passage id search answers with. */
    public record ParagraphSpan(int paragraph, String passageId, int start, int end) {
    }

    /** The passage asked for: where it is and under which headings. */
    public record Focus(int paragraph, String passageId, int start, int end, List<String> sectionPath) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(Metadata metadata, List<SectionNode> sections, List<ParagraphSpan> paragraphs, Focus passage,
                         String text) {
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
                text(d, "indexedAt"));
        List<ParagraphSpan> paragraphs = paragraphs(documentId);
        Focus focus = null;
        if (passage != null) {
            ParagraphSpan span = paragraphs.stream().filter(p -> p.paragraph() == passage).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("report " + documentId + " has no passage " + passage
                            + " (it has " + paragraphs.size() + ", numbered from 0)"));
            focus = new Focus(span.paragraph(), span.passageId(), span.start(), span.end(), sectionPath(documentId, span));
        }
        return Optional.of(new Report(m, tree(d.path("sections")), paragraphs, focus, withText ? text(d, "text") : null));
    }

    private List<ParagraphSpan> paragraphs(String documentId) throws IOException {
        SearchResponse<ObjectNode> r = client.search(s -> s.index("passages").size(MAX_PARAGRAPHS)
                .query(q -> q.term(t -> t.field("documentId").value(documentId)))
                .source(src -> src.filter(f -> f.includes("paragraph", "start", "end")))
                .sort(o -> o.field(f -> f.field("paragraph").order(SortOrder.Asc))), ObjectNode.class);
        List<ParagraphSpan> out = new ArrayList<>();
        for (Hit<ObjectNode> h : r.hits().hits()) {
            out.add(new ParagraphSpan(h.source().path("paragraph").asInt(), h.id(), h.source().path("start").asInt(),
                    h.source().path("end").asInt()));
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
