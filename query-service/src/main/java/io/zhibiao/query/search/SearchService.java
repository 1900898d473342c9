package io.zhibiao.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhibiao.contracts.words.WordSegmenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Full-text search over passages: every term must occur; the segment stage's words rank the hits. */
@ApplicationScoped
public class SearchService {
    public static final int MAX_SIZE = 100;
    public static final int MAX_DEPTH = 1000;

    @Inject
    ElasticsearchClient client;

    private final WordSegmenter segmenter = WordSegmenter.standard();

    public record PassageHit(String passageId, String documentId, int paragraph, int start, int end, String title,
                       String region, String province, Integer year, String docType, String section, double score,
                       List<String> highlights) {
    }

    public record Page(long total, List<PassageHit> items) {
    }

    public Page search(QueryText q, int from, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (from < 0 || from + size > MAX_DEPTH) {
            throw new IllegalArgumentException("from + size must not exceed " + MAX_DEPTH);
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (String term : q.terms()) {
            bool.must(m -> m.matchPhrase(p -> p.field("text").query(term)));
            String words = segmenter.words(term).stream().map(w -> w.text().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" "));
            if (!words.isBlank()) {
                bool.should(s -> s.match(m -> m.field("words").query(words)));
            }
        }
        Query query = Query.of(b -> b.bool(bool.build()));
        try {
            SearchResponse<ObjectNode> response = client.search(s -> s.index("passages").query(query).from(from).size(size)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.excludes("words")))
                    .highlight(h -> h.fields(NamedValue.of("text", HighlightField.of(f -> f.fragmentSize(120)
                            .numberOfFragments(3).preTags("<em>").postTags("</em>"))))), ObjectNode.class);
            List<PassageHit> items = new ArrayList<>();
            for (Hit<ObjectNode> h : response.hits().hits()) {
                ObjectNode d = h.source();
                Map<String, List<String>> hl = h.highlight();
                items.add(new PassageHit(h.id(), text(d, "documentId"), d.path("paragraph").asInt(), d.path("start").asInt(),
                        d.path("end").asInt(), text(d, "title"), text(d, "region"), text(d, "province"),
                        d.hasNonNull("year") ? d.get("year").asInt() : null, text(d, "docType"), text(d, "section"),
                        h.score() == null ? 0 : h.score(), hl.getOrDefault("text", List.of())));
            }
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new Page(total, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ObjectNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }
}
