package io.zhibiao.query.indicators;

import java.util.List;

/**
 * Which facts: values of one field are alternatives, fields all apply; an empty list does not filter.
 *
 * @param reportYears the year of the report the fact was read from
 * @param unplaced    only the facts that cannot be placed in a table: no region or no period
 */
public record FactFilter(List<String> indicators, List<String> regions, List<String> provinces, List<String> levels,
                         List<String> kinds, List<Integer> periods, List<String> measures, List<Integer> reportYears,
                         List<String> documentIds, boolean unplaced) {

    public FactFilter(List<String> indicators, List<String> regions, List<String> provinces, List<String> levels,
                      List<String> kinds, List<Integer> periods, List<String> measures, List<Integer> reportYears,
                      List<String> documentIds) {
        this(indicators, regions, provinces, levels, kinds, periods, measures, reportYears, documentIds, false);
    }

    public FactFilter {
        indicators = copy(indicators);
        regions = copy(regions);
        provinces = copy(provinces);
        levels = copy(levels);
        kinds = copy(kinds);
        periods = copy(periods);
        measures = copy(measures);
        reportYears = copy(reportYears);
        documentIds = copy(documentIds);
    }

    public static FactFilter none() {
        return new FactFilter(null, null, null, null, null, null, null, null, null);
    }

    public FactFilter withIndicator(String indicator) {
        return new FactFilter(List.of(indicator), regions, provinces, levels, kinds, periods, measures, reportYears, documentIds, unplaced);
    }

    public FactFilter withRegion(String region) {
        return new FactFilter(indicators, List.of(region), provinces, levels, kinds, periods, measures, reportYears, documentIds, unplaced);
    }

    public FactFilter withKinds(List<String> k) {
        return new FactFilter(indicators, regions, provinces, levels, k, periods, measures, reportYears, documentIds, unplaced);
    }

    public FactFilter withPeriods(List<Integer> p) {
        return new FactFilter(indicators, regions, provinces, levels, kinds, p, measures, reportYears, documentIds, unplaced);
    }

    public FactFilter withMeasures(List<String> m) {
        return new FactFilter(indicators, regions, provinces, levels, kinds, periods, m, reportYears, documentIds, unplaced);
    }

    public FactFilter withReportYears(List<Integer> y) {
        return new FactFilter(indicators, regions, provinces, levels, kinds, periods, measures, y, documentIds, unplaced);
    }

    public FactFilter withUnplaced(boolean u) {
        return new FactFilter(indicators, regions, provinces, levels, kinds, periods, measures, reportYears, documentIds, u);
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }
}
