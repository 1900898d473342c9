package io.zhibiao.ingest.domain.formats;

import io.zhibiao.contracts.Pages;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Files written by LibreOffice (src/test/resources/files/README.md) give the text they hold, tables as rows. */
class OfficeFilesTest {
    private static final ReportIngestor INGESTOR = ReportIngestor.standard();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OfficeFilesTest.class.getResourceAsStream("/files/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "report.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document, docx",
            "report.doc, application/msword, doc",
            "report.wps, application/octet-stream, wps",
            "report.rtf, application/rtf, rtf",
            "report.odt, application/octet-stream, odt"})
    void eachFormatGivesTheTextAndTheTableRows(String name, String type, String format) throws IOException {
        String expected = INGESTOR.ingest(FileFormatsTest.file(resource("report.txt"), "text/plain", "report.txt"))
                .get(0).text();
        IngestedDocument doc = INGESTOR.ingest(FileFormatsTest.file(resource(name), type, name)).get(0);
        assertThat(doc.text()).isEqualTo(expected);
        assertThat(doc.text()).contains("地区生产总值增长 | % | 5.4 | 6左右 | 预期性");
        Pages pages = doc.metadata().pages();
        assertThat(pages.format()).isEqualTo(format);
        // the page breaks ReportFiles put in, every six paragraphs, as each program wrote them
        assertThat(pages.count()).as(pages.toString()).isGreaterThan(2);
        assertThat(pages.starts()).hasSize(pages.count());
        assertThat(doc.metadata().regionName()).isEqualTo("锦州市");
        assertThat(new String(resource("report.txt"), StandardCharsets.UTF_8)).contains("表1 主要指标");
    }
}
