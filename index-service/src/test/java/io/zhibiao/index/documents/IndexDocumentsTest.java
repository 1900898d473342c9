package io.zhibiao.index.documents;

import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Pages;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.contracts.SegmentedReport.Sentence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexDocumentsTest {
    // 锦州市 2024 work report, its first heading and the sentence that opens its review
    static final String TEXT = "一、2023年工作回顾\n初步核算,地区生产总值增长5.4%。GDP稳中有进。";
    static final ReportMetadata META = new ReportMetadata("2024年锦州市政府工作报告",
            new Region("锦州市", "210700", "辽宁省", "prefecture"), "work_report", 2024, 2023, null, false,
            "file:samples/000.txt", "000.txt", 0, null, null);

    static SegmentedReport report() {
        return report(META);
    }

    static SegmentedReport report(ReportMetadata meta) {
        int p1 = TEXT.indexOf('\n') + 1;
        return new SegmentedReport("doc1", meta, TEXT, List.of("old"),
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

    // the same report from a PDF of three pages: page 6 (the heading), page 7 from 地区生产总值 on, a scan read by OCR
    static final int PAGE_7 = TEXT.indexOf("地区生产总值");
    static final Pages PAGES = new Pages("pdf", 9, List.of(new Pages.Start(6, 0), new Pages.Start(7, PAGE_7),
            new Pages.Start(8, TEXT.indexOf("GDP"))), List.of(7), 87.4);
    static final ReportMetadata PAGED = META.withPages(PAGES);

    @Test
    void aPagedReportKeepsItsFormatPagesAndOcrAndItsPageStartsAsPairs() {
        ReportDoc d = IndexDocuments.report(report(PAGED), Instant.EPOCH);
        assertThat(d.format()).isEqualTo("pdf");
        assertThat(d.pageCount()).isEqualTo(9);
        assertThat(d.ocr()).isTrue();
        assertThat(d.ocrConfidence()).isEqualTo(87.4);
        assertThat(d.pageStarts()).containsExactly(6, 0, 7, PAGE_7, 8, TEXT.indexOf("GDP"));
        assertThat(d.ocrPages()).containsExactly(7);

        // a PDF with a text layer: no OCR, no confidence, no OCR pages; but ocr is said (false)
        ReportDoc text = IndexDocuments.report(report(META.withPages(new Pages("pdf", 2,
                List.of(new Pages.Start(1, 0)), List.of(), null))), Instant.EPOCH);
        assertThat(text.ocr()).isFalse();
        assertThat(text.ocrConfidence()).isNull();
        assertThat(text.ocrPages()).isNull();
        assertThat(text.pageStarts()).containsExactly(1, 0);
    }

    @Test
    void aPassageHasThePageItBeginsOnAndOcrWhenAPageItSpansWasReadByOcr() {
        var passages = IndexDocuments.passages(report(PAGED));
        // the heading: page 6, not OCR'd
        assertThat(passages.get(0).doc().page()).isEqualTo(6);
        assertThat(passages.get(0).doc().ocr()).isNull();
        // the second paragraph begins on page 6 (初步核算) and runs over pages 7 (OCR) and 8
        assertThat(passages.get(1).doc().page()).isEqualTo(6);
        assertThat(passages.get(1).doc().ocr()).isTrue();
    }

    @Test
    void aFactHasThePageOfItsQuoteAsNlpServicePlacedItOrFromTheMetadata() {
        int start = TEXT.indexOf("初步核算");
        IndicatorFact unplaced = new IndicatorFact("000.pdf", "doc1", "锦州市", "gdp", "actual", true, 2023, "growth_pct",
                5.4, null, "%", null, "初步核算,地区生产总值增长5.4%", start, start + 17, 1);
        IndicatorFact onPage7 = new IndicatorFact("000.pdf", "doc1", "锦州市", "gdp", "actual", true, 2023, "growth_pct",
                5.4, null, "%", null, "地区生产总值增长5.4%", PAGE_7, PAGE_7 + 12, 1, java.util.Map.of(), 7, true);
        var facts = IndexDocuments.facts(new ExtractedIndicators("doc1", PAGED, List.of(), List.of(unplaced, onPage7)));
        // an event from an nlp-service that did not place pages: the page from the report's pages
        assertThat(facts.get(0).doc().page()).isEqualTo(6);
        assertThat(facts.get(0).doc().ocr()).isNull();
        assertThat(facts.get(1).doc().page()).isEqualTo(7);
        assertThat(facts.get(1).doc().ocr()).isTrue();
        // placed by nlp-service (IndicatorFact.placedIn): the same
        var placed = IndexDocuments.facts(new ExtractedIndicators("doc1", PAGED, List.of(),
                List.of(onPage7.placedIn(report(PAGED)))));
        assertThat(placed.get(0).doc().page()).isEqualTo(7);
        assertThat(placed.get(0).doc().ocr()).isTrue();
    }

    @Test
    void aTextReportHasNoPageFieldsAtAll() {
        String report = Json.write(IndexDocuments.report(report(), Instant.EPOCH));
        for (String field : List.of("format", "pageCount", "\"ocr\"", "ocrConfidence", "pageStarts", "ocrPages")) {
            assertThat(report).doesNotContain(field);
        }
        String passage = Json.write(IndexDocuments.passages(report()).get(1).doc());
        IndicatorFact fact = new IndicatorFact("000.txt", "doc1", "锦州市", "gdp", "actual", true, 2023, "growth_pct",
                5.4, null, "%", null, "初步核算,地区生产总值增长5.4%", 13, 30, 1);
        String factDoc = Json.write(IndexDocuments.facts(new ExtractedIndicators("doc1", META, List.of(), List.of(fact)))
                .get(0).doc());
        for (String json : List.of(passage, factDoc)) {
            assertThat(json).doesNotContain("\"page\"").doesNotContain("\"ocr\"");
        }
        // and a paged one writes them
        assertThat(Json.write(IndexDocuments.passages(report(PAGED)).get(1).doc())).contains("\"page\":6", "\"ocr\":true");
    }
}
