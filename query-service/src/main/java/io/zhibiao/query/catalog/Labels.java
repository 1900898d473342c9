package io.zhibiao.query.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabulary of the indicator data, with Chinese and English labels: the canonical indicator ids of
 * {@code corpus/SCHEMA.md}, kinds, measures, region levels and document types. Parameters are checked
 * against it, so a typo gets a 400 that lists what is allowed instead of an empty answer.
 */
public final class Labels {

    /**
     * An indicator. {@code lowerIsBetter}: its targets are ceilings (prices, unemployment) or falls
     * (energy use per unit of GDP, stated as a negative growth), so a target is met at or below it.
     */
    public record Indicator(String id, String zh, String en, boolean lowerIsBetter) {
    }

    /** A value of a closed vocabulary (kind, measure, level, document type). */
    public record Term(String id, String zh, String en) {
    }

    public static final List<Indicator> INDICATORS = List.of(
            new Indicator("gdp", "地区生产总值", "Regional GDP", false),
            new Indicator("gdp_per_capita", "人均地区生产总值", "GDP per capita", false),
            new Indicator("budget_revenue", "一般公共预算收入", "General public budget revenue", false),
            new Indicator("local_fiscal_revenue", "地方财政收入", "Local fiscal revenue", false),
            new Indicator("fixed_asset_investment", "固定资产投资", "Fixed-asset investment", false),
            new Indicator("industrial_value_added", "规模以上工业增加值", "Industrial value added (above designated size)", false),
            new Indicator("industrial_output", "规模以上工业总产值", "Industrial output (above designated size)", false),
            new Indicator("retail_sales", "社会消费品零售总额", "Retail sales of consumer goods", false),
            new Indicator("foreign_trade", "进出口总额", "Imports and exports", false),
            new Indicator("exports", "出口总额", "Exports", false),
            new Indicator("foreign_investment", "实际利用外资", "Foreign capital actually used", false),
            new Indicator("urban_new_jobs", "城镇新增就业", "New urban jobs", false),
            new Indicator("unemployment_rate", "城镇调查失业率", "Urban unemployment rate", true),
            new Indicator("cpi", "居民消费价格涨幅", "Consumer price rise", true),
            new Indicator("disposable_income", "居民人均可支配收入", "Per-capita disposable income", false),
            new Indicator("urban_disposable_income", "城镇居民人均可支配收入", "Urban per-capita disposable income", false),
            new Indicator("rural_disposable_income", "农村居民人均可支配收入", "Rural per-capita disposable income", false),
            new Indicator("rd_intensity", "研发经费投入强度", "R&D intensity (share of GDP)", false),
            new Indicator("energy_intensity", "单位地区生产总值能耗", "Energy use per unit of GDP", true),
            new Indicator("grain_output", "粮食产量", "Grain output", false),
            new Indicator("high_tech_enterprises", "高新技术企业", "High-tech enterprises", false),
            new Indicator("tourism_revenue", "旅游总收入", "Tourism revenue", false),
            new Indicator("tourist_visits", "接待游客", "Tourist visits", false),
            new Indicator("primary_value_added", "农林牧渔业增加值", "Value added of agriculture", false),
            new Indicator("tertiary_value_added", "服务业增加值", "Value added of services", false));

    public static final List<Term> KINDS = List.of(
            new Term("actual", "实际", "actual"),
            new Term("target", "年度目标", "annual target"),
            new Term("plan_target", "规划目标", "plan target"));

    public static final List<Term> MEASURES = List.of(
            new Term("growth_pct", "增速", "growth (%)"),
            new Term("level", "总量", "level"),
            new Term("share_pct", "占比", "share (%)"),
            new Term("rank", "排名", "rank"),
            new Term("count", "数量", "count"));

    public static final List<Term> LEVELS = List.of(
            new Term("national", "全国", "national"),
            new Term("province", "省级", "province"),
            new Term("prefecture", "地级", "prefecture"),
            new Term("county_city", "县级市", "county-level city"),
            new Term("district", "市辖区", "district"),
            new Term("county", "县", "county"));

    public static final List<Term> DOC_TYPES = List.of(
            new Term("work_report", "政府工作报告", "government work report"),
            new Term("five_year_plan", "五年规划纲要", "five-year plan"),
            new Term("other", "其他", "other"));

    public static final List<Term> QUALIFIERS = List.of(
            new Term("about", "左右", "about"),
            new Term("above", "以上", "at least"),
            new Term("at_most", "以内", "at most"),
            new Term("range", "区间", "range"));

    private static final Map<String, Indicator> BY_ID = new LinkedHashMap<>();

    static {
        INDICATORS.forEach(i -> BY_ID.put(i.id(), i));
    }

    public static Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Optional<Term> term(List<Term> vocabulary, String id) {
        return vocabulary.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public static List<String> ids(List<Term> vocabulary) {
        return vocabulary.stream().map(Term::id).toList();
    }

    public static List<String> indicatorIds() {
        return List.copyOf(BY_ID.keySet());
    }

    private Labels() {
    }
}
