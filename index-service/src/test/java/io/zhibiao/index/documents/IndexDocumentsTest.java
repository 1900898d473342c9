package io.zhibiao.index.documents;

import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.contracts.SegmentedReport.Sentence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexDocumentsTest {
    // 锦州市 2024 work report, its first heading and the sentence that opens its review
    static final String TEXT = "一、2023年工作回顾\n初步核算,地区生产总值增长5.4%。GDP稳中有进。";
    static final ReportMetadata META = new ReportMetadata("2024年锦州市政府工作报告",
            new Region("锦州市", "210700", "辽宁省", "prefecture"), "work_report", 2024, 2023, null, false,
            "file:samples/000.txt", "000.txt", 0, null, null);

    static SegmentedReport report() {
        int p1 = TEXT.indexOf('\n') + 1;
        return new SegmentedReport("doc1", META, TEXT, List.of("old"),
                List.of(new Section(0, null, 1, "一、2023年工作回顾", 0, TEXT.length())),
                List.of(new Paragraph(0, 0, p1 - 1, 0), new Paragraph(1, p1, TEXT.length(), 0)),
                List.of(new Sentence(p1, TEXT.indexOf('。') + 1, 1,
                        new int[]{p1, p1 + 4, p1 + 5, p1 + 11, p1 + 11, p1 + 13, p1 + 13, p1 + 17, p1 + 17, p1 + 18},
                        new String[]{"vn", "n", "v", "m", "w"}),
                        new Sentence(TEXT.indexOf('。') + 1, TEXT.length(), 1,
                                new int[]{TEXT.indexOf("GDP"), TEXT.indexOf("GDP") + 3}, new String[]{"nx"})));
    }

    @Test
    void onePassagePerParagraphWithItsSectionPathAndMetadata() {
        var passages = IndexDocuments.passages(report());
        assertThat(passages).hasSize(2);
        PassageDoc second = passages.get(1).doc();
        assertThat(passages.get(1).id()).isEqualTo("doc1:p1");
        assertThat(second.text()).isEqualTo("初步核算,地区生产总值增长5.4%。GDP稳中有进。");
        assertThat(second.sectionPath()).containsExactly("一、2023年工作回顾");
        assertThat(second.region()).isEqualTo("锦州市");
        assertThat(second.province()).isEqualTo("辽宁省");
        assertThat(second.year()).isEqualTo(2024);
    }

    @Test
    void wordsAreLowerCasedAndPunctuationIsLeftOut() {
        PassageDoc second = IndexDocuments.passages(report()).get(1).doc();
        assertThat(second.words()).isEqualTo("初步核算 地区生产总值 增长 5.4% gdp");
    }

    @Test
    void factsKeepTheirQuoteAndPointAtTheirPassage() {
        IndicatorFact fact = new IndicatorFact("000.txt", "doc1", "锦州市", "gdp", "actual", true, 2023, "growth_pct",
                5.4, null, "%", null, "初步核算,地区生产总值增长5.4%", 13, 30, 1);
        var facts = IndexDocuments.facts(new ExtractedIndicators("doc1", META, List.of(), List.of(fact)));
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("doc1:f0");
            assertThat(f.doc().passageId()).isEqualTo("doc1:p1");
            assertThat(f.doc().regionCode()).isEqualTo("210700");
            assertThat(f.doc().value()).isEqualTo(5.4);
        });
    }

    @Test
    void theSectionOfAPassageIsItsOutermostHeadingThatIsNotTheTitle() {
        // in the bundle, the title line before each report is taken for a heading
        List<String> path = List.of("2023年宁波市政府工作报告", "二、2023年主要目标任务", "(一)加速产业能级跃升");
        assertThat(IndexDocuments.topSection(path, "2023年宁波市政府工作报告")).isEqualTo("二、2023年主要目标任务");
        assertThat(IndexDocuments.topSection(List.of("一、2023年工作回顾"), "2024年锦州市政府工作报告")).isEqualTo("一、2023年工作回顾");
        assertThat(IndexDocuments.topSection(List.of("2023年宁波市政府工作报告"), "2023年宁波市政府工作报告")).isNull();
        assertThat(IndexDocuments.topSection(List.of(), null)).isNull();
    }
}
