package io.zhibiao.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhibiao.contracts.words.WordSegmenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Full-text search over passages. Every term must occur as a substring of the passage ({@code text} is
 * analysed one character per token, so a phrase query is a substring test); the words the shared
 * HanLP segmentation cuts from the query rank the hits on {@code words}, where a passage that holds
 * 新能源汽车 as a word scores above one that merely contains the characters.
 *
 * <p>Facets are counted the way shops count them: each facet with every filter applied except its own,
 * so that choosing 辽宁省 still shows how many passages the other provinces would give.
 */
@ApplicationScoped
public class SearchService {
    static final int FACET_SIZE = 50;

    @Inject
    ElasticsearchClient client;

    private final WordSegmenter segmenter = WordSegmenter.standard();

    public record PassageHit(String passageId, String documentId, int paragraph, int start, int end, String title,
                             String region, String province, String level, Integer year, String docType,
                             String section, List<String> sectionPath, double score, List<String> highlights) {
    }

    /** One value of a facet and the passages (and reports) it would give. */
    public record FacetValue(String value, long count, long reports) {
    }

    /** How the query was understood: the terms that must occur, those that must not, the words that rank. */
    public record Understood(List<String> terms, List<String> excluded, List<String> words) {
    }

    public record Page(long total, long reports, int from, int size, long tookMillis, Understood query,
                       List<PassageHit> items, Map<String, List<FacetValue>> facets) {
    }

