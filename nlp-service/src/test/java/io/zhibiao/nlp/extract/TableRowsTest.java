package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.nlp.segment.ReportSegmenter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rule {@code table-row}: the rows of an indicator table as ingestion writes them (cells separated by
 * {@code " | "}), read by their header or, without one, as {@code indicator | unit | base-year value | target value |
 * attribute}; each fact's quote is its whole row.
 */
class TableRowsTest {
    private static final String PLAN_TITLE = "锦州市凌河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n";

    private static List<IndicatorFact> extract(String text, String docType, Integer year) {
        ReportMetadata md = new ReportMetadata(null, new Region("凌河区", null, null, null), docType, year,
                "work_report".equals(docType) ? year - 1 : null, null, false, null, "plan.txt", 0, null, null,
                Map.of("region", "title"));
        IngestedReport report = new IngestedReport("doc-1", md, text, List.of(), null);
        List<IndicatorFact> facts = IndicatorExtractor.standard().extract(ReportSegmenter.standard().segment(report));
        for (IndicatorFact f : facts) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.quote());
            assertThat(f.region()).isEqualTo("凌河区");
        }
        return facts;
    }

    private static List<IndicatorFact> plan(String body) {
        return extract(PLAN_TITLE + body, "five_year_plan", 2021);
    }

    private static List<IndicatorFact> fromTables(List<IndicatorFact> facts) {
        return facts.stream().filter(f -> TableRows.RULE.equals(f.foundBy().get("rule"))).toList();
    }

    @Test
    void theRowOfTheIssueWithoutAHeaderIsIndicatorUnitBaseTargetAttribute() {
        String row = "地区生产总值年均增长 | % | 6.5 | 6左右 | 预期性";
        List<IndicatorFact> facts = plan("第二章 发展目标\n" + row + "\n");
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value, IndicatorFact::unit, IndicatorFact::qualifier)
                .containsExactly(
                        tuple("gdp", "actual", 2020, "growth_pct", 6.5, "%", null),
                        tuple("gdp", "plan_target", 2025, "growth_pct", 6.0, "%", "about"));
        // the quote is the whole row, and the facts say which rule found them and where their years came from
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.quote()).isEqualTo(row);
            assertThat(f.foundBy()).containsEntry("rule", "table-row").containsEntry("period", "document")
                    .containsEntry("region", "title");
            assertThat(f.estimated()).isFalse();
        });
    }

    private static final String TABLE = """
            表1 “十四五”时期经济社会发展主要指标
            类别 | 指标 | 单位 | 2020年 | 2025年 | 年均增长 | 属性
            经济发展 | 地区生产总值增长 | % | 3.6 | — | 6左右 | 预期性
            地区生产总值年均增长 | % | 6.5 | 6左右 | 预期性
            一般公共预算收入 | 亿元 | 312 | 400 | 5 | 预期性
            研发经费投入强度 | % | 2.1 | 2.5 | — | 预期性
            城镇调查失业率 | % | 5.2 | <5.5 | — | 预期性
            单位地区生产总值能耗降低 | % | — | — | [14.5] | 约束性
            常住人口城镇化率 | % | 60 | 65 | — | 预期性
            """;

    @Test
    void aTableReadByItsHeader() {
        List<IndicatorFact> facts = plan("第二章 发展目标\n" + TABLE);
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value, IndicatorFact::unit, IndicatorFact::qualifier)
                .containsExactly(
                        // 3.6 in the 2020 column; — in the 2025 column is no fact; 6左右 in the average-growth column
                        tuple("gdp", "actual", 2020, "growth_pct", 3.6, "%", null),
                        tuple("gdp", "plan_target", 2025, "growth_pct", 6.0, "%", "about"),
                        // a row with fewer cells than the header (no category, no growth column) is base | target;
                        // its 6左右 is the goal stated on the row above, kept once
                        tuple("gdp", "actual", 2020, "growth_pct", 6.5, "%", null),
                        tuple("budget_revenue", "actual", 2020, "level", 312.0, "亿元", null),
                        tuple("budget_revenue", "plan_target", 2025, "level", 400.0, "亿元", null),
                        tuple("budget_revenue", "plan_target", 2025, "growth_pct", 5.0, "%", null),
                        tuple("rd_intensity", "actual", 2020, "share_pct", 2.1, "%", null),
                        tuple("rd_intensity", "plan_target", 2025, "share_pct", 2.5, "%", null),
                        tuple("unemployment_rate", "actual", 2020, "share_pct", 5.2, "%", null),
                        tuple("unemployment_rate", "plan_target", 2025, "share_pct", 5.5, "%", "at_most"),
                        // [14.5]: a cut over the five years, the form energy intensity's goals take (降低 → negative)
                        tuple("energy_intensity", "plan_target", 2025, "growth_pct", -14.5, "%", null));
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.foundBy()).containsEntry("rule", "table-row").containsEntry("period", "header");
            assertThat(f.quote()).contains(" | ").doesNotContain("\n");
        });
        assertThat(facts).filteredOn(f -> f.indicator().equals("budget_revenue"))
                .extracting(IndicatorFact::quote).containsOnly("一般公共预算收入 | 亿元 | 312 | 400 | 5 | 预期性");
        assertThat(facts).extracting(IndicatorFact::valueMax).containsOnlyNulls();
    }

    @Test
    void theNationalOutlinesTableWithUnitsInItsNamesAndAnAnnualOrCumulativeColumn() {
        // 《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》, 专栏1 (rows shortened): no unit column,
        // a category only on the first row of its group, 年均/累计 with cumulative figures in brackets
        String text = """
                中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要
                专栏1 “十四五”时期经济社会发展主要指标
                类别 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性
                经济发展 | 1.国内生产总值(GDP)增长(%) | 2.3 | — | 保持在合理区间、各年度视情提出 | 预期性
                 | 2.全员劳动生产率增长(%) | 2.5 | — | 高于GDP增长 | 预期性
                 | 3.常住人口城镇化率(%) | 60.6* | — | 65 | 预期性
                创新驱动 | 4.研发经费投入增长(%) | — | — | >7、力争投入强度高于“十三五”时期实际 | 预期性
                民生福祉 | 7.居民人均可支配收入增长(%) | 2.1 | — | 与GDP增长基本同步 | 预期性
                 | 8.城镇调查失业率(%) | 5.2 | — | <5.5 | 预期性
                绿色生态 | 16.单位GDP能源消耗降低(%) | — | — | [13.5] | 约束性
                 | 17.单位GDP二氧化碳排放降低(%) | — | — | [18] | 约束性
                安全保障 | 19.粮食综合生产能力(亿吨) | — | >6.5 | — | 约束性
                """;
        ReportMetadata md = new ReportMetadata(null, new Region("中华人民共和国", null, null, null), "five_year_plan", 2021,
                null, null, false, null, "outline.txt", 0, null, null);
        List<IndicatorFact> facts = IndicatorExtractor.standard().extract(ReportSegmenter.standard().segment(
                new IngestedReport("doc-2", md, text, List.of(), null)));
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value, IndicatorFact::qualifier)
                .containsExactly(
                        tuple("gdp", "actual", 2020, "growth_pct", 2.3, null),
                        tuple("disposable_income", "actual", 2020, "growth_pct", 2.1, null),
                        tuple("unemployment_rate", "actual", 2020, "share_pct", 5.2, null),
                        // a rate held every year of the plan, under 年均/累计: the rate's goal
                        tuple("unemployment_rate", "plan_target", 2025, "share_pct", 5.5, "at_most"),
                        tuple("energy_intensity", "plan_target", 2025, "growth_pct", -13.5, null));
        assertThat(facts).allSatisfy(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.quote())
                .startsWith(f.quote().startsWith("|") ? "|" : "").doesNotEndWith(" "));
    }

    @Test
    void levelRowsTakeTheUnitOfTheirUnitCellOrName() {
        List<IndicatorFact> facts = plan("""
                第二章 发展目标
                地区生产总值(亿元) | 260 | 400 | 预期性
                进出口总额 | 万亿元 | 1.2 | 1.5 | 预期性
                城镇新增就业 | 万人 | 1.5 | ≥ 1.8 | 预期性
                高新技术企业数 | 家 | 12 | >30 | 预期性
                城镇居民人均可支配收入 | 元 | 38000 | 50000以上 | 预期性
                """);
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value, IndicatorFact::unit, IndicatorFact::qualifier)
                .containsExactly(
                        tuple("gdp", "actual", 2020, "level", 260.0, "亿元", null),
                        tuple("gdp", "plan_target", 2025, "level", 400.0, "亿元", null),
                        // 万亿元 is scaled to 亿元, as SCHEMA.md asks
                        tuple("foreign_trade", "actual", 2020, "level", 12000.0, "亿元", null),
                        tuple("foreign_trade", "plan_target", 2025, "level", 15000.0, "亿元", null),
                        tuple("urban_new_jobs", "actual", 2020, "level", 1.5, "万人", null),
                        tuple("urban_new_jobs", "plan_target", 2025, "level", 1.8, "万人", "above"),
                        tuple("high_tech_enterprises", "actual", 2020, "count", 12.0, "家", null),
                        tuple("high_tech_enterprises", "plan_target", 2025, "count", 30.0, "家", "above"),
                        tuple("urban_disposable_income", "actual", 2020, "level", 38000.0, "元", null),
                        tuple("urban_disposable_income", "plan_target", 2025, "level", 50000.0, "元", "above"));
    }

    @Test
    void aCumulativeFigureIsAGoalOnlyOfAnIndicatorWhoseGoalsAreCumulative() {
        List<IndicatorFact> facts = plan("""
                第二章 发展目标
                指标 | 单位 | 2020年 | 2025年 | 属性
                单位地区生产总值能耗降低 | % | [18.2] | [13.5] | 约束性
                城镇新增就业 | 万人 | [6.2] | [5] | 预期性
                全社会固定资产投资(累计) | 亿元 | 850 | 1200 | 预期性
                """);
        // energy intensity's goals are cuts against the plan's base year (as 比2005年降低20% in prose): the last plan's
        // cut is the base year's figure, this plan's the goal; five years of new jobs or of investment added up are no
        // fact, as in prose (五年累计完成固定资产投资170亿元)
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value)
                .containsExactly(
                        tuple("energy_intensity", "actual", 2020, "growth_pct", -18.2),
                        tuple("energy_intensity", "plan_target", 2025, "growth_pct", -13.5));
    }

    @Test
    void emptyCellsAndWordsAreNoFacts() {
        List<IndicatorFact> facts = plan("""
                第二章 发展目标
                指标 | 单位 | 2020年 | 2025年 | 年均增长 | 属性
                一般公共预算收入 | 亿元 | — | 400 | / | 预期性
                居民人均可支配收入增长 | % | - |  | 与经济增长同步 | 预期性
                社会消费品零售总额 | 亿元 | -- | —— | 8 | 预期性
                粮食产量 | 万吨 | 50 | 完成省下达任务 |  | 约束性
                """);
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value)
                .containsExactly(
                        tuple("budget_revenue", "plan_target", 2025, "level", 400.0),
                        tuple("retail_sales", "plan_target", 2025, "growth_pct", 8.0),
                        tuple("grain_output", "actual", 2020, "level", 50.0));
    }

    @Test
    void aRowOfAnIndicatorTheLexiconDoesNotKnowIsSkipped() {
        List<IndicatorFact> facts = plan("""
                第二章 发展目标
                指标 | 单位 | 2020年 | 2025年 | 属性
                常住人口城镇化率 | % | 60 | 65 | 预期性
                数字经济核心产业增加值占地区生产总值比重 | % | 6 | 10 | 预期性
                新增高新技术企业 | 家 | 20 | 30 | 预期性
                一般公共预算收入占全省比重 | % | 1.1 | 1.3 | 预期性
                地区生产总值(现价) | 亿元 | 260 | 400 | 预期性
                人均预期寿命 | 岁 | 78 | 79 | 预期性
                城镇调查失业率 | ‰ | 52 | 55 | 预期性
                """);
        assertThat(facts).isEmpty();
    }

    @Test
    void aRowOfNumbersThatLookLikeYearsIsNoHeader() {
        List<IndicatorFact> facts = plan("""
                第二章 发展目标
                指标 | 单位 | 2020年 | 2025年 | 属性
                常住人口 | 万人 | 2000 | 2050 | 预期性
                一般公共预算收入 | 亿元 | 312 | 400 | 预期性
                """);
        assertThat(facts).extracting(IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value)
                .containsExactly(tuple("actual", 2020, 312.0), tuple("plan_target", 2025, 400.0));
    }

    @Test
    void aLineWithABarThatIsNoTableRowGivesNothingAndProseIsReadAsBefore() {
        String text = """
                2024年凌河区政府工作报告
                一、2023年工作回顾 | 第1页
                地址:锦州市凌河区解放路一段 | 邮编:121000 |
                专栏1 | “十四五”时期主要指标 | 2021—2025
                首页 | 地区生产总值 | 一般公共预算收入 | 固定资产投资
                全年实现地区生产总值260亿元,增长6%,一般公共预算收入增长5%,固定资产投资增长8% | 责任编辑:张三 | 2024-01-30
                """;
        List<IndicatorFact> facts = extract(text, "work_report", 2024);
        // the sentence that holds two bars is too long for a cell: it is prose, read as prose
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value)
                .containsExactly(
                        tuple("gdp", "actual", 2023, "level", 260.0),
                        tuple("gdp", "actual", 2023, "growth_pct", 6.0),
                        tuple("budget_revenue", "actual", 2023, "growth_pct", 5.0),
                        tuple("fixed_asset_investment", "actual", 2023, "growth_pct", 8.0));
        assertThat(facts).allSatisfy(f -> assertThat(f.foundBy()).doesNotContainKey("rule"));
    }

    @Test
    void headersThatSayBaseAndTargetInWords() {
        List<IndicatorFact> written = plan("""
                第二章 发展目标
                指标 | 单位 | 2020年(基期) | 2025年(目标) | 属性
                地区生产总值 | 亿元 | 260 | 400 | 预期性
                """);
        assertThat(written)
                .extracting(IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value, f -> f.foundBy().get("period"))
                .containsExactly(tuple("actual", 2020, 260.0, "header"), tuple("plan_target", 2025, 400.0, "header"));

        // a base year of estimates
        List<IndicatorFact> estimates = plan("""
                第二章 发展目标
                指标 | 单位 | 2020年(预计) | 2025年 | 属性
                地区生产总值 | 亿元 | 260 | 400 | 预期性
                """);
        assertThat(estimates).extracting(IndicatorFact::kind, IndicatorFact::estimated)
                .containsExactly(tuple("actual", true), tuple("plan_target", false));

        // 基期值 / 目标值 write no year: the plan the document is gives them
        List<IndicatorFact> words = plan("""
                第二章 发展目标
                指标名称 | 计量单位 | 基期值 | 目标值 | 指标属性
                地区生产总值 | 亿元 | 260 | 400 | 预期性
                """);
        assertThat(words)
                .extracting(IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value, f -> f.foundBy().get("period"))
                .containsExactly(tuple("actual", 2020, 260.0, "document"), tuple("plan_target", 2025, 400.0, "document"));

        // “十三五”末 / “十四五”目标: the plans the header names, even in a document that does not say which plan it is
        List<IndicatorFact> plans = extract("""
                发展目标
                指标 | 单位 | “十三五”末 | “十四五”目标 | “十四五”年均增长 | 属性
                一般公共预算收入 | 亿元 | 312 | 400 | 5左右 | 预期性
                """, null, null);
        assertThat(plans)
                .extracting(IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure, IndicatorFact::value,
                        IndicatorFact::qualifier, f -> f.foundBy().get("period"))
                .containsExactly(tuple("actual", 2020, "level", 312.0, null, "plan"),
                        tuple("plan_target", 2025, "level", 400.0, null, "plan"),
                        tuple("plan_target", 2025, "growth_pct", 5.0, "about", "plan"));
    }

    @Test
    void theCaptionNamesThePlanOfATableWithoutYears() {
        // a work report that retells its plan's goals in a table: the caption says which plan
        List<IndicatorFact> facts = extract("""
                2021年凌河区政府工作报告
                二、“十四五”时期主要目标
                表1 “十四五”时期主要指标
                地区生产总值(亿元) | 260 | 400 | 预期性
                城镇调查失业率(%) | 5.2 | 5.5以内 | 预期性
                """, "work_report", 2021);
        assertThat(fromTables(facts))
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value,
                        IndicatorFact::qualifier, f -> f.foundBy().get("period"))
                .containsExactly(tuple("gdp", "actual", 2020, 260.0, null, "plan"),
                        tuple("gdp", "plan_target", 2025, 400.0, null, "plan"),
                        tuple("unemployment_rate", "actual", 2020, 5.2, null, "plan"),
                        tuple("unemployment_rate", "plan_target", 2025, 5.5, "at_most", "plan"));
    }

    @Test
    void aWorkReportsTableOfTheYearBeforeAndThisYear() {
        List<IndicatorFact> facts = extract("""
                2024年凌河区政府工作报告
                二、2024年工作安排
                指标 | 单位 | 2023年 | 2024年目标 | 属性
                地区生产总值增长 | % | 5.2 | 6左右 | 预期性
                社会消费品零售总额 | 亿元 | 98.5 | 105 | 预期性
                """, "work_report", 2024);
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value, IndicatorFact::qualifier)
                .containsExactly(tuple("gdp", "actual", 2023, "growth_pct", 5.2, null),
                        tuple("gdp", "target", 2024, "growth_pct", 6.0, "about"),
                        tuple("retail_sales", "actual", 2023, "level", 98.5, null),
                        tuple("retail_sales", "target", 2024, "level", 105.0, null));
    }

    @Test
    void rowsWithoutAnyYearToGoByAreNoFacts() {
        // neither a header, nor a caption, nor the document says which years the columns are
        List<IndicatorFact> facts = extract("""
                发展目标
                地区生产总值(亿元) | 260 | 400 | 预期性
                """, null, null);
        assertThat(facts).isEmpty();
    }

    @Test
    void rangesSignsAndQualifiersOfValueCells() {
        List<IndicatorFact> facts = plan("""
                第二章 发展目标
                指标 | 单位 | 2020年 | 2025年 | 属性
                地区生产总值增长 | % | -2.1 | 6-6.5 | 预期性
                居民消费价格涨幅 | % | 2.5 | 约3 | 预期性
                粮食总产量 | 万吨 | 50 | 50以上 | 约束性
                """);
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::measure, IndicatorFact::value,
                        IndicatorFact::valueMax, IndicatorFact::qualifier)
                .containsExactly(
                        tuple("gdp", "actual", "growth_pct", -2.1, null, null),
                        tuple("gdp", "plan_target", "growth_pct", 6.0, 6.5, "range"),
                        tuple("cpi", "actual", "growth_pct", 2.5, null, null),
                        tuple("cpi", "plan_target", "growth_pct", 3.0, null, "about"),
                        tuple("grain_output", "actual", "level", 50.0, null, null),
                        tuple("grain_output", "plan_target", "level", 50.0, null, "above"));
    }

    @Test
    void proseAroundATableIsReadAsBeforeAndTheSameFactIsKeptOnce() {
        List<IndicatorFact> facts = plan("""
                第二章 发展目标
                到2025年,地区生产总值年均增长6%左右,一般公共预算收入达到400亿元。
                指标 | 单位 | 2020年 | 2025年 | 属性
                一般公共预算收入 | 亿元 | 312 | 400 | 预期性
                地区生产总值增长 | % | 3.6 | 6左右 | 预期性
                第三章 建设创新凌河
                “十四五”期间,高新技术企业数达到30家以上。
                """);
        assertThat(facts)
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value,
                        f -> f.foundBy().getOrDefault("rule", "sentence"))
                .containsExactly(
                        tuple("gdp", "plan_target", 2025, 6.0, "sentence"),
                        tuple("budget_revenue", "plan_target", 2025, 400.0, "sentence"),
                        tuple("budget_revenue", "actual", 2020, 312.0, "table-row"),
                        tuple("gdp", "actual", 2020, 3.6, "table-row"),
                        tuple("high_tech_enterprises", "plan_target", 2025, 30.0, "sentence"));
    }
}
