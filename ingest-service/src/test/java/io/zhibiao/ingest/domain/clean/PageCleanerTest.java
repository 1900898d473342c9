package io.zhibiao.ingest.domain.clean;

import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.ingest.domain.decode.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageCleanerTest {
    private final PageCleaner cleaner = new PageCleaner();

    @Test
    void theHeadOfTheJinzhouPageKeepsTitleSessionAndSpeakerAndGivesDateAndSource() {
        PageCleaner.CleanedPage page = cleaner.clean(TextNormalizer.normalize(Samples.text(Samples.JINZHOU_2024)));
        assertThat(page.lines().subList(0, 5)).containsExactly(
                "2024年锦州市政府工作报告",
                "——2024年1月10日在锦州市第十七届人民代表大会第三次会议上",
                "锦州市人民政府市长 王心宇",
                "各位代表:",
                "现在,我代表市政府向大会报告工作,请予审议,并请市政协各位委员提出意见。");
        assertThat(page.facts()).extracting(PageCleaner.PageFact::publishedAt).contains("2024年01月30日");
        assertThat(page.facts()).extracting(PageCleaner.PageFact::publisher).contains("锦州市政府网站");
    }

    @Test
    void theTrailerGoesFromTheEditorLineToTheEnd() {
        PageCleaner.CleanedPage page = cleaner.clean(TextNormalizer.normalize(Samples.text(Samples.JINZHOU_2024)));
        assertThat(page.lines().get(page.lines().size() - 1)).startsWith("各位代表!战鼓催征,重任在肩。");
        assertThat(page.removals()).filteredOn(r -> r.rule().equals(PageFurniture.TRAILER))
                .extracting(PageCleaner.Removal::line)
                .containsExactly("责任编辑:董越", "版权所有:即时比分 主办单位:即时比分办公厅",
                        "地址:沈阳市皇姑区北陵大街45-9号 邮编:110032", "辽公网安备 21010502000372号 网站标识码:2100000037",
                        "ICP备案序号:辽ICP备05023109号 联系邮箱:mhwz@yaoyejob.com", "微信公众号", "政务微博");
    }

    @Test
    void thePlanPageLosesItsSummaryBoxAttachmentAndDisclaimer() {
        PageCleaner.CleanedPage page = cleaner.clean(TextNormalizer.normalize(Samples.text(Samples.LINGHE_PLAN)));
        assertThat(page.lines().subList(0, 3)).containsExactly(
                "(辽宁省)锦州市凌河区国民经济和社会发展十四五规划(2022年更新)",
                "锦州市凌河区国民经济和社会发展",
                "第十四个五年规划和二〇三五年 远景目标纲要");
        assertThat(page.removals()).extracting(PageCleaner.Removal::rule)
                .contains(PageFurniture.SITE_SUMMARY_BOX, PageFurniture.TRAILER, "site-widget", "publication-line");
        assertThat(page.text()).doesNotContain("附件", "温馨提示", "大牛");
    }

    @Test
    void aRealPrefaceHeadingStays() {
        List<String> lines = cleaner.clean("前言\n“十四五”时期是我国全面建成小康社会之后的第一个五年。").lines();
        assertThat(lines).containsExactly("前言", "“十四五”时期是我国全面建成小康社会之后的第一个五年。");
    }

    @Test
    void aTrailerIsOnlyCutNearTheEnd() {
        StringBuilder text = new StringBuilder("责任编辑:董越\n");
        for (int i = 0; i < 50; i++) {
            text.append("全市地区生产总值增长5.4%,一般公共预算收入增长10%,固定资产投资增长7.5%。\n");
        }
        PageCleaner.CleanedPage page = cleaner.clean(text.toString().strip());
        assertThat(page.lines()).hasSize(50);
        assertThat(page.removals()).extracting(PageCleaner.Removal::rule).containsExactly("site-footer");
    }

    @Test
    void aPageOfFurnitureAloneIsEmpty() {
        assertThat(cleaner.clean("【 字体: 】? 【打印文章】\n发布时间:2024年01月30日\n|\n目录").isEmpty()).isTrue();
    }
}
