package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.RawReport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of bad input is refused with its own code and a reason that says what is wrong. */
class RejectedInputTest {
    private final RawReportReader reader = RawReportReader.standard();
    private final ReportIngestor ingestor = ReportIngestor.standard();

    private static final String REPORT = "2024年锦州市政府工作报告\\n各位代表:\\n现在,我代表市政府向大会报告工作,请予审议。";

    private static void rejected(ThrowingCallable call, String code, String... reasonParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RejectedInputException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (reasonParts.length > 0) {
                assertThat(e.reason()).contains(reasonParts);
            }
            assertThat(e.getMessage()).startsWith(code + ": ");
        });
    }

    private RawReport read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    // ---------------------------------------------------------------- the event

    @Test
    void notJson() {
        rejected(() -> read("<html>2024年锦州市政府工作报告</html>"), "not-json", "not valid JSON", "line 1, column 1");
        rejected(() -> read("{\"sourceUrl\": \"https://a\", "), "not-json", "not valid JSON");
    }

    @Test
    void jsonButNoObject() {
        rejected(() -> read("[{\"sourceUrl\": \"https://a\"}]"), "not-json", "a JSON array");
        rejected(() -> reader.read(new byte[0], Map.of()), "not-json", "empty");
    }

    @Test
    void aRequiredFieldIsMissing() {
        rejected(() -> read("{\"contentType\": \"text/plain\", \"content\": \"" + REPORT + "\"}"),
                "schema-violation", "sourceUrl");
    }

    @Test
    void aFieldHasTheWrongTypeOrValue() {
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"contentType\": \"pdf\", \"content\": \"x\"}"),
                "schema-violation", "contentType");
        rejected(() -> read("{\"sourceUrl\": 42, \"contentType\": \"text/plain\", \"content\": \"x\"}"),
                "schema-violation", "sourceUrl");
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"contentType\": \"text/plain\", \"content\": \"x\", "
                + "\"hints\": {\"year\": 1066}}"), "schema-violation", "year");
    }

    @Test
    void aMediaTypeThatIsNotTextIsUnsupportedNotMalformed() {
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"contentType\": \"application/zip\", \"content\": \"x\"}"),
                "unsupported-content-type", "application/zip");
        // a file format is read from its bytes only: as text it is refused with what to do instead
        rejected(() -> ingestor.ingest(new io.zhibiao.contracts.RawReport("https://a", null, "application/pdf", null, "x",
                null, null, null)), "unsupported-content-type", "contentBase64");
        assertThat(read("{\"sourceUrl\": \"https://a\", \"contentType\": \"text/html; charset=gbk\", \"content\": \"x\"}")
                .contentType()).isEqualTo("text/html; charset=gbk");
    }

    @Test
    void anUnknownField() {
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"contentType\": \"text/plain\", \"content\": \"x\", \"body\": \"y\"}"),
                "schema-violation", "body");
    }

    @Test
    void aDateThatIsNoDate() {
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"fetchedAt\": \"yesterday\", \"contentType\": \"text/plain\", "
                + "\"content\": \"x\"}"), "schema-violation", "fetchedAt");
    }

    @Test
    void bothOrNeitherContentField() {
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"contentType\": \"text/plain\", \"content\": \"x\", "
                + "\"contentBase64\": \"eA==\"}"), "schema-violation", "both content and contentBase64");
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"contentType\": \"text/plain\"}"),
                "schema-violation", "neither content nor contentBase64");
    }

    @Test
    void aBrokenCloudEventsEnvelope() {
        rejected(() -> read("{\"specversion\": \"1.0\", \"source\": \"scraper\", \"type\": \"report\", "
                + "\"data\": {\"sourceUrl\": \"https://a\", \"contentType\": \"text/plain\", \"content\": \"x\"}}"),
                "bad-envelope", "'id'");
        rejected(() -> reader.read("{}".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_specversion", "1.0", "ce_id", "1", "ce_type", "report")), "bad-envelope", "ce_source");
        rejected(() -> read("{\"specversion\": \"0.3\", \"id\": \"1\", \"source\": \"s\", \"type\": \"t\", \"data\": {}}"),
                "bad-envelope", "specversion");
    }

    @Test
    void binaryModeWithAnotherContentType() {
        rejected(() -> reader.read("<p>各位代表</p>".getBytes(StandardCharsets.UTF_8), Map.of("ce_specversion", "1.0",
                "ce_id", "1", "ce_source", "s", "ce_type", "t", "content-type", "text/html")),
                "unsupported-content-type", "application/json");
    }

    @Test
    void aPayloadOverTheLimit() {
        rejected(() -> reader.withMaxValueBytes(100).read(("{\"sourceUrl\": \"https://a\", \"contentType\": \"text/plain\", "
                + "\"content\": \"" + "各位代表".repeat(50) + "\"}").getBytes(StandardCharsets.UTF_8), Map.of()),
                "too-large", "over the limit of 100 bytes");
    }

    // ---------------------------------------------------------------- the content

    @Test
    void contentOverTheLimit() {
        ReportIngestor small = ingestor.withMaxBytes(1000);
        rejected(() -> small.ingest(Samples.raw(Samples.JINZHOU_2024)), "too-large", "over the limit of 1,000 bytes");
        rejected(() -> small.ingest(Samples.plain(Samples.text(Samples.JINZHOU_2024))), "too-large");
    }

    @Test
    void base64ThatIsNoBase64() {
        rejected(() -> ingestor.ingest(new RawReport("https://a", null, "text/plain", null, null, "这不是base64!", null, null)),
                "bad-base64", "contentBase64");
    }

    @Test
    void emptyContent() {
        rejected(() -> ingestor.ingest(Samples.plain("   \n\n  ")), "empty-content");
        rejected(() -> ingestor.ingest(Samples.plain("<html><body><script>x()</script></body></html>")), "empty-content", "HTML");
    }

    @Test
    void anEmptyContentField() {
        rejected(() -> read("{\"sourceUrl\": \"https://a\", \"contentType\": \"text/plain\", \"content\": \" \"}"),
                "empty-content", "content is empty");
    }

    @Test
    void contentThatIsAllPageFurniture() {
        rejected(() -> ingestor.ingest(Samples.plain("【 字体: 】? 【打印文章】\n发布时间:2024年01月30日\n信息来源:锦州市政府网站\n|\n目录")),
                "empty-content", "after cleaning");
    }

    @Test
    void anUnsupportedContentType() {
        rejected(() -> ingestor.ingest(new RawReport("https://a", null, "application/msword", null, REPORT, null, null, null)),
                "unsupported-content-type", "application/msword");
    }

    @Test
    void aBrokenPdfSentAsTextIsReadAsAPdfAndRefusedAsCorrupt() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        rejected(() -> ingestor.ingest(Samples.bytes(pdf, "text/plain", null)), "corrupt-file", "PDF");
    }

    @Test
    void undecodableBytes() {
        byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0xFF : 0x80);
        }
        rejected(() -> ingestor.ingest(Samples.bytes(bytes, "text/plain", null)), "undecodable");
    }

    @Test
    void binaryDataThatHappensToDecode() {
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 7 == 0 ? 0x01 : 'a' + i % 20);
        }
        rejected(() -> ingestor.ingest(Samples.bytes(bytes, "text/plain", null)), "undecodable", "binary");
    }

    @Test
    void anUnsupportedCharset() {
        rejected(() -> ingestor.ingest(Samples.bytes("各位代表".getBytes(StandardCharsets.UTF_8), "text/plain", "ISO-8859-1")),
                "unsupported-charset", "ISO-8859-1");
    }

    @Test
    void textThatIsNotChinese() {
        rejected(() -> ingestor.ingest(Samples.plain("Report on the Work of the Government, delivered at the Second Session "
                + "of the 14th National People's Congress on March 5, 2024. 政府工作报告")), "no-chinese-text", "Chinese");
    }

    @Test
    void everyRejectionHasAStableCode() {
        assertThat(Rejection.values()).extracting(Rejection::code).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z]+(-[a-z0-9]+)*"));
        assertThat(Base64.getDecoder().decode("eA==")).isEqualTo(new byte[] {'x'});
    }
}
