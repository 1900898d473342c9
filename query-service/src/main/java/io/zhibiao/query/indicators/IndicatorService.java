package io.zhibiao.query.indicators;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Indicator facts by filters, sorted and paged; all of them (bounded) for exports, comparisons and series. */
@ApplicationScoped
public class IndicatorService {
    public static final int MAX_SIZE = 1000;
    /** The most facts one answer reads (Elasticsearch's result window): an export beyond it must be narrowed. */
    public static final int MAX_ALL = 10_000;
    public static final List<String> SORTS = List.of("region", "indicator", "period", "-period", "value", "-value",
            "reportYear", "-reportYear");

    @Inject
    ElasticsearchClient client;

    public record Page(long total, int from, int size, List<Fact> items) {
    }

    public Page find(FactFilter f, String sort, int from, int size) throws IOException {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (from < 0 || from + size > MAX_ALL) {
            throw new IllegalArgumentException("from + size must not exceed " + MAX_ALL);
        }
        return search(f, sort, from, size);
    }

    /** Every fact the filter selects, in the given order; refused when there are more than {@link #MAX_ALL}. */
    public List<Fact> all(FactFilter f, String sort) throws IOException {
        Page page = search(f, sort, 0, MAX_ALL);
        if (page.total() > MAX_ALL) {
            throw new IllegalArgumentException(page.total() + " facts match; at most " + MAX_ALL
                    + " can be exported at once: narrow with indicator, region, province, kind or period");
        }
        return page.items();
    }

    private Page search(FactFilter f, String sort, int from, int size) throws IOException {
        Query query = query(f);
        // the answer depends on the parameters and the index only: Elasticsearch's request cache keeps it until
        // the facts index changes (a comparison or series asked again, by another client, costs nothing)
        // hits are read straight into facts by the client (no JSON tree in between: a comparison reads thousands)
        SearchResponse<Fact> response = client.search(s -> s.index("facts").query(query).requestCache(true)
                .from(from).size(size).trackTotalHits(t -> t.enabled(true)).sort(sort(sort)), Fact.class);
        List<Fact> items = new ArrayList<>(response.hits().hits().size());
        for (Hit<Fact> h : response.hits().hits()) {
            items.add(h.source().withId(h.id()));
        }
        long total = response.hits().total() == null ? items.size() : response.hits().total().value();
        return new Page(total, from, size, items);
    }

    static Query query(FactFilter f) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        terms(bool, "indicator", f.indicators());
        terms(bool, "region", f.regions());
        terms(bool, "province", f.provinces());
        terms(bool, "level", f.levels());
        terms(bool, "kind", f.kinds());
        terms(bool, "measure", f.measures());
        terms(bool, "documentId", f.documentIds());
        numbers(bool, "period", f.periods());
        numbers(bool, "reportYear", f.reportYears());
        return Query.of(q -> q.bool(bool.build()));
    }

    static List<SortOptions> sort(String sort) {
        String key = sort == null ? "region" : sort;
        if (!SORTS.contains(key)) {
            throw new IllegalArgumentException("sort must be one of " + String.join(", ", SORTS) + ", not " + key);
        }
        boolean desc = key.startsWith("-");
        String field = desc ? key.substring(1) : key;
        List<SortOptions> out = new ArrayList<>();
        out.add(by(field, desc ? SortOrder.Desc : SortOrder.Asc));
        for (String tie : List.of("region", "indicator", "period", "kind", "documentId", "start", "end")) {
            if (!tie.equals(field)) {
                out.add(by(tie, SortOrder.Asc));
            }
        }
        return out;
    }

    private static SortOptions by(String field, SortOrder order) {
        return SortOptions.of(o -> o.field(x -> x.field(field).order(order).missing("_last")));
    }

    private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> v = values.stream().map(FieldValue::of).toList();
            bool.filter(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
        }
    }

    private static void numbers(BoolQuery.Builder bool, String field, List<Integer> values) {
        if (!values.isEmpty()) {
            List<FieldValue> v = values.stream().map(i -> FieldValue.of(i.longValue())).toList();
            bool.filter(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
        }
    }
}
