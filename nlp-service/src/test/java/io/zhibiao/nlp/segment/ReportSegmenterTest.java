package io.zhibiao.nlp.segment;

import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.contracts.SegmentedReport.Sentence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSegmenterTest {
    private static final ReportSegmenter SEGMENTER = ReportSegmenter.standard();

    private static SegmentedReport segment(String text) {
        SegmentedReport s = SEGMENTER.segment(new IngestedReport("d1", null, text, List.of(), null));
        assertWellFormed(s);
        return s;
    }

    private static List<String> headings(SegmentedReport s) {
        return s.sections().stream().map(Section::heading).toList();
    }

    @Test
    void numberedHeadingsNestInTheOrderTheReportUsesThem() {
        String text = """
                各位代表:
                  一、2023年工作回顾
                  初步核算,地区生产总值增长5.4%。
                  (一)强化创新引领,产业转型升级持续推进
                  创新动能加速集聚。实施科技创新发展三年行动,新增科技型中小企业663家。
                  (二)深化改革开放,高质量发展活力持续激发
                  重点改革深入推进。实施“市场主体年”建设行动。
                  二、2024年工作安排
                  主要预期目标是:地区生产总值增长6.5%。
                """;
        SegmentedReport s = segment(text);
        assertThat(headings(s)).containsExactly("一、2023年工作回顾", "(一)强化创新引领,产业转型升级持续推进",
                "创新动能加速集聚。", "(二)深化改革开放,高质量发展活力持续激发", "重点改革深入推进。", "二、2024年工作安排");
        List<Section> sections = s.sections();
        assertThat(sections.get(0).level()).isEqualTo(1);
        assertThat(sections.get(1).parent()).isEqualTo(0);
        assertThat(sections.get(1).level()).isEqualTo(2);
        assertThat(sections.get(2).parent()).isEqualTo(1);
        assertThat(sections.get(3).parent()).isEqualTo(0);
        assertThat(sections.get(5).parent()).isNull();
        assertThat(sections.get(0).end()).isEqualTo(sections.get(5).start());
        Paragraph target = s.paragraphs().get(s.paragraphs().size() - 1);
        assertThat(target.section()).isEqualTo(5);
    }

    @Test
    void chaptersPartsAndColumnsOfAPlan() {
        String text = """
                第一章 规划背景
                第一节 经济社会发展取得新成就
                综合实力显著增强。全区实现地区生产总值124亿元。
                第二节 “十三五”规划纲要指标完成情况
                专栏1 主要指标
                第二章 发展构想
                """;
        SegmentedReport s = segment(text);
        assertThat(s.sections()).extracting(Section::heading, Section::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("第一章 规划背景", 1),
                org.assertj.core.groups.Tuple.tuple("第一节 经济社会发展取得新成就", 2),
                org.assertj.core.groups.Tuple.tuple("综合实力显著增强。", 3),
                org.assertj.core.groups.Tuple.tuple("第二节 “十三五”规划纲要指标完成情况", 2),
                org.assertj.core.groups.Tuple.tuple("专栏1 主要指标", 3),
                org.assertj.core.groups.Tuple.tuple("第二章 发展构想", 1));
    }

    @Test
    void unnumberedHeadingLinesAndArabicItems() {
        SegmentedReport s = segment("2022年工作回顾\n2022年,是泸州历史上极不寻常的一年。\n2023年重点工作安排\n1.扩大有效投资。实施重大项目攻坚大会战。\n（1）抓项目。\n");
        assertThat(headings(s)).containsExactly("2022年工作回顾", "2023年重点工作安排", "1.扩大有效投资。", "（1）抓项目。");
        assertThat(s.sections().get(3).parent()).isEqualTo(2);
    }

    @Test
    void aReportOnOneLineIsCutIntoParagraphsAtItsSpaces() {
        String text = "各位代表: 现在,我代表市人民政府向大会报告工作。 一、2022年工作回顾 2022年是极具挑战的一年。全市生产总值8029.8亿元、增长3.7%。 过去一年,我们强化高效统筹。";
        SegmentedReport s = segment(text);
        assertThat(s.paragraphs()).extracting(p -> text.substring(p.start(), p.end())).containsExactly(
                "各位代表:", "现在,我代表市人民政府向大会报告工作。", "一、2022年工作回顾", "2022年是极具挑战的一年。全市生产总值8029.8亿元、增长3.7%。",
                "过去一年,我们强化高效统筹。");
        assertThat(headings(s)).contains("一、2022年工作回顾");
    }

    @Test
    void sentencesEndAtStopsAndKeepTheirClosingQuote() {
        String text = "全面振兴新突破首战告捷!坚持“两个毫不动摇。”城镇新增就业1.7万人;粮食产量52.5亿斤。";
        SegmentedReport s = segment(text);
        assertThat(s.sentences()).extracting(x -> text.substring(x.start(), x.end()))
                .containsExactly("全面振兴新突破首战告捷!", "坚持“两个毫不动摇。”", "城镇新增就业1.7万人;", "粮食产量52.5亿斤。");
    }

    @Test
    void everySentenceHasItsWords() {
        String text = "初步核算,地区生产总值增长5.4%。";
        Sentence sentence = segment(text).sentences().get(0);
        assertThat(sentence.wordCount()).isGreaterThan(5);
        assertThat(text.substring(sentence.words()[8], sentence.words()[9])).isEqualTo("生产总值");
        assertThat(sentence.pos()[4]).isEqualTo("n");
        assertThat(sentence.pos()).hasSize(sentence.wordCount());
    }

    @Test
    void aVeryLongSentenceIsCutAtACommaNotMidWord() {
        String clause = "实施科技创新发展三年行动,";
        String text = clause.repeat(100) + "结束。";
        SegmentedReport s = segment(text);
        assertThat(s.sentences()).allSatisfy(x -> assertThat(x.end() - x.start()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE + 1));
        assertThat(s.sentences().size()).isGreaterThan(1);
    }

    @Test
    void anyTextYieldsWellFormedOffsets() {
        Random random = new Random(42);
        String alphabet = "一二、()（）。,，;；:\n 　第章节专栏1.2%亿元增长——报告回顾的是了在和”“";
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            segment(sb.toString());
        }
        segment("");
    }

    @Test
    void aTableRowIsOneParagraphAndNoHeading() {
        String text = """
                第二章 发展目标
                表1 “十四五”时期主要指标
                指标 | 单位 | “十三五”末 | 2025年(目标) | 属性
                粮食产量 | 万吨 | 50 | 52 | 约束性
                | 城镇调查失业率 | % | 5.2 | <5.5 | 预期性 |
                到2025年,地区生产总值达到400亿元。
                """;
        SegmentedReport s = segment(text);
        // a cell that ends in ” or ) before the space of its separator does not end a paragraph, and a short row
        // without punctuation is no heading: the rows stay inside the chapter
        assertThat(s.paragraphs()).extracting(p -> text.substring(p.start(), p.end())).containsExactly(
                "第二章 发展目标", "表1 “十四五”时期主要指标", "指标 | 单位 | “十三五”末 | 2025年(目标) | 属性",
                "粮食产量 | 万吨 | 50 | 52 | 约束性", "| 城镇调查失业率 | % | 5.2 | <5.5 | 预期性 |", "到2025年,地区生产总值达到400亿元。");
        assertThat(headings(s)).containsExactly("第二章 发展目标");
        assertThat(s.paragraphs()).allSatisfy(p -> assertThat(p.section()).isEqualTo(0));
    }

    @Test
    void tableLinesHaveThreeCellsAtLeastAndNoneLongerThanACell() {
        assertThat(cells("一般公共预算收入 | 亿元 | 312 | 400 | 5 | 预期性")).hasSize(6);
        assertThat(isRow("| a | b | c |")).isTrue();
        assertThat(cells("a |  | c")).extracting(c -> c[1] - c[0]).containsExactly(1, 0, 1);
        assertThat(isRow("第一章 | 发展目标")).isFalse();
        assertThat(isRow("| a | b |")).isFalse();
        assertThat(isRow("a|b|c|d")).isFalse(); // bars without spaces separate no cells
        String sentence = "全年实现地区生产总值260亿元,增长6%,一般公共预算收入增长5%,固定资产投资增长8% | 责任编辑:张三 | 2024-01-30";
        assertThat(isRow(sentence)).isFalse();
        assertThat(isRow("a | b\n | c")).isFalse();
    }

    private static List<int[]> cells(String line) {
        return TableLine.cells(line, 0, line.length());
    }

    private static boolean isRow(String line) {
        return TableLine.isRow(line, 0, line.length());
    }

    /** Offsets in range, paragraphs in order and apart, sentences inside their paragraph, words inside their sentence. */
    static void assertWellFormed(SegmentedReport s) {
        String text = s.text();
        int last = 0;
        for (Paragraph p : s.paragraphs()) {
            assertThat(p.start()).isGreaterThanOrEqualTo(last).isLessThan(p.end());
            assertThat(p.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(p.start(), p.end())).isEqualTo(text.substring(p.start(), p.end()).strip());
            last = p.end();
        }
        for (Sentence x : s.sentences()) {
            Paragraph p = s.paragraphs().get(x.paragraph());
            assertThat(x.start()).isGreaterThanOrEqualTo(p.start());
            assertThat(x.end()).isLessThanOrEqualTo(p.end()).isGreaterThan(x.start());
            for (int i = 0; i < x.wordCount(); i++) {
                assertThat(x.words()[2 * i]).isGreaterThanOrEqualTo(x.start()).isLessThan(x.words()[2 * i + 1]);
                assertThat(x.words()[2 * i + 1]).isLessThanOrEqualTo(x.end());
            }
        }
        for (Section sec : s.sections()) {
            assertThat(sec.start()).isLessThanOrEqualTo(sec.end());
            assertThat(sec.end()).isLessThanOrEqualTo(text.length());
            if (sec.parent() != null) {
                assertThat(sec.parent()).isLessThan(sec.index());
                assertThat(s.sections().get(sec.parent()).level()).isLessThan(sec.level());
            }
        }
    }
}
