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

    private static String event(String id, String data) {
        return "{\"specversion\": \"1.0\", \"id\": \"" + id + "\", \"source\": \"/scrapers/jz\", \"type\": \"io.zhibiao.report.raw\","
                + " \"datacontenttype\": \"application/json\", \"data\": " + data + "}";
    }

    @Test
    void cloudEventsBatchModeGivesOneReportPerEvent() {
        String other = REPORT_JSON.replace("report.html\", \"fetchedAt", "report-2.html\", \"fetchedAt");
        String batch = "[" + event("1", REPORT_JSON) + ", " + event("2", other) + "]";
        java.util.List<RawReport> reports = reader.readAll(utf8(batch),
                Map.of("content-type", "application/cloudevents-batch+json; charset=utf-8"));
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).isEqualTo(EXPECTED);
        assertThat(reports.get(1).sourceUrl()).isEqualTo("https://www.jz.gov.cn/2024/report-2.html");
        // where one report is expected, a batch of one is that report, and a larger batch is refused
        assertThat(reader.read(utf8("[" + event("1", REPORT_JSON) + "]"), Map.of("content-type", "application/cloudevents-batch+json")))
                .isEqualTo(EXPECTED);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RejectedInputException.class,
                () -> reader.read(utf8(batch), Map.of("content-type", "application/cloudevents-batch+json"))).code())
                .isEqualTo("bad-envelope");
    }

    @Test
    void aCloudEventsBatchIsReadAllOrNothingAndTheReasonNamesTheEvent() {
        Map<String, String> h = Map.of("content-type", "application/cloudevents-batch+json");
        RejectedInputException bad = org.assertj.core.api.Assertions.catchThrowableOfType(RejectedInputException.class,
                () -> reader.readAll(utf8("[" + event("1", REPORT_JSON) + ", " + event("2", "{\"sourceUrl\": 42}") + "]"), h));
        assertThat(bad.code()).isEqualTo("schema-violation");
        assertThat(bad.reason()).startsWith("event 2 of the batch of 2: ");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RejectedInputException.class,
                () -> reader.readAll(utf8("[]"), h)).code()).isEqualTo("bad-envelope");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RejectedInputException.class,
                () -> reader.readAll(utf8(event("1", REPORT_JSON)), h)).reason()).contains("expected a JSON array");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RejectedInputException.class,
                () -> reader.readAll(utf8("[\"not an event\"]"), h)).reason()).startsWith("event 1 of the batch of 1");
        // without the batch media type an array is still no report
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RejectedInputException.class,
                () -> reader.readAll(utf8("[" + event("1", REPORT_JSON) + "]"), Map.of())).code()).isEqualTo("not-json");
    }
}
