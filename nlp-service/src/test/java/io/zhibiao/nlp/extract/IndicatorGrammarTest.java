package io.zhibiao.nlp.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each rule of {@link IndicatorGrammar}, with sentences from the sample corpus. */
class IndicatorGrammarTest {
    private static final IndicatorGrammar GRAMMAR = new IndicatorGrammar(IndicatorLexicon.load());

    private static List<Reading> read(String sentence) {
        List<Reading> readings = GRAMMAR.read(sentence, 0, sentence.length(), "锦州市");
        for (Reading r : readings) {
            assertThat(r.start()).isLessThan(r.end());
            assertThat(r.end()).isLessThanOrEqualTo(sentence.length());
        }
        return readings;
    }

    @Test
    void nameThenGrowth() {
        assertThat(read("初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%"))
                .extracting(Reading::indicator, Reading::measure, Reading::value, Reading::unit)
                .containsExactly(tuple("gdp", "growth_pct", 5.4, "%"), tuple("budget_revenue", "growth_pct", 10.0, "%"));
    }

    @Test
    void levelAndGrowthInOneClause() {
        assertThat(read("全年完成生产总值326.3亿元、超过兴平居咸阳第三,增长6.8%、排咸阳第一"))
                .extracting(Reading::indicator, Reading::measure, Reading::value, Reading::unit)
                .containsExactly(tuple("gdp", "level", 326.3, "亿元"), tuple("gdp", "growth_pct", 6.8, "%"));
        assertThat(read("一般公共预算收入完成355.2亿元,总量时隔10年重回全省第3位,增长13.1%"))
                .extracting(Reading::measure, Reading::value)
                .containsExactly(tuple("level", 355.2), tuple("growth_pct", 13.1));
    }

    @Test
    void aFallIsANegativeGrowth() {
        assertThat(read("社会消费品零售总额378.01亿元、下降2.5%"))
                .extracting(Reading::measure, Reading::value)
                .containsExactly(tuple("level", 378.01), tuple("growth_pct", -2.5));
        assertThat(read("带动全市进出口总额降幅收窄至9.6%")).extracting(Reading::value).containsExactly(-9.6);
        Reading energy = read("单位地区生产总值能耗下降3%以上").get(0);
        assertThat(energy.value()).isEqualTo(-3.0);
        assertThat(energy.qualifier()).isEqualTo("above");
    }

