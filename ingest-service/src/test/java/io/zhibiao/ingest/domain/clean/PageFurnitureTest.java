package io.zhibiao.ingest.domain.clean;

import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.ingest.domain.decode.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PageFurnitureTest {

    @Test
    void everyLineRuleMatchesItsOwnExamples() {
        for (PageFurniture.LineRule rule : PageFurniture.LINE_RULES) {
            assertThat(rule.examples()).as(rule.name()).isNotEmpty().allMatch(rule::matches);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024年锦州市政府工作报告",
            "——2024年1月10日在锦州市第十七届人民代表大会第三次会议上",
            "锦州市人民政府市长 王心宇",
            "各位代表:",
            "一、2023年工作回顾",
            "(以上数据按照可比口径预计)",
            "第二节 “十三五”规划纲要实施情况",
            "前言",
            "附件",
            "(一)强化创新引领,产业转型升级持续推进",
            "收藏家协会举办书画展,打印设备更新200台。",
            "电网投资完成12亿元,增长8%。"
    })
    void reportLinesAreNoFurniture(String line) {
        assertThat(PageFurniture.LINE_RULES).noneMatch(rule -> rule.matches(line));
        assertThat(PageFurniture.GAMBLING_SPAM.apply(line)).isEqualTo(line);
    }

    @Test
    void noLineOfTheFragmentSampleIsFurniture() {
        String text = TextNormalizer.normalize(Samples.text(Samples.HULUDAO_FRAGMENT));
        PageCleaner.CleanedPage page = new PageCleaner().clean(text);
        assertThat(page.removals()).isEmpty();
        assertThat(page.text()).isEqualTo(text);
    }

    @Test
    void theWatermarkOfTheBundleGoes() {
        assertThat(PageFurniture.SITE_WATERMARK.matches(
                "体制人的免费资料库 –请点击:www.mishugongzuo.com材料交流群,请加微信tizhisiri")).isTrue();
    }

    @Test
    void publicationLinesGiveDateAndSource() {
        assertThat(PageFurniture.PublicationLine.parse("发布时间:2024年01月30日"))
                .contains(new PageFurniture.PublicationLine("2024年01月30日", null));
        assertThat(PageFurniture.PublicationLine.parse("信息来源:锦州市政府网站"))
                .contains(new PageFurniture.PublicationLine(null, "锦州市政府网站"));
        assertThat(PageFurniture.PublicationLine.parse("[可行性研究报告 - 规划计划] 发表于:2022-08-04 10:56:52"))
                .contains(new PageFurniture.PublicationLine("2022-08-04 10:56:52", null));
        assertThat(PageFurniture.PublicationLine.parse("发布日期:2024-01-30 | 来源:锦州市人民政府 | 浏览次数:1024"))
                .contains(new PageFurniture.PublicationLine("2024-01-30", "锦州市人民政府"));
        assertThat(PageFurniture.PublicationLine.parse("时间紧、任务重,来源:各部门。")).isEmpty();
        assertThat(PageFurniture.PublicationLine.parse("数据来源:市统计局")).isEmpty();
    }

    @Test
    void gamblingSpamIsCutOutOfTheSentence() {
        assertThat(PageFurniture.GAMBLING_SPAM.apply("预计地区生产总值增速连续7个季度高于全国、365体育投注_365体育直播-竞猜网投平均水平。"))
                .isEqualTo("预计地区生产总值增速连续7个季度高于全国、平均水平。");
        assertThat(PageFurniture.GAMBLING_SPAM.apply("加快推进中共满洲365体育投注_365体育直播-竞猜网投旧址纪念馆"))
                .isEqualTo("加快推进中共满洲旧址纪念馆");
        assertThat(PageFurniture.GAMBLING_SPAM.apply("广泛开展群众性体育赛事,我市成为全国首个“双运之城”。"))
                .isEqualTo("广泛开展群众性体育赛事,我市成为全国首个“双运之城”。");
    }

    @Test
    void aQuestionMarkForALostSpaceInTheSpeakerLineBecomesASpace() {
        assertThat(PageFurniture.LOST_SPACE_IN_SIGNATURE.apply("沈阳市人民政府市长? 吕志成")).isEqualTo("沈阳市人民政府市长 吕志成");
        assertThat(PageFurniture.LOST_SPACE_IN_SIGNATURE.apply("为什么要当先锋?")).isEqualTo("为什么要当先锋?");
    }

    @Test
    void toolbarsSeparatorsAndContentsMarkers() {
        assertThat(PageFurniture.PAGE_TOOLBAR.matches("【 字体: 】? 【打印文章】")).isTrue();
        assertThat(PageFurniture.PAGE_TOOLBAR.matches("【字体:大 中 小】【打印】【关闭】")).isTrue();
        assertThat(PageFurniture.PAGE_TOOLBAR.matches("【下载附件】")).isFalse();
        assertThat(PageFurniture.STRAY_SEPARATOR.matches("|")).isTrue();
        assertThat(PageFurniture.STRAY_SEPARATOR.matches("1|2")).isFalse();
        assertThat(PageFurniture.CONTENTS_MARKER.matches("目录")).isTrue();
        assertThat(PageFurniture.CONTENTS_MARKER.matches("目录管理制度进一步完善")).isFalse();
        assertThat(PageFurniture.SITE_WIDGET.matches("收藏")).isTrue();
        assertThat(PageFurniture.SITE_WIDGET.matches("下一篇:2023年锦州市政府工作报告")).isTrue();
    }

    @Test
    void footerLinesGoWhereverTheyAre() {
        assertThat(PageFurniture.SITE_FOOTER.matches("版权所有:即时比分 主办单位:即时比分办公厅")).isTrue();
        assertThat(PageFurniture.SITE_FOOTER.matches("地址:沈阳市皇姑区北陵大街45-9号 邮编:110032")).isTrue();
        assertThat(PageFurniture.SITE_FOOTER.matches("加强知识产权保护,版权所有人合法权益得到保障。")).isFalse();
    }
}
