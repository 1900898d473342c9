package io.zhibiao.ingest.domain.decode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {
    @Test
    void fullWidthFormsBecomeHalfWidthAndChinesePunctuationStays() {
        assertThat(TextNormalizer.normalize("（一）全市生产总值增长５．４％，达到２３５０亿元。“十四五”《规划纲要》、【附件】"))
                .isEqualTo("(一)全市生产总值增长5.4%,达到2350亿元。“十四五”《规划纲要》、【附件】");
        assertThat(TextNormalizer.normalize("各位代表：")).isEqualTo("各位代表:");
    }

    @Test
    void linesAreTrimmedBlankLinesDroppedAndLineEndsUnified() {
        String page = "2024年锦州市政府工作报告\r\n\r\n各位代表:\r\n\r\n　　现在,我代表市政府向大会报告工作。  \r"
                + "\u00A0\u00A0一、2023年工作回顾\u2028\t\n";
        assertThat(TextNormalizer.normalize(page))
                .isEqualTo("2024年锦州市政府工作报告\n各位代表:\n现在,我代表市政府向大会报告工作。\n一、2023年工作回顾");
    }

    @Test
    void invisibleCharactersGoAndSpaceRunsBecomeOne() {
        assertThat(TextNormalizer.normalize("\uFEFF第一章\u200B  \u3000规划背景\u0007")).isEqualTo("第一章 规划背景");
    }

    @Test
    void aFlattenedPageGetsItsParagraphsBack() {
        // the 温州 report of the bundle sample is one 50,000-character line with spaces for paragraph breaks
        String paragraph = "各位代表:现在,我代表市人民政府向大会报告工作,请予审议,并请市政协委员和其他列席人员提出意见。";
        StringBuilder flat = new StringBuilder();
        while (flat.length() <= TextNormalizer.FLATTENED_LINE_CHARS) {
            flat.append(paragraph).append(" 一、2022年工作回顾 ").append("PM 2.5平均浓度22微克/立方米。 ");
        }
        List<String> lines = TextNormalizer.normalize(flat.toString()).lines().toList();
        assertThat(lines).contains(paragraph, "一、2022年工作回顾", "PM 2.5平均浓度22微克/立方米。");
        assertThat(lines).allMatch(l -> l.length() < 200);
    }

    @Test
    void anOrdinaryLineKeepsItsSpaces() {
        assertThat(TextNormalizer.normalize("第一章 规划背景\n第十四个五年规划和二〇三五年 远景目标纲要"))
                .isEqualTo("第一章 规划背景\n第十四个五年规划和二〇三五年 远景目标纲要");
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String once = TextNormalizer.normalize("（一）２０２３年\r\n\r\n　　增长８．３％");
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }
}
