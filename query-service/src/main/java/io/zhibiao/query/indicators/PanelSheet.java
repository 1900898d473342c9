package io.zhibiao.query.indicators;

import io.zhibiao.query.catalog.Labels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The panel as a sheet: named columns, each explained in Chinese and English, and rows of plain cells
 * (text, number, boolean or empty). The CSV and the XLSX are written from it, so both have the same
 * columns and the workbook's README sheet explains exactly the columns it holds.
 *
 * <p>Long: one row per indicator × region × year, every number with its document id and quote. Wide:
 * one row per region × year, a group of columns per indicator, each named {@code <indicator>_<column>}.
 */
public final class PanelSheet {

    public record Column(String name, String zh, String en) {
    }

    private record Def<T>(String name, String zh, String en, Function<T, Object> value) {
    }

    private record Place(String region, String regionCode, String province, String level, int year) {
    }

    private static final List<Def<Place>> PLACE = List.of(
            new Def<>("region", "地区（发布报告的政府）", "region: the government that issued the report", Place::region),
            new Def<>("region_code", "行政区划代码（GB/T 2260）", "administrative division code (GB/T 2260)", Place::regionCode),
            new Def<>("province", "所属省份", "province", Place::province),
            new Def<>("level", "行政层级：national 全国, province 省级, prefecture 地级, county_city 县级市, district 市辖区, county 县",
                    "administrative level: national, province, prefecture, county_city, district, county", Place::level),
            new Def<>("year", "年份：目标与实际所指的年度", "year: the year the target and the actuals are about", Place::year));

    private static final List<Def<Panel.Cell>> CELL = List.of(
            new Def<>("unit", "单位（增速为 %）", "unit (% for growth)", Panel.Cell::unit),
            new Def<>("target", "年度目标值（当年政府工作报告的主要预期目标；区间取下限）",
                    "annual target, from the report of that year (the lower bound of a range)",
                    c -> c.target() == null ? null : c.target().value()),
            new Def<>("target_max", "目标区间上限（如 6.5—7% 的 7）", "upper bound of a range target (7 in 6.5–7%)",
                    c -> c.target() == null ? null : c.target().valueMax()),
            new Def<>("target_qualifier", "目标限定词：about 左右, above 以上, at_most 以内/不超过, range 区间",
                    "qualifier of the target: about (左右), above (以上), at_most (以内, a ceiling), range",
                    c -> c.target() == null ? null : c.target().qualifier()),
            new Def<>("target_document_id", "目标出处的文档编号", "document id of the report that states the target",
                    c -> c.target() == null ? null : c.target().documentId()),
            new Def<>("target_quote", "目标原文", "the target's exact quote", c -> c.target() == null ? null : c.target().quote()),
            new Def<>("target_page", "目标原文所在页码（PDF、Word、扫描件；文本和网页为空）",
                    "page of the source that holds the target's quote (PDF, Word, scans; empty for text and HTML)",
                    c -> c.target() == null ? null : c.target().page()),
            new Def<>("actual", "首次公布的实际值（通常出自次年报告）",
                    "first reported actual (from the next year's report, else the earliest later one)",
                    c -> c.actual() == null ? null : c.actual().value()),
            new Def<>("actual_estimated", "首报值是否为预计/初步核算数（true/false）",
                    "true when the first actual is an estimate (预计, 初步核算)",
                    c -> c.actual() == null ? null : c.actual().estimated()),
            new Def<>("actual_report_year", "首报值出处报告的年份", "year of the report that first states the actual",
                    c -> c.actual() == null ? null : c.actual().reportYear()),
            new Def<>("actual_document_id", "首报值出处的文档编号", "document id of the report that first states the actual",
                    c -> c.actual() == null ? null : c.actual().documentId()),
            new Def<>("actual_quote", "首报值原文", "the first actual's exact quote", c -> c.actual() == null ? null : c.actual().quote()),
            new Def<>("actual_page", "首报值原文所在页码", "page of the source that holds the first actual's quote",
                    c -> c.actual() == null ? null : c.actual().page()),
            new Def<>("revised", "修订后的实际值：此后的报告重述该年实际且数值不同时填写（首报值保留）",
                    "revised actual: the latest later report restating the year's actual, when it differs (the first is kept)",
                    c -> c.revised() == null ? null : c.revised().value()),
            new Def<>("revised_report_year", "修订值出处报告的年份", "year of the report that states the revised actual",
                    c -> c.revised() == null ? null : c.revised().reportYear()),
            new Def<>("revised_document_id", "修订值出处的文档编号", "document id of the report that states the revised actual",
                    c -> c.revised() == null ? null : c.revised().documentId()),
            new Def<>("revised_quote", "修订值原文", "the revised actual's exact quote", c -> c.revised() == null ? null : c.revised().quote()),
            new Def<>("revised_page", "修订值原文所在页码", "page of the source that holds the revised actual's quote",
                    c -> c.revised() == null ? null : c.revised().page()),
            new Def<>("gap", "差距：首报实际值减目标值（增速以百分点计）", "gap: first actual minus target (percentage points for growth)",
                    Panel.Cell::gap),
            new Def<>("gap_unit", "差距单位（百分点，或总量的单位）", "unit of the gap (百分点 = percentage points, or the level's unit)",
                    Panel.Cell::gapUnit),
            new Def<>("status", "是否完成目标（按首报值）：met 完成, missed 未完成, no_actual 无实际值, no_target 无目标, not_comparable 单位不同",
                    "target met by the first actual: met, missed, no_actual, no_target, not_comparable (units differ)",
                    c -> c.status() == null ? null : c.status().name()),
            new Def<>("revised_gap", "按修订值计算的差距", "gap by the revised actual", Panel.Cell::revisedGap),
            new Def<>("revised_status", "按修订值判断是否完成目标", "target met by the revised actual",
                    c -> c.revisedStatus() == null ? null : c.revisedStatus().name()));

