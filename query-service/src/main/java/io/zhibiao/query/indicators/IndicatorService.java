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
import java.util.Objects;

/**
 * Indicator facts by filters, sorted and paged; all of them (bounded) for exports, comparisons and series;
 * the facts a panel is made of, in its order.
 */
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

    /** Cells (indicator × region × year × kind × report) a panel may hold; more is a 400 that asks to narrow it. */
    public static final int MAX_PANEL_CELLS = 200_000;
    /** Facts a panel may read to find them (each report's first statement of a cell). */
    public static final int MAX_PANEL_FACTS = 1_000_000;
    static final int PANEL_PAGE = 10_000;
    /** The panel's order: by cell, then the order in which {@link Panel} picks a report's statement. */
    static final List<String> PANEL_ORDER = List.of("indicator", "region", "period", "kind", "reportYear", "documentId",
            "start", "end");

    /**
     * The facts a panel is made of: only the targets and actuals of the measure that have a region and a
     * period in {@code [from, to]} (an indicator's facts, not the index), read in the panel's order a page at
     * a time ({@code search_after}), keeping of each report only its first statement per indicator, region,
     * year and kind (by documentId, then position: the fact {@link Panel} would choose). Memory holds one
     * fact per cell however often the reports repeat a number.
     *
     * <p>Measured on 10,000 generated reports (docs/PERFORMANCE.md): Elasticsearch answers this read 3–4 times
     * faster than a composite aggregation with {@code top_hits} per cell, which gives the same facts.
     */
    public List<Fact> panelFacts(FactFilter filter, Integer from, Integer to) throws IOException {
        return panelFacts(filter, from, to, PANEL_PAGE);
    }

    /** The same, {@code pageSize} facts a search (a test pages through a small index with it). */
    public List<Fact> panelFacts(FactFilter filter, Integer from, Integer to, int pageSize) throws IOException {
        BoolQuery.Builder bool = bool(filter.withKinds(List.of("target", "actual")));
        bool.filter(q -> q.exists(e -> e.field("region")));
        bool.filter(q -> q.exists(e -> e.field("period")));
        if (from != null || to != null) {
            bool.filter(q -> q.range(r -> r.number(n -> {
                n.field("period");
                if (from != null) {
                    n.gte(from.doubleValue());
                }
                if (to != null) {
                    n.lte(to.doubleValue());
                }
                return n;
            })));
        }
        Query query = Query.of(q -> q.bool(bool.build()));
        List<SortOptions> order = PANEL_ORDER.stream().map(f -> by(f, SortOrder.Asc)).toList();
        List<Fact> out = new ArrayList<>();
        Fact previous = null;
        List<FieldValue> after = null;
        int read = 0;
        while (true) {
            List<FieldValue> page = after;
            SearchResponse<Fact> response = client.search(s -> {
                s.index("facts").query(query).size(pageSize).trackTotalHits(t -> t.enabled(false)).sort(order);
                if (page != null) {
                    s.searchAfter(page);
                }
                return s;
            }, Fact.class);
            List<Hit<Fact>> hits = response.hits().hits();
            for (Hit<Fact> h : hits) {
                Fact f = h.source();
                if (previous == null || !sameCell(previous, f)) {
                    out.add(f.withId(h.id()));
                    previous = f;
                }
            }
            read += hits.size();
            if (out.size() > MAX_PANEL_CELLS || read > MAX_PANEL_FACTS) {
                throw new IllegalArgumentException("the panel would read more than " + MAX_PANEL_CELLS + " cells or "
                        + MAX_PANEL_FACTS + " facts: narrow it with indicator, province, level, region, from or to");
            }
            if (hits.size() < pageSize) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** One report's statement of one indicator, region, year and kind. */
    private static boolean sameCell(Fact a, Fact b) {
        return Objects.equals(a.indicator(), b.indicator()) && Objects.equals(a.region(), b.region())
                && Objects.equals(a.period(), b.period()) && Objects.equals(a.kind(), b.kind())
                && Objects.equals(a.reportYear(), b.reportYear());
    }

    static Query query(FactFilter f) {
        BoolQuery.Builder bool = bool(f);
        return Query.of(q -> q.bool(bool.build()));
    }

    private static BoolQuery.Builder bool(FactFilter f) {
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
        if (f.unplaced()) {
            bool.filter(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field("region")))))
                    .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field("period")))))));
        }
        return bool;
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
