package io.zhibiao.ingest.domain.formats;

import io.zhibiao.contracts.Pages;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.stack.files.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same report as text, PDF and DOCX gives the same text, and the PDF's pages say where each part was. */
class FileFormatsTest {
    private static final ReportIngestor INGESTOR = ReportIngestor.standard();
    private static String text;
    private static IngestedDocument fromText;

    @BeforeAll
    static void sample() {
        text = Samples.text(Samples.JINZHOU_2024);
        fromText = INGESTOR.ingest(Samples.plain(text)).get(0);
    }

    static RawReport file(byte[] bytes, String contentType, String fileName) {
        return new RawReport("https://example.gov.cn/report/" + fileName, null, contentType, null, null,
                Base64.getEncoder().encodeToString(bytes), fileName, null);
    }

    @Test
    void aTextPdfGivesTheTextBackWithItsPages() {
        byte[] pdf = ReportFiles.pdf(text, "锦州市人民政府工作报告");
        List<IngestedDocument> docs = INGESTOR.ingest(file(pdf, "application/pdf", "report.pdf"));
        assertThat(docs).hasSize(1);
        IngestedDocument doc = docs.get(0);
        assertThat(doc.text()).isEqualTo(fromText.text());
        assertThat(doc.documentId()).isEqualTo(fromText.documentId());
        Pages pages = doc.metadata().pages();
        assertThat(pages.format()).isEqualTo("pdf");
        assertThat(pages.count()).isGreaterThan(5);
        assertThat(pages.starts()).first().isEqualTo(new Pages.Start(1, 0));
        assertThat(pages.starts()).extracting(Pages.Start::page).isSorted().doesNotHaveDuplicates();
        assertThat(pages.pageAt(doc.text().length() - 1)).isEqualTo(pages.count());
        assertThat(doc.metadata().regionName()).isEqualTo(fromText.metadata().regionName());
    }

    @Test
    void aDocxGivesTheTextBack() {
        byte[] docx = ReportFiles.docx(text, 20);
        IngestedDocument doc = INGESTOR.ingest(file(docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "report.docx")).get(0);
        assertThat(doc.text()).isEqualTo(fromText.text());
        assertThat(doc.metadata().pages().format()).isEqualTo("docx");
        assertThat(doc.metadata().pages().count()).isGreaterThan(3);
    }

    @Test
    void aPdfTableKeepsItsRowsAsCellLines() {
        String table = "表1 主要指标\n指标 | 单位 | 2023年 | 2024年目标 | 属性\n地区生产总值增长 | % | 5.4 | 6左右 | 预期性\n";
        int cut = text.indexOf('\n', text.indexOf("初步核算")) + 1;
        String withTable = text.substring(0, cut) + table + text.substring(cut);
        IngestedDocument doc = INGESTOR.ingest(file(ReportFiles.pdf(withTable, null), "application/pdf", "t.pdf")).get(0);
        assertThat(doc.text()).contains("\n" + table);
        assertThat(doc.text()).isEqualTo(INGESTOR.ingest(Samples.plain(withTable)).get(0).text());
    }

    @Test
    void theFormatIsDetectedFromTheBytes() {
        byte[] pdf = ReportFiles.pdf(text, null);
        IngestedDocument doc = INGESTOR.ingest(file(pdf, "application/octet-stream", "download")).get(0);
        assertThat(doc.metadata().pages().format()).isEqualTo("pdf");
        // a scraper that copied a wrong header: the bytes win
        IngestedDocument mislabelled = INGESTOR.ingest(file(pdf, "text/html", "index.html")).get(0);
        assertThat(mislabelled.text()).isEqualTo(fromText.text());
    }
}
