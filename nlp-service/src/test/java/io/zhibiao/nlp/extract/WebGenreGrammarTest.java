package io.zhibiao.nlp.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules of {@link IndicatorGrammar} that the web's texts called for, each with the sentence of a real text
 * that shows it (national, provincial and county reports, news digests, infographics, traditional script).
 */
class WebGenreGrammarTest {
    private static final IndicatorGrammar GRAMMAR = new IndicatorGrammar(IndicatorLexicon.load());

    private static List<Reading> read(String sentence, String region) {
        return GRAMMAR.read(sentence, 0, sentence.length(), region);
    }

    private static List<Reading> read(String sentence) {
        return read(sentence, "锦州市");
    }

    @Test
    void traditionalScriptAndChineseNumerals() {
        assertThat(read("一般公共預算收入下降5.2%", "山西省")).extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("budget_revenue", -5.2));
        assertThat(read("城鎮登記失業率控制在百分之4.6以內", "中华人民共和国"))
                .extracting(Reading::indicator, Reading::measure, Reading::value, Reading::qualifier)
                .containsExactly(tuple("unemployment_rate", "share_pct", 4.6, "at_most"));
        assertThat(read("其中GDP將達10萬億元左右", "江苏省")).extracting(Reading::value, Reading::unit, Reading::qualifier)
                .containsExactly(tuple(100000.0, "亿元", "about"));
    }

    @Test
    void numbersBrokenBySpacesAndRangesThatLostTheirDash() {
        assertThat(read("规模以上工业增加值增长6. 5%以上")).extracting(Reading::value, Reading::qualifier)
                .containsExactly(tuple(6.5, "above"));
        assertThat(read("地区生产总值增长7%7.5%", "浙江省")).extracting(Reading::value, Reading::valueMax, Reading::qualifier)
                .containsExactly(tuple(7.0, 7.5, "range"));
    }

    @Test
    void aRateWhoseSignWasLost() {
        // 北京 2010: 完成地方财政收入2026.8亿元,增长10.3。城镇登记失业率为1.44。
        assertThat(read("完成地方财政收入2026.8亿元,增长10.3", "北京市"))
                .extracting(Reading::measure, Reading::value, Reading::unit)
                .containsExactly(tuple("level", 2026.8, "亿元"), tuple("growth_pct", 10.3, "%"));
        assertThat(read("城镇登记失业率为1.44", "北京市")).extracting(Reading::measure, Reading::value)
                .containsExactly(tuple("share_pct", 1.44));
        // a bare integer is no rate
        assertThat(read("地区生产总值增长3,跃居全省第一")).isEmpty();
    }

    @Test
    void theEconomyGrowingIsGdpGrowing() {
        assertThat(read("2014年,山西经济增速为4.9%", "山西省")).extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("gdp", 4.9));
        // but a share of the economy's growth is something else's figure
        assertThat(read("科技进步对经济增长的贡献率达到60%", "中华人民共和国")).isEmpty();
    }

    @Test
    void theTargetAnOutcomeIsComparedWith() {
        assertThat(read("城镇登记失业率3.52%,控制在预期4.2%以内", "山西省"))
                .extracting(Reading::value, Reading::expected, Reading::qualifier)
                .containsExactly(tuple(3.52, false, null), tuple(4.2, true, "at_most"));
        assertThat(read("一般公共预算收入下降5.2%,好于下降7%的预期", "山西省"))
                .extracting(Reading::value, Reading::expected).containsExactly(tuple(-5.2, false), tuple(-7.0, true));
    }

    @Test
    void changesOverSeveralYearsAreNoFiguresOfOneYear() {
        // 比2002年增长65.5% is five years' growth; 年均增长10.6% is a figure
        assertThat(read("国内生产总值达到24.66万亿元,比2002年增长65.5%,年均增长10.6%", "中华人民共和国"))
                .extracting(Reading::measure, Reading::value)
                .containsExactly(tuple("level", 246600.0), tuple("growth_pct", 10.6));
        assertThat(read("固定资产投资五年累计完成9091亿元", "包头市")).isEmpty();
        // energy intensity is set against the plan's base year, and that is its figure
        assertThat(read("单位国内生产总值能源消耗要比2005年降低20%", "中华人民共和国")).extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("energy_intensity", -20.0));
    }

    @Test
    void valuesListedByPeriodGiveOnlyTheYears() {
        assertThat(read("地区生产总值一季度、上半年、前三季度、全年分别增长3%、3.4%、4%、4.5%左右", "山西省"))
                .extracting(Reading::value, Reading::qualifier).containsExactly(tuple(4.5, "about"));
    }

    @Test
    void respectivelyWithOneValueGivesItToEach() {
        assertThat(read("城市居民人均可支配收入、农村居民人均纯收入分别增长12%", "滨海新区"))
                .extracting(Reading::indicator, Reading::value).containsExactly(tuple("urban_disposable_income", 12.0));
        // one figure for town and country without 分别 is all residents'
        assertThat(read("城乡居民人均可支配收入年均增长7.9%", "顺德区")).extracting(Reading::indicator)
                .containsExactly("disposable_income");
        // 年均 is an average, not 均 (both)
        assertThat(read("城乡居民人均可支配收入分别增长8.8%和10.3%", "杭州市")).extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("urban_disposable_income", 8.8), tuple("rural_disposable_income", 10.3));
    }

    @Test
    void valuesGoBackToTheSubjectsThatTookTheLevels() {
        assertThat(read("城镇居民人均可支配收入26738元,农民人均纯收入11986元,实际增长9.7和13.4", "北京市"))
                .extracting(Reading::indicator, Reading::measure, Reading::value)
                .containsExactly(tuple("urban_disposable_income", "level", 26738.0),
                        tuple("urban_disposable_income", "growth_pct", 9.7));
    }

    @Test
    void whatNoGovernmentDidIsNoFact() {
        assertThat(read("如果2020年GDP总额达到90万亿元,那么届时的研发投入将在2.25万亿元", "中华人民共和国")).isEmpty();
        assertThat(read("新增就业比十一五期间要多500万人", "中华人民共和国")).isEmpty();
        assertThat(read("新增就业参保大学生35万人", "合肥市")).isEmpty();
    }

    @Test
    void theStartOfAChangeWithItsYear() {
        assertThat(read("地区生产总值预计突破3000亿元,由2006年的1595亿元增长到3077亿元,年均增长14%", "海淀区"))
                .extracting(Reading::value, Reading::changeStart, Reading::year)
                .containsExactly(tuple(3000.0, false, null), tuple(1595.0, true, 2006), tuple(3077.0, false, null),
                        tuple(14.0, false, null));
    }

    @Test
    void aMarkPassedGivesWayToTheFigureReached() {
        assertThat(read("规模以上工业总产值突破千亿元,达1182.25亿元,增长19.5%", "贵港市"))
                .extracting(Reading::value, Reading::milestone)
                .containsExactly(tuple(1000.0, true), tuple(1182.25, false), tuple(19.5, false));
    }

    @Test
    void aNoteInParenthesesAndASecondPredicate() {
        assertThat(read("广东地区生产总值五年跨过三个万亿元(人民币,下同)级台阶、年均增长百分之五,连续三十四年居全国首位", "广东省"))
                .extracting(Reading::measure, Reading::value).containsExactly(tuple("growth_pct", 5.0));
    }

    @Test
    void asentenceThatGoesOnWithOfWhich() {
        String s = "其中,预计2022年达十二点八万亿元,增长百分之二左右";
        assertThat(GRAMMAR.read(io.zhibiao.contracts.words.NormalizedText.of(s), 0, s.length(), "广东省", "gdp")).extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("gdp", 128000.0), tuple("gdp", 2.0));
        assertThat(GRAMMAR.read(io.zhibiao.contracts.words.NormalizedText.of(s), 0, s.length(), "广东省", null)).isEmpty();
    }

    @Test
    void anotherBasisIsAFigureOfItsOwn() {
        assertThat(read("完成地方一般公共预算收入50.95亿元,同比增长1.1%,可比增长11.2%", "大冶市"))
                .extracting(Reading::value, Reading::basis)
                .containsExactly(tuple(50.95, null), tuple(1.1, null), tuple(11.2, "可比"));
        // a note on the basis does not count into the gap
        assertThat(read("一般公共预算收入剔除一次性特殊收入因素影响同比增长2.7%", "龙井市")).extracting(Reading::value)
                .containsExactly(2.7);
    }

    @Test
    void aRankedValueIsAnOutcome() {
        assertThat(read("一般公共预算收入增长12.5%,全国第5", "湖北省")).extracting(Reading::ranked).containsExactly(true);
    }

    @Test
    void anotherGovernmentsWholeIsLeftOut() {
        // a city report that quotes its province
        assertThat(read("全省地区生产总值增长5.5%")).isEmpty();
        assertThat(read("全省地区生产总值增长5.5%", "辽宁省")).hasSize(1);
        assertThat(read("我省地区生产总值增长5.5%")).isEmpty();
        assertThat(read("全国居民人均可支配收入增长5.1%", "中华人民共和国")).hasSize(1);
        // with the issuer unknown the fact is kept (and stays unplaced)
        assertThat(read("预计全省地区生产总值增长6%左右", null)).hasSize(1);
    }

    @Test
    void theRegionsOwnOutputShareIsAFigure() {
        assertThat(read("服务业增加值占生产总值比重达到57%", "青岛市"))
                .extracting(Reading::indicator, Reading::measure, Reading::value)
                .containsExactly(tuple("tertiary_value_added", "share_pct", 57.0));
        assertThat(read("地区生产总值总量仅占全省的1.0%")).isEmpty();
    }

    @Test
    void namesThatDigestsUse() {
        assertThat(read("进出口增长3.2%左右", "赣州市")).extracting(Reading::indicator).containsExactly("foreign_trade");
        assertThat(read("社会消费品零售同比增长2.2%", "大冶市")).extracting(Reading::indicator).containsExactly("retail_sales");
        assertThat(read("规模以上工业企业增加值同比增长10.2%", "封丘县")).extracting(Reading::indicator)
                .containsExactly("industrial_value_added");
        assertThat(read("全市R&D经费占比达2.33%", "浏阳市")).extracting(Reading::indicator).containsExactly("rd_intensity");
        assertThat(read("国家高新技术企业净增1600户以上,总数突破1万户", "合肥市")).extracting(Reading::indicator, Reading::value,
                Reading::unit).containsExactly(tuple("high_tech_enterprises", 10000.0, "家"));
        assertThat(read("农业较快发展,增加值增长8.5%", "大庆市")).extracting(Reading::indicator)
                .containsExactly("primary_value_added");
        assertThat(read("工业平稳发展,增加值增长3.8%", "大庆市")).isEmpty();
        assertThat(read("其中本级收入135.01亿元,一般公共预算总收入234.6亿元", "晋江市")).extracting(Reading::value)
                .containsExactly(234.6);
        assertThat(read("一般公共预算总收入234.6亿元,其中本级收入135.01亿元", "晋江市")).extracting(Reading::value)
                .containsExactly(234.6, 135.01);
    }

    @Test
    void thousandsSeparatorsAndMinusSigns() {
        assertThat(read("地区生产总值达到12,885亿元,增长-2.5%,城镇新增就业1,352万人", "天津市"))
                .extracting(Reading::indicator, Reading::value)
                .containsExactly(tuple("gdp", 12885.0), tuple("gdp", -2.5), tuple("urban_new_jobs", 1352.0));
        // a comma between two years or a range's dash is no such thing
        assertThat(read("地区生产总值增长6%-6.5%", "天津市")).extracting(Reading::value, Reading::valueMax)
                .containsExactly(tuple(6.0, 6.5));
        assertThat(read("2019,2020年地区生产总值分别增长6%和2%", "天津市")).extracting(Reading::value).doesNotContain(2019.0);
    }
}
