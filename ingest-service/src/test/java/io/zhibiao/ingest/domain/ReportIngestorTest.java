package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.RawReport;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportIngestorTest {
    private final ReportIngestor ingestor = ReportIngestor.standard();

    static final String REPORT = """
            2024年锦州市政府工作报告
            锦州市人民政府市长 王心宇
            各位代表:
            现在,我代表市政府向大会报告工作,请予审议,并请市政协各位委员提出意见。
            一、2023年工作回顾
            初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%,固定资产投资增长7.5%。
            """;

    @Test
    void plainTextInTheContentField() {
        List<IngestedDocument> docs = ingestor.ingest(Samples.plain(REPORT));
        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo(REPORT.strip());
            assertThat(d.metadata().region().name()).isEqualTo("锦州市");
            assertThat(d.metadata().sourceName()).isEqualTo("report.txt");
        });
    }

    @Test
    void htmlSentAsPlainTextIsReadAsHtml() {
        String page = "<!DOCTYPE html><html><body><p>2024年锦州市政府工作报告</p><p>各位代表:</p>"
                + "<p>现在,我代表市政府向大会报告工作,请予审议。</p></body></html>";
        assertThat(ingestor.ingest(Samples.plain(page)).get(0).text())
                .isEqualTo("2024年锦州市政府工作报告\n各位代表:\n现在,我代表市政府向大会报告工作,请予审议。");
    }

    @Test
    void aCharsetInTheContentTypeIsADeclaration() {
        byte[] gbk = REPORT.getBytes(Charset.forName("GBK"));
        RawReport raw = Samples.bytes(gbk, "text/plain; charset=GBK", null);
        assertThat(ingestor.ingest(raw).get(0).text()).isEqualTo(REPORT.strip());
    }

    @Test
    void big5BytesAreRead() {
        String traditional = "2024年錦州市政府工作報告\n各位代表:\n現在,我代表市政府向大會報告工作,請予審議,並請市政協各位委員提出意見。";
        RawReport raw = Samples.bytes(traditional.getBytes(Charset.forName("Big5")), "text/plain", null);
        assertThat(ingestor.ingest(raw).get(0).text()).isEqualTo(traditional);
    }

    @Test
    void utf8WithByteOrderMark() {
        byte[] utf8 = REPORT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(ingestor.ingest(Samples.bytes(bom, "text/plain", null)).get(0).text()).isEqualTo(REPORT.strip());
    }

    @Test
    void theSameReportTwiceInABundleIsOneDocument() {
        String page = Samples.text(Samples.JINZHOU_2024);
        List<IngestedDocument> docs = ingestor.ingest(Samples.plain(page + "\n" + page));
        assertThat(docs).singleElement()
                .satisfies(d -> assertThat(d.documentId()).isEqualTo(ingestor.ingest(Samples.plain(page)).get(0).documentId()));
    }
}
