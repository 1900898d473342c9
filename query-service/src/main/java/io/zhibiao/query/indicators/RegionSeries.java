package io.zhibiao.query.indicators;

import io.zhibiao.query.catalog.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A region's values of one indicator over the years, one series per measure (growth, level, …): for
 * each year the target set in that year's report and the actual reported afterwards (from the next
 * year's report when there is one, else from the nearest later report), plus multi-year plan targets.
 */
public final class RegionSeries {

    public record Point(int period, SourcedValue target, SourcedValue actual, Double gap) {
    }

    public record MeasureSeries(String measure, String unit, List<Point> points, List<SourcedValue> planTargets) {
    }

    public record Series(String region, String province, String level, String indicator, Labels.Indicator label,
                         List<MeasureSeries> measures) {
    }

    public static Series of(String region, String indicator, List<Fact> facts) {
        Map<String, List<Fact>> byMeasure = new TreeMap<>(Comparator.comparingInt(RegionSeries::measureOrder)
                .thenComparing(Comparator.naturalOrder()));
        for (Fact f : facts) {
            if (f.period() != null && f.measure() != null) {
                byMeasure.computeIfAbsent(f.measure(), k -> new ArrayList<>()).add(f);
            }
        }
        List<MeasureSeries> measures = new ArrayList<>();
        for (var e : byMeasure.entrySet()) {
            measures.add(measure(e.getKey(), e.getValue()));
        }
        Fact any = facts.isEmpty() ? null : facts.get(0);
        return new Series(region, any == null ? null : any.province(), any == null ? null : any.level(), indicator,
                Labels.indicator(indicator).orElse(null), measures);
    }

    static MeasureSeries measure(String measure, List<Fact> facts) {
        TreeMap<Integer, List<Fact>> targets = new TreeMap<>();
        TreeMap<Integer, List<Fact>> actuals = new TreeMap<>();
        List<SourcedValue> plan = new ArrayList<>();
        for (Fact f : facts) {
            switch (f.kind() == null ? "" : f.kind()) {
                case "target" -> targets.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f);
                case "actual" -> actuals.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f);
                case "plan_target" -> plan.add(SourcedValue.of(f));
                default -> {
                }
            }
        }
        TreeMap<Integer, Boolean> periods = new TreeMap<>();
        targets.keySet().forEach(p -> periods.put(p, true));
        actuals.keySet().forEach(p -> periods.put(p, true));
        List<Point> points = new ArrayList<>();
        Map<String, Integer> units = new LinkedHashMap<>();
        for (int period : periods.keySet()) {
            Fact t = target(period, targets.getOrDefault(period, List.of()));
            Fact a = actual(period, actuals.getOrDefault(period, List.of()));
            Double gap = t != null && a != null && t.unit() != null && t.unit().equals(a.unit())
                    ? TargetActualComparison.round(a.value() - t.value()) : null;
            points.add(new Point(period, t == null ? null : SourcedValue.of(t), a == null ? null : SourcedValue.of(a), gap));
            for (Fact f : new Fact[]{t, a}) {
                if (f != null && f.unit() != null) {
                    units.merge(f.unit(), 1, Integer::sum);
                }
            }
        }
        plan.sort(Comparator.comparing(SourcedValue::period).thenComparing(SourcedValue::start));
        String unit = units.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new MeasureSeries(measure, unit, points, plan);
    }

    /** The target of a year: from that year's report first, then the first in the text. */
    static Fact target(int period, List<Fact> facts) {
        return facts.stream().min(Comparator.comparingInt((Fact f) -> f.reportYear() != null && f.reportYear() == period ? 0 : 1)
                .thenComparing(f -> f.reportYear() == null ? Integer.MAX_VALUE : f.reportYear())
                .thenComparingInt(Fact::start)).orElse(null);
    }

    /** The actual of a year: from the next year's report first, then the nearest later report, then any. */
    static Fact actual(int period, List<Fact> facts) {
        return facts.stream().min(Comparator.comparingInt((Fact f) -> distance(period, f.reportYear()))
                .thenComparingInt(Fact::start)).orElse(null);
    }

    private static int distance(int period, Integer reportYear) {
        if (reportYear == null) {
            return 10_000;
        }
        int d = reportYear - period;
        return d >= 1 ? d : 1000 + Math.abs(d);
    }

    private static int measureOrder(String measure) {
        int i = Labels.ids(Labels.MEASURES).indexOf(measure);
        return i < 0 ? 100 : i;
    }

    private RegionSeries() {
    }
}
