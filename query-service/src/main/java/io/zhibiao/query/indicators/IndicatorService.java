package io.zhibiao.query.indicators;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Indicator facts by indicator, region, kind and period. */
@ApplicationScoped
public class IndicatorService {
    public static final int MAX_SIZE = 1000;

    @Inject
    ElasticsearchClient client;

    public record Filter(String region, String indicator, String kind, Integer period) {
    }

    public record Page(long total, List<ObjectNode> items) {
    }

    public Page find(Filter f, int from, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (from < 0 || from + size > 10_000) {
            throw new IllegalArgumentException("from + size must not exceed 10000");
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        term(bool, "region", f.region());
        term(bool, "indicator", f.indicator());
        term(bool, "kind", f.kind());
        if (f.period() != null) {
            bool.filter(q -> q.term(t -> t.field("period").value(f.period())));
        }
        try {
            SearchResponse<ObjectNode> response = client.search(s -> s.index("facts").query(q -> q.bool(bool.build()))
                    .from(from).size(size).trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(x -> x.field("region").order(SortOrder.Asc)))
                    .sort(o -> o.field(x -> x.field("indicator").order(SortOrder.Asc)))
                    .sort(o -> o.field(x -> x.field("period").order(SortOrder.Asc)))
                    .sort(o -> o.field(x -> x.field("start").order(SortOrder.Asc))), ObjectNode.class);
            List<ObjectNode> items = new ArrayList<>();
            for (Hit<ObjectNode> h : response.hits().hits()) {
                ObjectNode d = h.source();
                d.put("id", h.id());
                items.add(d);
            }
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new Page(total, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void term(BoolQuery.Builder bool, String field, String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(q -> q.term(t -> t.field(field).value(value.strip())));
        }
    }
}
