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
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * A passage that matched. {@code page}: for a paged source (PDF, Word, a scan), the page the passage begins
     * on; {@code ocr}: true when a page it spans was read by OCR. Both are left out otherwise.
     */
    public record PassageHit(String passageId, String documentId, int paragraph, int start, int end, String title,
                             String region, String province, String level, Integer year, String docType,
                             String section, List<String> sectionPath, double score, List<String> highlights,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean ocr) {
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
        // the passages that match: every term as written, no excluded term (no scoring needed for that)
        BoolQuery.Builder matching = new BoolQuery.Builder();
        // the same, ranked: the words of each term as words in a row rank highest, then all of them anywhere
        BoolQuery.Builder ranked = new BoolQuery.Builder();
        for (String term : q.text().terms()) {
            Query phrase = Query.of(m -> m.matchPhrase(p -> p.field("text").query(term)));
            matching.filter(phrase);
            ranked.must(phrase);
            String termWords = words(term);
            if (!termWords.isBlank()) {
                words.addAll(List.of(termWords.split(" ")));
                ranked.should(s -> s.matchPhrase(m -> m.field("words").query(termWords).boost(2f)));
                ranked.should(s -> s.match(m -> m.field("words").query(termWords).operator(Operator.And)));
            }
        }
        for (String term : q.text().excluded()) {
            Query phrase = Query.of(m -> m.matchPhrase(p -> p.field("text").query(term)));
            matching.mustNot(phrase);
            ranked.mustNot(phrase);
        }
        Map<String, Query> filters = filters(q);
        filters.values().forEach(ranked::filter);
        Query match = Query.of(b -> b.bool(matching.build()));
        Query hitsQuery = Query.of(b -> b.bool(ranked.build()));

        // facets: each counted with every filter but its own; the hits' total and reports with all of them
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("reports", Aggregation.of(a -> a.cardinality(c -> c.field("documentId"))));
        if (!filters.isEmpty()) {
            Query all = allOf(filters, null);
            aggs.put("filtered", Aggregation.of(a -> a.filter(all)
                    .aggregations("reports", r -> r.cardinality(c -> c.field("documentId")))));
        }
        for (String facet : facetNames()) {
            String field = facet;
            Aggregation values = Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE))
                    .aggregations("reports", r -> r.cardinality(c -> c.field("documentId"))));
            Query others = allOf(filters, facet);
            aggs.put(facet, others == null ? values : Aggregation.of(a -> a.filter(others).aggregations("values", values)));
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

        // two searches in one round trip: the facets and totals (no hits, so Elasticsearch's request cache keeps
        // them until the index changes: the same search on another page or in another order costs nothing), and
        // the page of hits with highlights (ranked, filtered, no total counted)
        MsearchResponse<ObjectNode> both = client.msearch(m -> m
                .searches(f -> f.header(h -> h.index("passages").requestCache(true)).body(b -> {
                    b.query(match).size(0).trackTotalHits(t -> t.enabled(true)).aggregations(aggs);
                    Query all = allOf(filters, null);
                    return all == null ? b : b.postFilter(all);
                }))
                .searches(h -> h.header(x -> x.index("passages")).body(b -> b
                        .query(hitsQuery).from(q.from()).size(q.size()).sort(sort).trackScores(true)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.excludes("words", "text")))
                        .highlight(hl -> hl.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                                .fields(NamedValue.of("text", HighlightField.of(f -> f.type(HighlighterType.Unified)
                                        .fragmentSize(160).numberOfFragments(3).noMatchSize(160))))))),
                ObjectNode.class);
        MultiSearchResponseItem<ObjectNode> facetItem = both.responses().get(0);
        MultiSearchResponseItem<ObjectNode> hitItem = both.responses().get(1);
        for (MultiSearchResponseItem<ObjectNode> item : List.of(facetItem, hitItem)) {
            if (item.isFailure()) {
                throw new ElasticsearchException("msearch", item.failure());
            }
        }
        var facetResponse = facetItem.result();
        var hitResponse = hitItem.result();

        List<PassageHit> items = new ArrayList<>();
        for (Hit<ObjectNode> h : hitResponse.hits().hits()) {
            ObjectNode d = h.source();
            List<String> path = new ArrayList<>();
            d.path("sectionPath").forEach(n -> path.add(n.asText()));
            items.add(new PassageHit(h.id(), text(d, "documentId"), d.path("paragraph").asInt(), d.path("start").asInt(),
                    d.path("end").asInt(), text(d, "title"), text(d, "region"), text(d, "province"), text(d, "level"),
                    d.hasNonNull("year") ? d.get("year").asInt() : null, text(d, "docType"), text(d, "section"), path,
                    h.score() == null ? 0 : h.score(), h.highlight().getOrDefault("text", List.of()),
                    d.hasNonNull("page") ? d.get("page").asInt() : null, d.path("ocr").asBoolean() ? Boolean.TRUE : null));
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String facet : facetNames()) {
            Aggregate agg = facetResponse.aggregations().get(facet);
            Aggregate values = agg.isFilter() ? agg.filter().aggregations().get("values") : agg;
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
        long total = facetResponse.hits().total() == null ? items.size() : facetResponse.hits().total().value();
        // the cardinality counts the reports of the query without the post-filter; with filters, count on the hits
        long reports = filters.isEmpty() ? facetResponse.aggregations().get("reports").cardinality().value()
                : facetResponse.aggregations().get("filtered").filter().aggregations().get("reports").cardinality().value();
        return new Page(total, reports, q.from(), q.size(), Math.max(facetResponse.took(), hitResponse.took()),
                new Understood(q.text().terms(), q.text().excluded(), words), items, facets);
    }

    /** The words the shared segmentation cuts from a term, lower-cased like the index's words field. */
    String words(String term) {
        return segmenter.words(term).stream().map(w -> w.text().toLowerCase(Locale.ROOT).replace(' ', '_'))
                .filter(w -> w.chars().anyMatch(Character::isLetterOrDigit))
                .collect(Collectors.joining(" "));
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

    /** Every filter except the one of {@code except} (null: all) as one query; null when none applies. */
    private static Query allOf(Map<String, Query> filters, String except) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        int n = 0;
        for (var e : filters.entrySet()) {
            if (!e.getKey().equals(except)) {
                b.filter(e.getValue());
                n++;
            }
        }
        return n == 0 ? null : Query.of(q -> q.bool(b.build()));
    }

    private static String text(ObjectNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }
}