    public Page search(SearchQuery q) throws IOException {
        List<String> words = new ArrayList<>();
        BoolQuery.Builder text = new BoolQuery.Builder();
        for (String term : q.text().terms()) {
            text.must(m -> m.matchPhrase(p -> p.field("text").query(term)));
            String termWords = words(term);
            if (!termWords.isBlank()) {
                words.addAll(List.of(termWords.split(" ")));
                // all the term's words as words in a row ranks highest, then all of them anywhere
                text.should(s -> s.matchPhrase(m -> m.field("words").query(termWords).boost(2f)));
                text.should(s -> s.match(m -> m.field("words").query(termWords).operator(Operator.And)));
            }
        }
        for (String term : q.text().excluded()) {
            text.mustNot(m -> m.matchPhrase(p -> p.field("text").query(term)));
        }
        Map<String, Query> filters = filters(q);
        Query main = Query.of(b -> b.bool(text.build()));
        Query all = filtered(main, filters, null);

        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("reports", Aggregation.of(a -> a.cardinality(c -> c.field("documentId"))));
        for (String facet : facetNames()) {
            Query others = filtered(Query.of(b -> b.matchAll(m -> m)), filters, facet);
            String field = facet;
            aggs.put(facet, Aggregation.of(a -> a.filter(others).aggregations("values", v -> v
                    .terms(t -> t.field(field).size(FACET_SIZE))
                    .aggregations("reports", r -> r.cardinality(c -> c.field("documentId"))))));
        }

        List<SortOptions> sort = new ArrayList<>();
        switch (q.sort()) {
            case YEAR_DESC -> sort.add(SortOptions.of(o -> o.field(f -> f.field("year").order(SortOrder.Desc))));
            case YEAR_ASC -> sort.add(SortOptions.of(o -> o.field(f -> f.field("year").order(SortOrder.Asc))));
            case RELEVANCE -> {
            }
        }
        sort.add(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("documentId").order(SortOrder.Asc))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("paragraph").order(SortOrder.Asc))));

        // the query restricts the hits (and the facets' counts, within their own filters); post_filter
        // applies the filters to the hits only
        SearchResponse<ObjectNode> response = client.search(s -> s.index("passages")
                .query(main)
                .postFilter(filtered(Query.of(b -> b.matchAll(m -> m)), filters, null))
                .from(q.from()).size(q.size()).sort(sort).trackScores(true)
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.excludes("words", "text")))
                .aggregations(aggs)
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fields(NamedValue.of("text", HighlightField.of(f -> f.type(HighlighterType.Unified)
                                .fragmentSize(160).numberOfFragments(3).noMatchSize(160))))), ObjectNode.class);

        List<PassageHit> items = new ArrayList<>();
        for (Hit<ObjectNode> h : response.hits().hits()) {
            ObjectNode d = h.source();
            List<String> path = new ArrayList<>();
            d.path("sectionPath").forEach(n -> path.add(n.asText()));
            items.add(new PassageHit(h.id(), text(d, "documentId"), d.path("paragraph").asInt(), d.path("start").asInt(),
                    d.path("end").asInt(), text(d, "title"), text(d, "region"), text(d, "province"), text(d, "level"),
                    d.hasNonNull("year") ? d.get("year").asInt() : null, text(d, "docType"), text(d, "section"), path,
                    h.score() == null ? 0 : h.score(), h.highlight().getOrDefault("text", List.of())));
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String facet : facetNames()) {
            Aggregate values = response.aggregations().get(facet).filter().aggregations().get("values");
            List<FacetValue> out = new ArrayList<>();
            if (values.isSterms()) {
                for (StringTermsBucket b : values.sterms().buckets().array()) {
                    out.add(new FacetValue(b.key().stringValue(), b.docCount(),
                            b.aggregations().get("reports").cardinality().value()));
                }
            } else if (values.isLterms()) {
                for (LongTermsBucket b : values.lterms().buckets().array()) {
                    out.add(new FacetValue(String.valueOf(b.key()), b.docCount(),
                            b.aggregations().get("reports").cardinality().value()));
                }
            }
            facets.put(facet, out);
        }
        long total = response.hits().total() == null ? items.size() : response.hits().total().value();
        // the cardinality counts the reports of the query without the post-filter; with filters, count on the hits
        long reports = filters.isEmpty() ? response.aggregations().get("reports").cardinality().value()
                : reportsOf(all);
        return new Page(total, reports, q.from(), q.size(), response.took(),
                new Understood(q.text().terms(), q.text().excluded(), words), items, facets);
    }

    /** The words the shared segmentation cuts from a term, lower-cased like the index's words field. */
    String words(String term) {
        return segmenter.words(term).stream().map(w -> w.text().toLowerCase(Locale.ROOT).replace(' ', '_'))
                .filter(w -> w.chars().anyMatch(Character::isLetterOrDigit))
                .collect(Collectors.joining(" "));
    }

    private long reportsOf(Query query) throws IOException {
        SearchResponse<Void> r = client.search(s -> s.index("passages").query(query).size(0)
                .aggregations("reports", a -> a.cardinality(c -> c.field("documentId"))), Void.class);
        return r.aggregations().get("reports").cardinality().value();
    }

    static List<String> facetNames() {
        List<String> names = new ArrayList<>(SearchQuery.KEYWORD_FACETS);
        names.add(1, "year");
        return names;
    }

    private static Map<String, Query> filters(SearchQuery q) {
        Map<String, Query> out = new LinkedHashMap<>();
        q.filters().forEach((field, values) -> {
            if (!values.isEmpty()) {
                List<FieldValue> v = values.stream().map(FieldValue::of).toList();
                out.put(field, Query.of(b -> b.terms(t -> t.field(field).terms(tv -> tv.value(v)))));
            }
        });
        if (!q.years().isEmpty()) {
            List<FieldValue> v = q.years().stream().map(y -> FieldValue.of(y.longValue())).toList();
            out.put("year", Query.of(b -> b.terms(t -> t.field("year").terms(tv -> tv.value(v)))));
        }
        return out;
    }

    /** The base query with every filter except the one of {@code except} (null: all). */
    private static Query filtered(Query base, Map<String, Query> filters, String except) {
        BoolQuery.Builder b = new BoolQuery.Builder().must(base);
        filters.forEach((field, f) -> {
            if (!field.equals(except)) {
                b.filter(f);
            }
        });
        return Query.of(q -> q.bool(b.build()));
    }

    private static String text(ObjectNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }
}
