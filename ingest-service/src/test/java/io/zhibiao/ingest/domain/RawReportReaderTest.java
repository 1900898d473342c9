package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RawReportReaderTest {
    private final RawReportReader reader = RawReportReader.standard();

    static final String REPORT_JSON = """
            {"sourceUrl": "https://www.jz.gov.cn/2024/report.html", "fetchedAt": "2024-01-30T08:00:00+08:00",
             "contentType": "text/html", "charset": "GBK", "contentBase64": "PHA+uPfOu7T6se08L3A+",
             "fileName": "report.html", "hints": {"title": "2024年锦州市政府工作报告", "region": "锦州市", "year": 2024}}
            """;

    static final RawReport EXPECTED = new RawReport("https://www.jz.gov.cn/2024/report.html",
            Instant.parse("2024-01-30T00:00:00Z"), "text/html", "GBK", null, "PHA+uPfOu7T6se08L3A+", "report.html",
            new RawReport.Hints("2024年锦州市政府工作报告", "锦州市", 2024));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainRawReportJson() {
        assertThat(reader.read(utf8(REPORT_JSON), Map.of())).isEqualTo(EXPECTED);
    }

    @Test
    void whatTheContractsModuleWritesIsRead() {
        RawReport raw = RawReport.text("https://a.gov.cn/r", "r.txt", "各位代表:");
        assertThat(reader.read(Json.writeBytes(raw), Map.of())).isEqualTo(raw);
    }

    @Test
    void cloudEventsStructuredModeWithData() {
        String event = "{\"specversion\": \"1.0\", \"id\": \"42\", \"source\": \"/scrapers/jz\", \"type\": \"io.zhibiao.report.raw\","
                + " \"datacontenttype\": \"application/json\", \"data\": " + REPORT_JSON + "}";
        assertThat(reader.read(utf8(event), Map.of("content-type", "application/cloudevents+json"))).isEqualTo(EXPECTED);
        // also recognised by its shape when the header is missing (a console producer sends none)
        assertThat(reader.read(utf8(event), Map.of())).isEqualTo(EXPECTED);
    }

    @Test
    void cloudEventsStructuredModeWithDataBase64() {
        String event = "{\"specversion\": \"1.0\", \"id\": \"42\", \"source\": \"/scrapers/jz\", \"type\": \"io.zhibiao.report.raw\","
                + " \"data_base64\": \"" + Base64.getEncoder().encodeToString(utf8(REPORT_JSON)) + "\"}";
        assertThat(reader.read(utf8(event), Map.of("Content-Type", "application/cloudevents+json; charset=UTF-8")))
                .isEqualTo(EXPECTED);
    }

    @Test
    void cloudEventsBinaryMode() {
        Map<String, String> kafka = Map.of("ce_specversion", "1.0", "ce_id", "42", "ce_source", "/scrapers/jz",
                "ce_type", "io.zhibiao.report.raw", "content-type", "application/json");
        assertThat(reader.read(utf8(REPORT_JSON), kafka)).isEqualTo(EXPECTED);
        Map<String, String> http = Map.of("ce-specversion", "1.0", "ce-id", "42", "ce-source", "/scrapers/jz",
                "ce-type", "io.zhibiao.report.raw");
        assertThat(reader.read(utf8(REPORT_JSON), http)).isEqualTo(EXPECTED);
    }

    @Test
    void readAndIngestedTheGbkPageIsChinese() {
        RawReport raw = reader.read(utf8(REPORT_JSON), Map.of());
        assertThat(new String(Base64.getDecoder().decode(raw.contentBase64()), java.nio.charset.Charset.forName("GBK")))
                .isEqualTo("<p>各位代表</p>");
    }
}
