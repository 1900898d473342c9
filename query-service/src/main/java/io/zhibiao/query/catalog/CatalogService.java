package io.zhibiao.query.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What there is to ask about: indicators with labels and counts, regions with their reports and facts. */
@ApplicationScoped
public class CatalogService {
    static final int MAX_REGIONS = 5000;

    @Inject
    ElasticsearchClient client;

    public record IndicatorEntry(String id, String zh, String en, boolean lowerIsBetter, long facts) {
    }

    public record RegionEntry(String name, String code, String province, String level, long reports, long facts,
                              List<Integer> years) {
    }

    public record Count(String value, String zh, String en, long count) {
    }

    /**
     * Facts no table can place: without a region (the report does not name its government) or without a
     * period (the text does not say the year); a fact can lack both. {@code /api/indicators?unplaced=true} lists them.
     */
    public record Unplaced(long facts, long noRegion, long noPeriod) {
    }

    public record Catalog(long reports, long passages, long facts, List<IndicatorEntry> indicators,
                          List<RegionEntry> regions, List<Count> provinces, List<Count> years, List<Count> kinds,
                          List<Count> measures, List<Count> levels, List<Count> docTypes, Unplaced unplaced) {
    }

    public Catalog catalog() throws IOException {
        SearchResponse<Void> reports = client.search(s -> s.index("reports").size(0).trackTotalHits(t -> t.enabled(true))
                .aggregations("regions", a -> a.terms(t -> t.field("region").size(MAX_REGIONS))
                        .aggregations("province", p -> p.terms(t -> t.field("province").size(1)))
                        .aggregations("level", p -> p.terms(t -> t.field("level").size(1)))
                        .aggregations("code", p -> p.terms(t -> t.field("regionCode").size(1)))
                        .aggregations("years", p -> p.terms(t -> t.field("year").size(100))))
                .aggregations("provinces", a -> a.terms(t -> t.field("province").size(100)))
                .aggregations("years", a -> a.terms(t -> t.field("year").size(100)))
                .aggregations("levels", a -> a.terms(t -> t.field("level").size(20)))
                .aggregations("docTypes", a -> a.terms(t -> t.field("docType").size(20))), Void.class);
        SearchResponse<Void> facts = client.search(s -> s.index("facts").size(0).trackTotalHits(t -> t.enabled(true))
                .aggregations("indicators", a -> a.terms(t -> t.field("indicator").size(200)))
                .aggregations("regions", a -> a.terms(t -> t.field("region").size(MAX_REGIONS)))
                .aggregations("kinds", a -> a.terms(t -> t.field("kind").size(20)))
                .aggregations("measures", a -> a.terms(t -> t.field("measure").size(20)))
                .aggregations("noRegion", a -> a.missing(m -> m.field("region")))
                .aggregations("noPeriod", a -> a.missing(m -> m.field("period")))
                .aggregations("unplaced", a -> a.filter(q -> q.bool(b -> b.minimumShouldMatch("1")
                        .should(s1 -> s1.bool(n -> n.mustNot(m -> m.exists(e -> e.field("region")))))
                        .should(s1 -> s1.bool(n -> n.mustNot(m -> m.exists(e -> e.field("period")))))))), Void.class);
        long passages = client.count(c -> c.index("passages")).count();

        Map<String, Long> factsByIndicator = counts(facts.aggregations().get("indicators"));
        List<IndicatorEntry> indicators = new ArrayList<>();
        for (Labels.Indicator i : Labels.INDICATORS) {
            indicators.add(new IndicatorEntry(i.id(), i.zh(), i.en(), i.lowerIsBetter(), factsByIndicator.getOrDefault(i.id(), 0L)));
        }
        Map<String, Long> factsByRegion = counts(facts.aggregations().get("regions"));
        List<RegionEntry> regions = new ArrayList<>();
        for (StringTermsBucket b : reports.aggregations().get("regions").sterms().buckets().array()) {
            String name = b.key().stringValue();
            List<Integer> years = new ArrayList<>();
            for (LongTermsBucket y : b.aggregations().get("years").lterms().buckets().array()) {
                years.add((int) y.key());
            }
            years.sort(null);
            regions.add(new RegionEntry(name, first(b.aggregations().get("code")), first(b.aggregations().get("province")),
                    first(b.aggregations().get("level")), b.docCount(), factsByRegion.getOrDefault(name, 0L), years));
        }
        regions.sort(java.util.Comparator.comparing(RegionEntry::province, java.util.Comparator.nullsLast(String::compareTo))
                .thenComparing(RegionEntry::name));
        return new Catalog(total(reports), passages, total(facts), indicators, regions,
                labelled(counts(reports.aggregations().get("provinces")), null),
                labelled(counts(reports.aggregations().get("years")), null),
                labelled(counts(facts.aggregations().get("kinds")), Labels.KINDS),
                labelled(counts(facts.aggregations().get("measures")), Labels.MEASURES),
                labelled(counts(reports.aggregations().get("levels")), Labels.LEVELS),
                labelled(counts(reports.aggregations().get("docTypes")), Labels.DOC_TYPES),
                new Unplaced(facts.aggregations().get("unplaced").filter().docCount(),
                        facts.aggregations().get("noRegion").missing().docCount(),
                        facts.aggregations().get("noPeriod").missing().docCount()));
    }

    private static long total(SearchResponse<Void> r) {
        return r.hits().total() == null ? 0 : r.hits().total().value();
    }

    private static List<Count> labelled(Map<String, Long> counts, List<Labels.Term> vocabulary) {
        List<Count> out = new ArrayList<>();
        if (vocabulary != null) {
            for (Labels.Term t : vocabulary) {
                if (counts.containsKey(t.id())) {
                    out.add(new Count(t.id(), t.zh(), t.en(), counts.get(t.id())));
                }
            }
        }
        counts.forEach((k, v) -> {
            if (vocabulary == null || Labels.term(vocabulary, k).isEmpty()) {
                out.add(new Count(k, null, null, v));
            }
        });
        return out;
    }

    private static Map<String, Long> counts(Aggregate a) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (a.isSterms()) {
            a.sterms().buckets().array().forEach(b -> out.put(b.key().stringValue(), b.docCount()));
        } else if (a.isLterms()) {
            a.lterms().buckets().array().forEach(b -> out.put(String.valueOf(b.key()), b.docCount()));
        }
        return out;
    }

    private static String first(Aggregate a) {
        Map<String, Long> c = counts(a);
        return c.isEmpty() ? null : c.keySet().iterator().next();
    }

}
