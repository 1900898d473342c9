package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.ReportIngestor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who issued a text and for which year, from the text itself, in every genre the web publishes it: the official
 * text, a newspaper digest, a portal page, traditional script. The examples are the opening lines of real texts
 * (shortened); each says how the field was found ({@code foundBy}).
 */
class IdentityFromTextTest {
    private final ReportIngestor ingestor = ReportIngestor.standard();

    private ReportMetadata metadata(String sourceUrl, String text) {
        RawReport raw = new RawReport(sourceUrl, Instant.now(), "text/plain", null, text, null, "t.txt", null);
        return ingestor.ingest(raw).get(0).metadata();
    }

    private ReportMetadata metadata(String text) {
        return metadata("https://example.org/r", text);
    }

    @Test
    void theCountryFromItsPremierAndItsCongress() {
        // 中新社: 国务院总理 in the lead
        ReportMetadata digest = metadata("【中新社北京3月5日電】中國國務院總理溫家寶今天在此間表示,"
                + "2007年國內生產總值增長目標是百分之8左右。他在政府工作報告中還提出,城鎮新增就業人數不低於900萬人。");
        assertThat(digest.region().name()).isEqualTo("中华人民共和国");
        assertThat(digest.region().level()).isEqualTo("national");
        assertThat(digest.year()).isEqualTo(2007);
        assertThat(digest.foundBy()).containsEntry("region", "lead").containsEntry("year", "targets");
        // the national congress session pins the year: 十二届全国人大四次会议 → 2016
        ReportMetadata plan = metadata("今天上午,十二届全国人大四次会议正式开幕,李克强总理代表国务院向大会报告政府工作。"
                + "他讲了六大方面,涉及未来五年的发展,包括经济增速、收入分配等等。");
        assertThat(plan.region().name()).isEqualTo("中华人民共和国");
        assertThat(plan.year()).isEqualTo(2016);
        assertThat(plan.foundBy()).containsEntry("year", "session");
    }

    @Test
    void aProvinceFromItsGovernorInANewsLead() {
        ReportMetadata hebei = metadata("證券時報記者 曹晨\n1月13日上午,河北省第十四屆人民代表大會第三次會議在河北會堂開幕。"
                + "河北省省長王正譜作河北省人民政府工作報告。\n王正譜在回顧河北省2024年工作時表示,2024年預計全省生產總值增長5.2%。");
        assertThat(hebei.region().name()).isEqualTo("河北省");
        assertThat(hebei.year()).isEqualTo(2025);
        assertThat(hebei.reviewedYear()).isEqualTo(2024);
        assertThat(hebei.foundBy()).containsEntry("region", "lead").containsEntry("year", "review");
    }

    @Test
    void aCityFromItsCongressAndTheYearFromADatedLead() {
        ReportMetadata shanxi = metadata("2017年1月14日上午9時,山西省第十二屆人民代表大會第七次會議在太原隆重開幕。"
                + "圖為山西省省長樓陽生作政府工作報告。\n樓陽生表示,2016年,山西全社會固定資產投資增長1%左右。");
        assertThat(shanxi.region().name()).isEqualTo("山西省");
        assertThat(shanxi.year()).isEqualTo(2017);
        assertThat(shanxi.foundBy()).containsEntry("year", "dateline");
        ReportMetadata dalian = metadata("天健网消息 大连市第十六届人民代表大会第四次会议今天上午开幕,市长陈绍旺代表大连政府向大会作工作报告。"
                + "2021年是“十四五”开局之年,也是建党100周年,做好全年工作意义重大。");
        assertThat(dalian.region().name()).isEqualTo("大连市");
        assertThat(dalian.year()).isEqualTo(2021);
        assertThat(dalian.foundBy()).containsEntry("year", "year-of");
    }

    @Test
    void aPortalPageFromItsCoverNoticeAndSignature() {
        ReportMetadata haidian = metadata("首页>>公开>>政府工作报告\n关于印发2012年政府工作报告的通知\n"
                + "2012年《政府工作报告》已经海淀区第十五届人民代表大会第一次会议审议通过,现予印发,请认真学习,贯彻落实。\n"
                + "北京市海淀区人民政府\n二O一二年一月十一日\n各位代表:\n我代表海淀区人民政府,向大会报告工作,请予审议。");
        assertThat(haidian.region().name()).isEqualTo("海淀区");
        assertThat(haidian.year()).isEqualTo(2012);
        assertThat(haidian.foundBy()).containsEntry("region", "opening").containsEntry("year", "notice");
        ReportMetadata zhejiang = metadata("浙江省人民政府关于下达2016年浙江省国民经济和社会发展计划的通知\n"
                + "2016年全省国民经济和社会发展主要预期目标是:\n——地区生产总值增长7%7.5%");
        assertThat(zhejiang.region().name()).isEqualTo("浙江省");
        assertThat(zhejiang.foundBy()).containsEntry("region", "portal");
    }

    @Test
    void aSessionLateInTheYearHearsNextYearsReport() {
        ReportMetadata jinjiang = metadata("政府工作报告\n——2018年12月27日在晋江市第十七届人民代表大会第三次会议上\n"
                + "晋江市人民政府市长 张文贤\n各位代表:\n现在,我代表市人民政府向大会作工作报告,请予审议。");
        assertThat(jinjiang.region().name()).isEqualTo("晋江市");
        assertThat(jinjiang.year()).isEqualTo(2019);
        assertThat(jinjiang.reviewedYear()).isEqualTo(2018);
    }