    private final List<Column> columns;
    private final List<List<Object>> rows;

    private PanelSheet(List<Column> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    /** One row per indicator × region × year. */
    public static PanelSheet longShape(Panel.Table t) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("indicator", "指标代码（见 /api/catalog）", "canonical indicator id (see /api/catalog)"));
        columns.add(new Column("indicator_zh", "指标名称", "the indicator's Chinese name"));
        columns.add(new Column("measure", "口径：growth_pct 增速, level 总量, share_pct 占比, rank 排名, count 数量",
                "measure: growth_pct, level, share_pct, rank, count"));
        PLACE.forEach(d -> columns.add(new Column(d.name(), d.zh(), d.en())));
        CELL.forEach(d -> columns.add(new Column(d.name(), d.zh(), d.en())));
        List<List<Object>> rows = new ArrayList<>(t.rows().size());
        for (Panel.Row r : t.rows()) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(r.indicator());
            row.add(r.indicatorZh());
            row.add(r.measure());
            Place p = new Place(r.region(), r.regionCode(), r.province(), r.level(), r.year());
            PLACE.forEach(d -> row.add(d.value().apply(p)));
            Panel.Cell c = r.cell();
            CELL.forEach(d -> row.add(d.value().apply(c)));
            rows.add(row);
        }
        return new PanelSheet(columns, rows);
    }

    /** One row per region × year, a group of columns {@code <indicator>_<column>} per indicator. */
    public static PanelSheet wideShape(Panel.Wide w) {
        List<Column> columns = new ArrayList<>();
        PLACE.forEach(d -> columns.add(new Column(d.name(), d.zh(), d.en())));
        for (Panel.IndicatorInfo i : w.indicators()) {
            String zh = i.zh() == null ? i.id() : i.zh();
            String en = Labels.indicator(i.id()).map(Labels.Indicator::en).orElse(i.id());
            CELL.forEach(d -> columns.add(new Column(i.id() + "_" + d.name(), zh + "：" + d.zh(), en + ": " + d.en())));
        }
        List<List<Object>> rows = new ArrayList<>(w.rows().size());
        for (Panel.WideRow r : w.rows()) {
            List<Object> row = new ArrayList<>(columns.size());
            Place p = new Place(r.region(), r.regionCode(), r.province(), r.level(), r.year());
            PLACE.forEach(d -> row.add(d.value().apply(p)));
            for (Panel.IndicatorInfo i : w.indicators()) {
                Panel.Cell c = r.indicators().get(i.id());
                CELL.forEach(d -> row.add(c == null ? null : d.value().apply(c)));
            }
            rows.add(row);
        }
        return new PanelSheet(columns, rows);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * RFC 4180 CSV in UTF-8, CRLF, a header of column names; with a byte order mark for Excel, without
     * one for Stata and R (which would read it into the first column's name).
     */
    public byte[] csv(boolean bom) {
        StringBuilder sb = new StringBuilder(200 * (rows.size() + 1));
        sb.append(String.join(",", columns.stream().map(Column::name).toList())).append("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = row.get(i);
                sb.append(v instanceof Number n ? CsvExport.number(n)
                        : v instanceof Boolean b ? b.toString() : CsvExport.text((String) v));
            }
            sb.append("\r\n");
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }
}
