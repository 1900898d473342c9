package io.zhibiao.query.indicators;

import io.zhibiao.query.catalog.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table economists build by hand: for one indicator and year, each region's target (from that
 * year's work report, 主要预期目标) beside what the region reported the year after (from the next
 * year's report), the gap, and whether the target was met.
 *
 * <p>Which fact stands for a region when its report states several: the first one in the report (the
 * headline: a report opens its review with GDP, and its targets paragraph lists the targets). Met means
 * at or above the target (a range's lower bound); for an indicator whose targets are ceilings or falls
 * (prices, unemployment, energy use per unit of GDP) and for a target stated as a ceiling (以内, 不超过),
 * at or below it. 左右 ("about") is taken at its word: 5.8 against 6左右 is missed, by 0.2 points.
 */
public final class TargetActualComparison {

    public enum Status {
        met, missed, no_actual, no_target, not_comparable
    }

    public record Row(String region, String province, String level, SourcedValue target, SourcedValue actual,
                      Double gap, String gapUnit, Status status, int targetCandidates, int actualCandidates) {
    }

    public record Summary(int regions, int compared, int met, int missed, int noActual, int noTarget) {
    }

    public record Table(String indicator, Labels.Indicator label, int period, String measure, boolean lowerIsBetter,
                        String rule, Summary summary, List<Row> rows) {
    }

    /**
     * @param targets facts of kind target for the period, from the reports of that year
     * @param actuals facts of kind actual for the period, from the reports of the year after
     */
    public static Table compare(String indicator, int period, String measure, List<Fact> targets, List<Fact> actuals) {
        Labels.Indicator label = Labels.indicator(indicator).orElse(null);
        boolean lowerIsBetter = label != null && label.lowerIsBetter();
        Map<String, List<Fact>> targetsByRegion = byRegion(targets);
        Map<String, List<Fact>> actualsByRegion = byRegion(actuals);
        TreeMap<String, Boolean> regions = new TreeMap<>();
        targetsByRegion.keySet().forEach(r -> regions.put(r, true));
        actualsByRegion.keySet().forEach(r -> regions.put(r, true));

        List<Row> rows = new ArrayList<>();
        for (String region : regions.keySet()) {
            List<Fact> t = targetsByRegion.getOrDefault(region, List.of());
            List<Fact> a = actualsByRegion.getOrDefault(region, List.of());
            Fact target = first(t);
            Fact actual = first(a);
            Fact any = target != null ? target : actual;
            rows.add(row(region, any.province(), any.level(), target, actual, lowerIsBetter, t.size(), a.size()));
        }
        rows.sort(Comparator.comparing((Row r) -> r.status().ordinal())
                .thenComparing(r -> r.gap() == null ? 0 : -r.gap() * (lowerIsBetter ? -1 : 1))
                .thenComparing(Row::region));
        int met = count(rows, Status.met);
        int missed = count(rows, Status.missed);
        return new Table(indicator, label, period, measure, lowerIsBetter, rule(lowerIsBetter),
                new Summary(rows.size(), met + missed, met, missed, count(rows, Status.no_actual), count(rows, Status.no_target)),
                rows);
    }

    static Row row(String region, String province, String level, Fact target, Fact actual, boolean lowerIsBetter,
                   int targetCandidates, int actualCandidates) {
        SourcedValue t = target == null ? null : SourcedValue.of(target);
        SourcedValue a = actual == null ? null : SourcedValue.of(actual);
        if (target == null) {
            return new Row(region, province, level, null, a, null, null, Status.no_target, 0, actualCandidates);
        }
        if (actual == null) {
            return new Row(region, province, level, t, null, null, null, Status.no_actual, targetCandidates, 0);
        }
        if (!sameUnit(target.unit(), actual.unit())) {
            return new Row(region, province, level, t, a, null, null, Status.not_comparable, targetCandidates, actualCandidates);
        }
        double gap = round(actual.value() - target.value());
        boolean ceiling = lowerIsBetter || "at_most".equals(target.qualifier());
        boolean met = ceiling
                ? actual.value() <= (target.valueMax() != null ? target.valueMax() : target.value()) + 1e-9
                : actual.value() >= target.value() - 1e-9;
        String gapUnit = "%".equals(target.unit()) ? "百分点" : target.unit();
        return new Row(region, province, level, t, a, gap, gapUnit, met ? Status.met : Status.missed,
                targetCandidates, actualCandidates);
    }

    static String rule(boolean lowerIsBetter) {
        return lowerIsBetter
                ? "met when the actual is at or below the target (the upper bound of a range)"
                : "met when the actual is at or above the target (the lower bound of a range), or at or below a target stated as a ceiling (以内)";
    }

    /** The fact that stands for a report's statement: the first in the text, from the earliest report. */
    static Fact first(List<Fact> facts) {
        return facts.stream().min(Comparator.comparing((Fact f) -> f.reportYear() == null ? Integer.MAX_VALUE : f.reportYear())
                .thenComparing(f -> f.documentId() == null ? "" : f.documentId())
                .thenComparingInt(Fact::start)).orElse(null);
    }

    private static Map<String, List<Fact>> byRegion(List<Fact> facts) {
        Map<String, List<Fact>> out = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (f.region() != null) {
                out.computeIfAbsent(f.region(), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    private static boolean sameUnit(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static int count(List<Row> rows, Status s) {
        return (int) rows.stream().filter(r -> r.status() == s).count();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private TargetActualComparison() {
    }
}
