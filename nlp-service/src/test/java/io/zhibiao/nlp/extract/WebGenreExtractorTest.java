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

/**
 * Kind, period and estimate of facts in the web's genres — news digests without headings, infographics, plan digests,
 * hard-wrapped pages, traditional script — from texts built of the sentences of real ones.
 */
class WebGenreExtractorTest {

    private static List<IndicatorFact> extract(String text, String region, String docType, Integer year) {
        ReportMetadata md = new ReportMetadata(null, region == null ? null : new Region(region, null, null, null), docType,
                year, year == null || "five_year_plan".equals(docType) ? null : year - 1, null, false, null, "t.txt", 0,
                null, null);
        IngestedReport report = new IngestedReport("doc-1", md, text, List.of(), null);
        List<IndicatorFact> facts = IndicatorExtractor.standard().extract(ReportSegmenter.standard().segment(report));
        for (IndicatorFact f : facts) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.quote());
        }
        return facts;
    }

    @Test
    void aDigestWithoutTheDocumentsYearTakesTheClausesYear() {
        String text = """
                報告介紹,2023年長春市全力以赴提振經濟,預計全年地區生產總值達到7200億元、增長6.5%以上。
                報告指出,2024年長春市經濟社會發展主要預期目標是:地區生產總值增長6.5%以上,固定資產投資增長4%左右。
                """;
        assertThat(extract(text, "长春市", "other", null))
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value,
                        IndicatorFact::estimated)
                .containsExactly(
                        tuple("gdp", "actual", 2023, 7200.0, true),
                        tuple("gdp", "actual", 2023, 6.5, true),
                        tuple("gdp", "target", 2024, 6.5, false),
                        tuple("fixed_asset_investment", "target", 2024, 4.0, false));
    }

    @Test
    void aYearNamedEarlierInTheParagraphHoldsForItsClauses() {
        String text = "2012年,全市生产总值12885亿元,年均增长16.1%。地方财政收入1760亿元,年均增长26.7%。";
        assertThat(extract(text, "天津市", "work_report", 2013))
                .extracting(IndicatorFact::indicator, IndicatorFact::period, f -> f.foundBy().get("period"))
                .containsExactly(tuple("gdp", 2012, "clause"), tuple("gdp", 2012, "clause"),
                        tuple("local_fiscal_revenue", 2012, "paragraph"), tuple("local_fiscal_revenue", 2012, "paragraph"));
    }

    @Test
    void anEstimateFrameHoldsForItsParagraphButStatisticsForTheirSentence() {
        String frame = "尹弘在報告透露,初步預計,2019年,河南省生產總值突破5萬億元,比去年增長7%以上。財政總收入突破6000億元,"
                + "其中一般公共預算收入4041.6億元,增長7.3%。";
        assertThat(extract(frame, "河南省", "work_report", 2020)).extracting(IndicatorFact::value, IndicatorFact::estimated)
                .containsExactly(tuple(50000.0, true), tuple(7.0, true), tuple(4041.6, true), tuple(7.3, true));
        String accounting = "初步核算,全市地区生产总值达到11865.9亿元,比上年增长10.1%。城镇登记失业率为1.44。";
        assertThat(extract(accounting, "北京市", "work_report", 2010)).extracting(IndicatorFact::value, IndicatorFact::estimated)
                .containsExactly(tuple(11865.9, true), tuple(10.1, true), tuple(1.44, false));
        String afterSubject = "地区生产总值预计突破3000亿元,年均增长14%。区级财政收入由89亿元增长到229亿元。";
        assertThat(extract(afterSubject, "海淀区", "work_report", 2012)).extracting(IndicatorFact::value, IndicatorFact::estimated)
                .containsExactly(tuple(3000.0, true), tuple(14.0, true), tuple(229.0, false));
        String onward = "全市地区生产总值同比增长7%(预计,下同),规模以上工业增加值同比增长23%。";
        assertThat(extract(onward, "龙井市", "work_report", 2026)).extracting(IndicatorFact::estimated)
                .containsExactly(true, true);
    }

    @Test
    void aChangeStartTakesTheBaseYearOfItsParagraphOrPlanPeriod() {
        String text = "地区生产总值由2006年的1595亿元增长到3077亿元。区级财政收入由89亿元增长到229亿元。\n"
                + "国内生产总值从54万亿元增加到82.7万亿元。";
        assertThat(extract(text, "海淀区", "work_report", 2012))
                .extracting(IndicatorFact::value, IndicatorFact::period)
                .containsExactly(tuple(1595.0, 2006), tuple(3077.0, 2011), tuple(89.0, 2006), tuple(229.0, 2011),
                        tuple(827000.0, 2011));
        String plan = "回顾整个“十四五”时期,广东地区生产总值从11.47万亿元增长至14.58万亿元。";
        assertThat(extract(plan, "广东省", "work_report", 2026)).extracting(IndicatorFact::value, IndicatorFact::period)
                .containsExactly(tuple(114700.0, 2020), tuple(145800.0, 2025));
    }

    @Test
    void aListLeadOpensThePartBelowIt() {
        String text = """
                2016年是实施“十三五”规划的开局之年。
                2016年全省国民经济和社会发展主要预期目标是:
                ——地区生产总值增长7%7.5%
                ——一般公共预算收入增长7%
                ——城镇新增就业80万人,城镇登记失业率控制在4%以内;
                """;
        assertThat(extract(text, "浙江省", "other", 2016)).extracting(IndicatorFact::kind, IndicatorFact::period)
                .containsOnly(tuple("target", 2016));
    }

    @Test
    void anInfographicsLabelReadsWithTheFigureBelowIt() {
        String text = "2023 成就鼓舞人心\n全年GDP\n增长5.3%左右\n城镇和农村居民人均可支配收入\n分别增长4.5%、8.5%左右\n";
        assertThat(extract(text, "赣州市", "work_report", 2024))
                .extracting(IndicatorFact::indicator, IndicatorFact::value, IndicatorFact::quote)
                .containsExactly(tuple("gdp", 5.3, "GDP\n增长5.3%左右"),
                        tuple("urban_disposable_income", 4.5, "城镇和农村居民人均可支配收入\n分别增长4.5%、8.5%左右"),
                        tuple("rural_disposable_income", 8.5, "城镇和农村居民人均可支配收入\n分别增长4.5%、8.5%左右"));
    }

    @Test
    void aPlanDigestSpeaksOfGoalsAndOfThePresent() {
        String text = "李克强表示,“十三五”时期经济年均增长保持在6.5%以上。届时,我国经济总量将超过90万亿元。"
                + "目前,我国社会研发投入的强度在2%左右。";
        assertThat(extract(text, "中华人民共和国", "five_year_plan", 2016))
                .extracting(IndicatorFact::indicator, IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value)
                .containsExactly(tuple("gdp", "plan_target", 2020, 6.5), tuple("gdp", "plan_target", 2020, 900000.0),
                        tuple("rd_intensity", "actual", 2015, 2.0));
    }

    @Test
    void looksBackRanksAndForecasts() {
        // a new term's report: goals to 2025, then the past five years
        String text = "报告提出,到2025年,顺德地区生产总值力争达5000亿元。\n报告显示,过去五年顺德地区生产总值年均增长6.7%。";
        assertThat(extract(text, "顺德区", "work_report", 2022))
                .extracting(IndicatorFact::kind, IndicatorFact::period, IndicatorFact::value)
                .containsExactly(tuple("plan_target", 2025, 5000.0), tuple("actual", 2021, 6.7));
        String review = "一、2023年工作回顾\n升级打造冰雪新天地,新雪季接待游客将突破5000万人次。社会消费品零售总额达到2100亿元、增长12%。";
        assertThat(extract(review, "长春市", "work_report", 2024)).extracting(IndicatorFact::indicator)
                .containsExactly("retail_sales", "retail_sales");
    }

    @Test
    void hardWrappedLinesAreRead() {
        String text = """
                一年来,地区生产总值增长5.1%,一般公共预算收入完成3.98亿元,固定资产投资
                完成15亿元,社会消费品零售总额完成16亿元,城乡常住居民人均可支配收入分别达到
                37462元和17597元、增长7%和10%。vfO
                一年来,我们主要做了以下工作。vfO
                (一)聚焦聚力打好三大攻坚战,为经济社会高质量发展提供坚强保障。规范政府举债行为,政
                府债务全部纳入预算管理,严格落实政府性债务化解方案,2018年化解政府性债务4.75亿
                元,完成年度任务的115%,其中十个全覆盖及人居环境整治工程款全部化解,争取上级化债
                奖励资金5500万元。对隐性债务进行深入甄别,制定了化解政府隐性债务风险实施方案,持
                续防范化解农村牧区民间借贷风险。
                """;
        List<IndicatorFact> facts = extract(text, "正蓝旗", "work_report", 2019);
        assertThat(facts).extracting(IndicatorFact::indicator, IndicatorFact::value)
                .contains(tuple("fixed_asset_investment", 15.0), tuple("urban_disposable_income", 37462.0),
                        tuple("rural_disposable_income", 17597.0), tuple("rural_disposable_income", 10.0));
        assertThat(facts).filteredOn(f -> f.value() == 15.0).singleElement()
                .satisfies(f -> assertThat(f.quote()).isEqualTo("固定资产投资\n完成15亿元"));
    }

    @Test
    void factsSayHowTheirRegionAndPeriodWereFound() {
        ReportMetadata md = new ReportMetadata(null, new Region("锦州市", null, null, null), "work_report", 2024, 2023, null,
                false, null, "t.txt", 0, null, null, java.util.Map.of("region", "title", "year", "title"));
        String text = "一、2023年工作回顾\n初步核算,地区生产总值增长5.4%。\n二、2024年工作安排\n到2027年,全市生产总值达到1700亿元。";
        List<IndicatorFact> facts = IndicatorExtractor.standard().extract(ReportSegmenter.standard().segment(
                new IngestedReport("d", md, text, List.of(), null)));
        assertThat(facts).extracting(f -> f.foundBy().get("region"), f -> f.foundBy().get("period"))
                .containsExactly(tuple("title", "document"), tuple("title", "clause"));
    }
}
