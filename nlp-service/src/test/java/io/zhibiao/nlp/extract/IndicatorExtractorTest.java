package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.nlp.segment.ReportSegmenter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Kind, period, estimate and provenance of facts, from report-shaped texts built of corpus sentences. */
class IndicatorExtractorTest {

    private static List<IndicatorFact> extract(String text, String region, String docType, int year) {
        ReportMetadata md = new ReportMetadata(null, new Region(region, null, null, null), docType, year,
                "work_report".equals(docType) ? year - 1 : null, null, false, null, "sample.txt", 0, null, null);
        IngestedReport report = new IngestedReport("doc-1", md, text, List.of(), null);
        List<IndicatorFact> facts = IndicatorExtractor.standard().extract(ReportSegmenter.standard().segment(report));
        for (IndicatorFact f : facts) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.quote());
            assertThat(f.region()).isEqualTo(region);
            assertThat(f.documentId()).isEqualTo("doc-1");
            assertThat(f.source()).isEqualTo("sample.txt");
        }
        return facts;
    }

    private static final String WORK_REPORT = """
            2024年锦州市政府工作报告
            各位代表:
              一、2023年工作回顾
              初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%,城镇和农村常住居民人均可支配收入分别增长5.1%和8%。
              (一)强化创新引领,产业转型升级持续推进
              创新动能加速集聚。新增科技型中小企业663家、雏鹰瞪羚企业25家,高新技术企业达到205家。
              二、2024年工作安排
              今年经济社会发展的主要预期目标是:地区生产总值增长6.5%,居民消费价格涨幅不高于3%,单位地区生产总值能耗下降3%以上。
              (三)推进乡村振兴
              粮食产量稳定在50亿斤以上。
            """;

    @Test
    void theReviewIsActualAndTheOutlookIsTarget() {
        assertThat(extract(WORK_REPORT, "锦州市", "work_report", 2024))
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value,
                        IndicatorFact::qualifier, IndicatorFact::estimated)
                .containsExactly(
                        tuple("gdp", "actual", 2023, 5.4, null, true),
                        tuple("budget_revenue", "actual", 2023, 10.0, null, true),
                        tuple("urban_disposable_income", "actual", 2023, 5.1, null, true),
                        tuple("rural_disposable_income", "actual", 2023, 8.0, null, true),
                        tuple("high_tech_enterprises", "actual", 2023, 205.0, null, false),
                        tuple("gdp", "target", 2024, 6.5, null, false),
                        tuple("cpi", "target", 2024, 3.0, "at_most", false),
                        tuple("energy_intensity", "target", 2024, -3.0, "above", false),
                        tuple("grain_output", "target", 2024, 50.0, "above", false));
    }

    @Test
    void aPlanLooksBackOnItsPredecessorsLastYearAndAheadToItsOwn() {
        String plan = """
                锦州市凌河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
                第一章 规划背景
                第一节 经济社会发展取得新成就
                综合实力显著增强。据初步统计,到2020年末,全区实现地区生产总值124亿元,年均增长5%;实际利用外资1549万美元。
                人民生活更加幸福。累计新增就业18100人,失业率稳定在5.8%以内。
                第二章 发展构想
                第三节 发展目标
                ——综合实力迈上新台阶。地区生产总值、固定资产投资年均增速分别为6.5%、10%。
                第四章 建设创新凌河
                “十四五”期间,认定高新技术企业数达到15家以上。
                """;
        assertThat(extract(plan, "凌河区", "five_year_plan", 2022))
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::measure,
                        IndicatorFact::value, IndicatorFact::estimated)
                .containsExactly(
                        tuple("gdp", "actual", 2020, "level", 124.0, true),
                        tuple("gdp", "actual", 2020, "growth_pct", 5.0, true),
                        tuple("foreign_investment", "actual", 2020, "level", 1549.0, true),
                        tuple("urban_new_jobs", "actual", 2020, "level", 18100.0, false),
                        tuple("unemployment_rate", "actual", 2020, "share_pct", 5.8, false),
                        tuple("gdp", "plan_target", 2025, "growth_pct", 6.5, false),
                        tuple("fixed_asset_investment", "plan_target", 2025, "growth_pct", 10.0, false),
                        tuple("high_tech_enterprises", "plan_target", 2025, "count", 15.0, false));
    }

    @Test
    void unnumberedPartHeadingsAndAYearAtTheHeadOfAClause() {
        String text = """
                2022年工作回顾
                前三季度,全市实现地区生产总值1887.2亿元。
                2023年重点工作安排
                综合各方面因素,建议2023年全市经济社会发展主要预期目标为:地区生产总值增长6%左右。
                一、全力以赴稳增长
                积极扩大有效投资。全社会固定资产投资增长8%。
                """;
        assertThat(extract(text, "泸州市", "work_report", 2023))
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period)
                .containsExactly(tuple("gdp", "actual", 2022), tuple("gdp", "target", 2023),
                        tuple("fixed_asset_investment", "target", 2023));
    }

    @Test
    void aDevelopmentZoneIsNotTheRegion() {
        String text = """
                一、2022年工作回顾
                园区规上企业工业总产值完成350.9亿元,同比增长9.8%;工业增加值完成69.5亿元,同比增长12%。
                支持渭南高新区建设创新示范区,全市固定资产投资增长8%。
                """;
        assertThat(extract(text, "沁阳市", "work_report", 2023))
                .extracting(IndicatorFact::indicator, IndicatorFact::value)
                .containsExactly(tuple("fixed_asset_investment", 8.0));
    }

    @Test
    void theSameFactTwiceIsStatedOnce() {
        String text = "一、2022年工作回顾\n地区生产总值增长4.2%。\n全市地区生产总值增长4.2%。\n";
        assertThat(extract(text, "邯郸市", "work_report", 2023)).hasSize(1);
    }
}