    @Test
    void theYearFromWhatTheReviewSays() {
        // 北京, XX年 for the year: the anniversary celebrated in the review
        ReportMetadata beijing = metadata("北京市政府工作报告 各位代表,现在,我代表北京市人民政府,向大会报告政府工作。"
                + "一、过去一年工作回顾。XX年是首都发展历程中很不平凡的一年。初步核算,全市地区生产总值达到11865.9亿元。"
                + "新中国成立60周年庆祝活动圆满成功。");
        assertThat(beijing.reviewedYear()).isEqualTo(2009);
        assertThat(beijing.foundBy()).containsEntry("year", "anniversary");
        // 包头: the year the estimates are for
        ReportMetadata baotou = metadata("包头市人民政府市长 孙炜东\n各位代表:\n过去五年工作回顾\n"
                + "预计2012年全市生产总值完成3440亿元左右,是2007年的2.1倍。");
        assertThat(baotou.year()).isEqualTo(2013);
        assertThat(baotou.foundBy()).containsEntry("region", "speaker").containsEntry("year", "estimate");
        // 赣州: a hard year is the year just past
        ReportMetadata ganzhou = metadata("2023 成就鼓舞人心\n2023年是赣州发展历程中极不寻常的一年。全市上下坚持以习近平新时代中国特色社会主义思想为指导。"
                + "赣州赣州赣州");
        assertThat(ganzhou.year()).isEqualTo(2024);
    }

    @Test
    void aTitleGluedToTheTextAndATitleAfterItsIssuer() {
        ReportMetadata panshan = metadata("盘山县2023年政府工作报告各位代表:现在,我代表盘山县人民政府向大会报告工作,请予审议。"
                + "一、2022年工作回顾2022年,是本届政府履职的第一年。");
        assertThat(panshan.region().name()).isEqualTo("盘山县");
        assertThat(panshan.year()).isEqualTo(2023);
        assertThat(panshan.foundBy()).containsEntry("region", "title").containsEntry("year", "title");
        ReportMetadata datong = metadata("大同市2010年政府工作報告\n《大同市2010年政府工作報告》是大同市政府對2009年工作的回顧。\n2009年工作回顧");
        assertThat(datong.region().name()).isEqualTo("大同市");
        assertThat(datong.year()).isEqualTo(2010);
    }

    @Test
    void aTextThatNeverNamesItsGovernmentIsPlacedByItsSite() {
        String hangzhou = "2021年成绩\n全市生产总值18109亿元、增长8.5%,经济总量居全国城市第8位。\n2022年主要预期目标\n全市生产总值增长6.5%以上。";
        assertThat(metadata(hangzhou).region()).isNull();
        ReportMetadata placed = metadata("https://z.hangzhou.com.cn/2022/hzlh/content/content_8209823.html", hangzhou);
        assertThat(placed.region().name()).isEqualTo("杭州市");
        assertThat(placed.year()).isEqualTo(2022);
        assertThat(placed.foundBy()).containsEntry("region", "site").containsEntry("year", "heading");
    }

    @Test
    void aCityReportThatQuotesTheStateCouncilIsStillTheCitys() {
        ReportMetadata city = metadata("2024年锦州市政府工作报告\n各位代表:\n在党中央、国务院和省委、省政府的坚强领导下,全市上下团结奋斗。");
        assertThat(city.region().name()).isEqualTo("锦州市");
        assertThat(city.foundBy()).containsEntry("region", "title");
    }

    @Test
    void textsAboutOneYearAreNoPlansForNamingTheirPlan() {
        ReportMetadata hefei = metadata("今年是新中国成立75周年,是实施“十四五”规划的关键一年。全市上下坚持稳中求进工作总基调。\n"
                + "经济社会发展主要预期目标:地区生产总值增长6%左右,规模以上工业增加值增长8%。");
        assertThat(hefei.docType()).isNotEqualTo("five_year_plan");
        assertThat(hefei.year()).isEqualTo(2024);
        ReportMetadata jiangxi = metadata("2月19日,江西省政府新闻办在南昌联合召开江西省“十三五”规划纲要新闻发布会。"
                + "“十三五”期间,江西省地区生产总值设定为年均增长8.5%左右。");
        assertThat(jiangxi.docType()).isEqualTo("five_year_plan");
        assertThat(jiangxi.region().name()).isEqualTo("江西省");
        assertThat(jiangxi.year()).isEqualTo(2016);
    }

    @Test
    void aPagesHeadThatNamesItsEditorIsNoTrailer() {
        String page = "首页 > 专题专栏 > 解读报告\n2020年文昌市政府工作报告解读(一):经济社会保持平稳健康发展\n"
                + "来源:侨乡文昌报 发布日期:2020-05-14 17:30 责任编辑:史英杰 分享到:\n"
                + "一年来,在省委、省政府和市委的坚强领导下,我市坚持以习近平新时代中国特色社会主义思想为指导,较好地完成了各项任务。\n"
                + "全市地区生产总值257.02亿元,增长5.2%。固定资产投资211.89亿元,增长5.8%。";
        RawReport raw = new RawReport("https://wenchang.hainan.gov.cn/x.shtml", Instant.now(), "text/plain", null, page, null,
                "t.txt", null);
        var doc = ingestor.ingest(raw).get(0);
        assertThat(doc.text()).contains("全市地区生产总值257.02亿元");
        assertThat(doc.metadata().region().name()).isEqualTo("文昌市");
        assertThat(doc.metadata().year()).isEqualTo(2020);
        assertThat(List.of("named", "site")).contains(doc.metadata().foundBy().get("region"));
    }
}