    @Test
    void coordinatedNamesTakeTheirValuesInOrder() {
        assertThat(read("城镇和农村常住居民人均可支配收入分别增长5.1%和8%"))
                .extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("urban_disposable_income", 5.1), tuple("rural_disposable_income", 8.0));
        assertThat(read("规上工业增加值、固定资产投资分别增长8%、10%"))
                .extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("industrial_value_added", 8.0), tuple("fixed_asset_investment", 10.0));
        assertThat(read("地区生产总值、固定资产投资和规模以上工业总产值年均增速分别为6.5%、10%和25%,总量分别达到170亿元、54亿元和34亿元"))
                .extracting(Reading::indicator, Reading::measure, Reading::value)
                .containsExactly(tuple("gdp", "growth_pct", 6.5), tuple("fixed_asset_investment", "growth_pct", 10.0),
                        tuple("industrial_output", "growth_pct", 25.0), tuple("gdp", "level", 170.0),
                        tuple("fixed_asset_investment", "level", 54.0), tuple("industrial_output", "level", 34.0));
    }

    @Test
    void aTrailingQualifierBelongsToTheWholeList() {
        assertThat(read("城镇和农村居民人均可支配收入分别增长7%和8%左右"))
                .extracting(Reading::qualifier).containsExactly("about", "about");
        assertThat(read("城乡居民人均可支配收入分别增长6%以上、7%以上"))
                .extracting(Reading::qualifier).containsExactly("above", "above");
    }

    @Test
    void respectivelyReachesBackToTheSubjectsBefore() {
        assertThat(read("已累计接待游客1126.3万人次,实现旅游收入115.5亿元,分别增长14.6%、17.3%"))
                .extracting(Reading::indicator, Reading::measure, Reading::value)
                .containsExactly(tuple("tourist_visits", "level", 1126.3), tuple("tourism_revenue", "level", 115.5),
                        tuple("tourist_visits", "growth_pct", 14.6), tuple("tourism_revenue", "growth_pct", 17.3));
    }

    @Test
    void untrackedNamesInACoordinationKeepTheirPlaces() {
        assertThat(read("高新技术企业、科技型中小企业数量和技术合同交易额增速分别增长32%、55%和78%"))
                .extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("high_tech_enterprises", 32.0));
        assertThat(read("全市单位GDP能耗、全社会能源消费量预计同比均下降8%"))
                .extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("energy_intensity", -8.0));
    }

    @Test
    void oneSumForSeveralThingsIsNoFact() {
        assertThat(read("城镇新增就业、失业人员再就业超过3万人")).isEmpty();
    }

    @Test
    void qualifiersBeforeTheNumber() {
        assertThat(read("居民消费价格涨幅不超过3%").get(0).qualifier()).isEqualTo("at_most");
        assertThat(read("确保粮食产量不低于212.5万吨").get(0).qualifier()).isEqualTo("above");
        assertThat(read("高新技术企业突破5000家").get(0).qualifier()).isEqualTo("above");
        assertThat(read("城镇调查失业率控制在5.5%左右").get(0).qualifier()).isEqualTo("about");
        assertThat(read("城镇登记失业率控制在2.27%").get(0))
                .extracting(Reading::measure, Reading::qualifier).containsExactly("share_pct", "at_most");
        assertThat(read("外贸自营进出口总额超1.2万亿元,增长5%以上"))
                .extracting(Reading::value, Reading::unit, Reading::qualifier)
                .containsExactly(tuple(12000.0, "亿元", "above"), tuple(5.0, "%", "above"));
    }

    @Test
    void aRangeKeepsBothBounds() {
        Reading r = read("工业增加值增长6.5—7%,第三产业增加值增长7—7.5%").get(0);
        assertThat(r.value()).isEqualTo(6.5);
        assertThat(r.valueMax()).isEqualTo(7.0);
        assertThat(r.qualifier()).isEqualTo("range");
    }

    @Test
    void abbreviationsAreNames() {
        assertThat(read("地区生产总值增长8%左右;规工增长9%左右;固投增长9.5%;社零增长8%左右"))
                .extracting(Reading::indicator)
                .containsExactly("gdp", "industrial_value_added", "fixed_asset_investment", "retail_sales");
        assertThat(read("GDP突破1500亿元大关")).extracting(Reading::indicator, Reading::value, Reading::qualifier)
                .containsExactly(tuple("gdp", 1500.0, "above"));
    }

    @Test
    void aMarkPassedGivesWayToTheFigure() {
        List<Reading> r = read("地区生产总值突破千亿元大关,达1000.24亿元,增长4.7%");
        assertThat(r).extracting(Reading::value).contains(1000.0, 1000.24, 4.7);
        assertThat(r.get(0).milestone()).isTrue();
    }

    @Test
    void aNameInsideALongerNounIsNotTheIndicator() {
        assertThat(read("力争全年园区技工贸总收入增长20%,亩均生产总值增长20%以上")).isEmpty();
        assertThat(read("推动工业固定资产投资增长20%以上")).isEmpty();
        assertThat(read("出口企业增长10%")).isEmpty();
        assertThat(read("凌海市地区生产总值增长6%")).isEmpty();
    }

    @Test
    void newUnitsAreNotTheTotal() {
        assertThat(read("新增科技型中小企业663家、雏鹰瞪羚企业25家,新认定“爆双深”企业20家,高新技术企业达到205家"))
                .extracting(Reading::indicator, Reading::value).containsExactly(tuple("high_tech_enterprises", 205.0));
        assertThat(read("新增高新技术企业57家、存量达348家")).extracting(Reading::value).containsExactly(348.0);
        assertThat(read("认定高新技术企业2家、科技型中小企业6家")).isEmpty();
        assertThat(read("高新技术企业增加9家以上")).isEmpty();
    }

    @Test
    void anotherNounsNumberIsNotTheSubjects() {
        assertThat(read("高新技术企业20家、雏鹰瞪羚独角兽企业15家")).extracting(Reading::value).containsExactly(20.0);
        assertThat(read("新增城镇就业4388人,招录紧缺人才390名,劳动力转移就业10.8万人次"))
                .extracting(Reading::value).containsExactly(4388.0);
        assertThat(read("实际使用外资6亿美元以上、其中制造业外资占比25%以上")).extracting(Reading::value).containsExactly(6.0);
    }

    @Test
    void aShareOfALargerWholeIsNotTheIndicatorsValue() {
        assertThat(read("地区生产总值总量仅占全省的1.0%")).isEmpty();
    }

    @Test
    void aBareOutputTakesItsNounFromGrainBeforeIt() {
        assertThat(read("坚决保障粮食安全,产量达到13.8万吨,实现“十九连丰”"))
                .extracting(Reading::indicator, Reading::value, Reading::unit)
                .containsExactly(tuple("grain_output", 13.8, "万吨"));
        assertThat(read("粮食播种面积434.54万亩,产量108.8万吨")).extracting(Reading::value).containsExactly(108.8);
        assertThat(read("确保粮食油菜播种面积40.5万亩、总产量13.7万吨以上")).isEmpty();
        assertThat(read("生猪存栏6万头,蔬菜产量4.8万吨")).isEmpty();
    }

    @Test
    void aDurationIsNotAnotherNumber() {
        assertThat(read("粮食产量连续10年稳定在13亿斤以上")).extracting(Reading::value, Reading::qualifier)
                .containsExactly(tuple(13.0, "above"));
    }

    @Test
    void unitsMustFitTheIndicator() {
        assertThat(read("城镇新增就业14.4万人")).extracting(Reading::unit).containsExactly("万人");
        assertThat(read("高新技术企业产值120亿元")).isEmpty();
        assertThat(read("接待旅游人次首次破千万")).extracting(Reading::value, Reading::unit, Reading::qualifier)
                .containsExactly(tuple(1000.0, "万人次", "above"));
    }

    @Test
    void oneValuePerMeasureForAName() {
        assertThat(read("全市研究与试验发展经费投入强度1.02%,首次突破1%"))
                .extracting(Reading::indicator, Reading::measure, Reading::value)
                .containsExactly(tuple("rd_intensity", "share_pct", 1.02));
    }

    @Test
    void aChangeFromOneLevelToAnotherStatesTheSecond() {
        // the start is marked as such; the extractor keeps it only for a base year it can name
        assertThat(read("国内生产总值从54万亿元增加到82.7万亿元")).extracting(Reading::value, Reading::unit, Reading::changeStart)
                .containsExactly(tuple(540000.0, "亿元", true), tuple(827000.0, "亿元", false));
        assertThat(read("地区生产总值由2017年的1000亿元增加到2022年的1500亿元"))
                .extracting(Reading::value, Reading::changeStart, Reading::year)
                .containsExactly(tuple(1000.0, true, 2017), tuple(1500.0, false, null));
    }

    @Test
    void importsAndExportsAloneAreForeignTradeNeverExports() {
        // 赣州: 进出口增长3.2%左右
        assertThat(read("进出口增长3.2%左右")).extracting(Reading::indicator).containsExactly("foreign_trade");
    }

    @Test
    void aLevelReachedIsNotAGrowth() {
        assertThat(read("研发投入强度提高到3.15%")).extracting(Reading::measure).containsExactly("share_pct");
        assertThat(read("带动全市进出口总额降幅收窄至9.6%")).extracting(Reading::measure, Reading::value)
                .containsExactly(tuple("growth_pct", -9.6));
    }

    @Test
    void theWholeProvinceOrCountryOnlyInItsOwnReport() {
        assertThat(GRAMMAR.read("全省地区生产总值增长5.5%", 0, 14, "辽宁省")).hasSize(1);
        assertThat(read("全省地区生产总值增长5.5%")).isEmpty();
    }

    @Test
    void wordsAreLookedForOnlyInTheirWindow() {
        String text = "全市园区规上企业工业总产值增长8%。" + "x".repeat(50) + "高新区";
        assertThat(Cues.indexOf(text, 0, 5, "园区")).isEqualTo(2);
        assertThat(Cues.indexOf(text, 3, 5, "园区")).isEqualTo(-1);
        assertThat(Cues.indexOf(text, 0, 30, "高新区")).isEqualTo(-1);
        assertThat(Cues.indexOf(text, 0, text.length(), "高新区")).isEqualTo(text.length() - 3);
        assertThat(Cues.indexOf("短", 0, 10, "高新区")).isEqualTo(-1);
        // a zone named within the first characters is the sentence's topic; one far away is not
        assertThat(IndicatorGrammar.startsWithZone(text, 0, 19)).isTrue();
        int second = text.indexOf('x');
        assertThat(IndicatorGrammar.startsWithZone(text, second, text.length())).isFalse();
    }
}
