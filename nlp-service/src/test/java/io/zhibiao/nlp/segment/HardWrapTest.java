package io.zhibiao.nlp.segment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines a page broke at a fixed width are one paragraph again; short lines and sentence ends stay. */
class HardWrapTest {
    private final ParagraphSplitter splitter = new ParagraphSplitter();

    private List<String> paragraphs(String text) {
        return splitter.split(text).stream().map(p -> text.substring(p[0], p[1])).toList();
    }

    @Test
    void aPageWrappedAtAFixedWidthIsReadInParagraphs() {
        // 正蓝旗 2019, as a document-sharing site prints it (with the site's token vfO after each paragraph)
        String text = """
                2019年3月21日在正蓝旗第十五届人民代表大会第二次会议上vfO
                正蓝旗人民政府旗长 宝音图vfO
                各位代表:vfO
                一年来,地区生产总值增长5.1%,一般公共预算收入完成3.98亿元,固定资产投资
                完成15亿元,社会消费品零售总额完成16亿元,城乡常住居民人均可支配收入分别达到
                37462元和17597元、增长7%和10%。vfO
                一年来,我们主要做了以下工作。vfO
                (一)聚焦聚力打好三大攻坚战,为经济社会高质量发展提供坚强保障。规范政府举债行为,政
                府债务全部纳入预算管理,严格落实政府性债务化解方案,2018年化解政府性债务4.75亿
                元,完成年度任务的115%,其中十个全覆盖及人居环境整治工程款全部化解,争取上级化债
                奖励资金5500万元。对隐性债务进行深入甄别,制定了化解政府隐性债务风险实施方案。
                """;
        List<String> ps = paragraphs(text);
        assertThat(ps).contains("正蓝旗人民政府旗长 宝音图vfO", "各位代表:vfO", "一年来,我们主要做了以下工作。vfO");
        assertThat(ps).anySatisfy(p -> assertThat(p).startsWith("一年来,地区生产总值").endsWith("增长7%和10%。vfO")
                .contains("固定资产投资\n完成15亿元"));
        assertThat(ps).anySatisfy(p -> assertThat(p).startsWith("(一)聚焦").endsWith("实施方案。"));
    }

    @Test
    void aPageOfWholeParagraphsIsLeftAsItIs() {
        String text = """
                一、2023年工作回顾
                初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%,城镇和农村常住居民人均可支配收入分别增长5.1%和8%。
                (一)强化创新引领,产业转型升级持续推进
                创新动能加速集聚。新增科技型中小企业663家、雏鹰瞪羚企业25家,高新技术企业达到205家。
                二、2024年工作安排
                今年经济社会发展的主要预期目标是:地区生产总值增长6.5%,居民消费价格涨幅不高于3%。
                """;
        assertThat(paragraphs(text)).hasSize(6);
    }

    @Test
    void theRowsOfATableAreNeverWrappedLines() {
        // rows as wide as each other and ending without a stop look like a page wrapped at a fixed width
        String text = """
                类别 | 指标 | 单位 | 2020年 | 2025年 | 年均增长 | 属性
                经济发展 | 地区生产总值增长 | % | 3.6 | — | 6左右 | 预期性
                经济发展 | 一般公共预算收入 | 亿元 | 312 | 400 | 5 | 预期性
                创新驱动 | 研发经费投入强度 | % | 2.1 | 2.5 | — | 预期性
                民生福祉 | 城镇调查失业率 | % | 5.2 | <5.5 | — | 预期性
                民生福祉 | 城镇新增就业人数 | 万人 | 1.5 | 1.8 | — | 预期性
                绿色生态 | 单位地区生产总值能耗降低 | % | — | — | [14.5] | 约束性
                """;
        assertThat(paragraphs(text)).hasSize(7).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
    }
}
