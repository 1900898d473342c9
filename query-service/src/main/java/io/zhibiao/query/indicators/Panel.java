package io.zhibiao.query.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhibiao.query.catalog.Labels;
import io.zhibiao.query.indicators.TargetActualComparison.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The economist's panel: one row per indicator × region × year with the target the government set for
 * the year, what it first reported afterwards, what a later report restated, the gap and met/missed.
 *
 * <ul>
 * <li><b>target</b>: a fact of kind target for the year from the report <em>of that year</em> (its
 * 主要预期目标); the first in the text when the report states several.</li>
 * <li><b>actual</b> (first reported): a fact of kind actual for the year from the earliest later report
 * (the next year's, unless the corpus lacks it); {@code estimated} when the text says 预计 or 初步核算.</li>
 * <li><b>revised</b>: the actual for the year as the latest report after that one states it, shown only
 * when it differs from the first (预计 5.4 → 5.5); both are kept.</li>
 * <li><b>gap and status</b>: by {@link TargetActualComparison}'s rules (the same as {@code compare}), for
 * the first actual, and again ({@code revisedGap}, {@code revisedStatus}) for the revised one.</li>
 * </ul>
 * Facts without a region or a period cannot be placed and are not in the panel (the catalog counts them).
 */
public final class Panel {

    /** One indicator × region × year. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String indicator, String indicatorZh, String measure, String region, String regionCode,
                      String province, String level, int year, String unit, SourcedValue target, SourcedValue actual,
                      SourcedValue revised, Double gap, String gapUnit, Status status, Double revisedGap,
                      Status revisedStatus) {
        public Cell cell() {
            return new Cell(unit, target, actual, revised, gap, gapUnit, status, revisedGap, revisedStatus);
        }
    }

    /** What one indicator says of a region and year: the columns of a row after its place. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String unit, SourcedValue target, SourcedValue actual, SourcedValue revised, Double gap,
                       String gapUnit, Status status, Double revisedGap, Status revisedStatus) {
    }

    /** The wide shape: one row per region × year, one cell per indicator (absent when it says nothing). */
    public record WideRow(String region, String regionCode, String province, String level, int year,
                          Map<String, Cell> indicators) {
    }

    public record IndicatorInfo(String id, String zh, String en, boolean lowerIsBetter, String rule) {
    }

    public record Summary(int rows, int regions, int compared, int met, int missed, int noActual, int noTarget,
                          int notComparable, int estimated, int revised) {
    }

    /** The panel in the long shape (one row per indicator × region × year). */
    public record Table(String measure, Integer from, Integer to, List<IndicatorInfo> indicators, Summary summary,
                        List<Row> rows) {
    }

    /** The panel in the wide shape. */
    public record Wide(String measure, Integer from, Integer to, List<IndicatorInfo> indicators, Summary summary,
                       List<WideRow> rows) {
    }

    /**
     * @param indicators the indicators asked for, in the order of their column groups; empty for every
     *                   indicator the facts hold (in the catalog's order)
     * @param from       the first year, or null
     * @param to         the last year, or null
     * @param facts      targets and actuals of the measure; all of them or, as IndicatorService reads them,
     *                   the first of each report per indicator, region, year and kind (the same answer)
     */
    public static Table of(List<String> indicators, String measure, Integer from, Integer to, List<Fact> facts) {
        record Key(String indicator, String region, int year) {
        }
        Map<Key, List<Fact>> groups = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (f.region() == null || f.period() == null || f.indicator() == null || !measure.equals(f.measure())
                    || (from != null && f.period() < from) || (to != null && f.period() > to)
                    || (!indicators.isEmpty() && !indicators.contains(f.indicator()))) {
                continue;
            }
            groups.computeIfAbsent(new Key(f.indicator(), f.region(), f.period()), k -> new ArrayList<>()).add(f);
        }
        List<Row> rows = new ArrayList<>();
        for (var e : groups.entrySet()) {
            Row r = row(e.getKey().indicator(), measure, e.getKey().region(), e.getKey().year(), e.getValue());
            if (r != null) {
                rows.add(r);
            }
        }
        List<String> order = indicators.isEmpty() ? Labels.indicatorIds() : indicators;
        rows.sort(Comparator.comparingInt((Row r) -> indicatorOrder(order, r.indicator()))
                .thenComparing(Row::region).thenComparingInt(Row::year));
        List<String> present = indicators.isEmpty()
                ? rows.stream().map(Row::indicator).distinct().toList()
                : indicators;
        return new Table(measure, from, to, present.stream().map(Panel::info).toList(), summary(rows), rows);
    }

    static Row row(String indicator, String measure, String region, int year, List<Fact> facts) {
        List<Fact> targets = new ArrayList<>();
        List<Fact> actuals = new ArrayList<>();
        for (Fact f : facts) {
            if ("target".equals(f.kind()) && f.reportYear() != null && f.reportYear() == year) {
                targets.add(f);
            } else if ("actual".equals(f.kind()) && f.reportYear() != null && f.reportYear() > year) {
                actuals.add(f);
            }
        }
        Fact target = TargetActualComparison.first(targets);
        Fact actual = TargetActualComparison.first(actuals);
        if (target == null && actual == null) {
            return null;
        }
        Fact revised = actual == null ? null : revision(actual, actuals);
        Labels.Indicator label = Labels.indicator(indicator).orElse(null);
        boolean lowerIsBetter = label != null && label.lowerIsBetter();
        Fact place = target != null ? target : actual;
        String regionCode = facts.stream().map(Fact::regionCode).filter(Objects::nonNull).findFirst().orElse(null);
        String province = place.province() != null ? place.province()
                : facts.stream().map(Fact::province).filter(Objects::nonNull).findFirst().orElse(null);
        var first = TargetActualComparison.row(region, province, place.level(), target, actual, lowerIsBetter, 1, 1);
        var again = revised == null ? null
                : TargetActualComparison.row(region, province, place.level(), target, revised, lowerIsBetter, 1, 1);
        return new Row(indicator, label == null ? null : label.zh(), measure, region, regionCode, province,
                place.level(), year, place.unit(), first.target(), first.actual(),
                revised == null ? null : SourcedValue.of(revised), first.gap(), first.gapUnit(), first.status(),
                again == null ? null : again.gap(), again == null ? null : again.status());
    }

    /** The latest report's statement of the actual, when it says something else than the first report did. */
    static Fact revision(Fact first, List<Fact> actuals) {
        int latestYear = actuals.stream().mapToInt(Fact::reportYear).max().orElse(first.reportYear());
        if (latestYear <= first.reportYear()) {
            return null;
        }
        Fact latest = TargetActualComparison.first(actuals.stream().filter(f -> f.reportYear() == latestYear).toList());
        boolean same = Math.abs(latest.value() - first.value()) < 1e-9 && Objects.equals(latest.valueMax(), first.valueMax())
                && Objects.equals(latest.unit(), first.unit());
        return same ? null : latest;
    }

    /** The same panel, one row per region × year with a cell per indicator. */
    public static Wide wide(Table t) {
        record Place(String region, int year) {
        }
        Map<Place, List<Row>> byPlace = new TreeMap<>(Comparator.comparing(Place::region).thenComparingInt(Place::year));
        for (Row r : t.rows()) {
            byPlace.computeIfAbsent(new Place(r.region(), r.year()), k -> new ArrayList<>()).add(r);
        }
        List<WideRow> rows = new ArrayList<>();
        for (var e : byPlace.entrySet()) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            String code = null;
            String province = null;
            String level = null;
            for (Row r : e.getValue()) {
                cells.put(r.indicator(), r.cell());
                code = code != null ? code : r.regionCode();
                province = province != null ? province : r.province();
                level = level != null ? level : r.level();
            }
            rows.add(new WideRow(e.getKey().region(), code, province, level, e.getKey().year(), cells));
        }
        return new Wide(t.measure(), t.from(), t.to(), t.indicators(), t.summary(), rows);
    }

    static IndicatorInfo info(String id) {
        Labels.Indicator l = Labels.indicator(id).orElse(null);
        boolean lower = l != null && l.lowerIsBetter();
        return new IndicatorInfo(id, l == null ? null : l.zh(), l == null ? null : l.en(), lower,
                TargetActualComparison.rule(lower));
    }

    private static Summary summary(List<Row> rows) {
        int[] s = new int[Status.values().length];
        for (Row r : rows) {
            s[r.status().ordinal()]++;
        }
        int regions = (int) rows.stream().map(Row::region).distinct().count();
        int estimated = (int) rows.stream().filter(r -> r.actual() != null && r.actual().estimated()).count();
        int revised = (int) rows.stream().filter(r -> r.revised() != null).count();
        return new Summary(rows.size(), regions, s[Status.met.ordinal()] + s[Status.missed.ordinal()],
                s[Status.met.ordinal()], s[Status.missed.ordinal()], s[Status.no_actual.ordinal()],
                s[Status.no_target.ordinal()], s[Status.not_comparable.ordinal()], estimated, revised);
    }

    private static int indicatorOrder(List<String> order, String indicator) {
        int i = order.indexOf(indicator);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private Panel() {
    }
}
