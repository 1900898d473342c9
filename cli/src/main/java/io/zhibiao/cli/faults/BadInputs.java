package io.zhibiao.cli.faults;

import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.files.ReportFiles;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad records mixed into the load: each must end up in its dead-letter topic (reports.raw.dlq for the public
 * input; the stage's for a record on an internal topic), untouched, with its reason code, and never in the
 * ledger or the indices.
 */
public final class BadInputs {

    /**
     * One bad record: its Kafka key (unique, so it can be found in the dead-letter topics), value and headers, the
     * topic it is published to and the dead-letter topics it must end in (a topic that two services read
     * dead-letters in both), each with the reason code.
     */
    public record BadInput(String name, String key, byte[] value, Map<String, String> headers, String expectedCode,
                           String topic, List<String> deadLetterTopics) {
    }

    /** The prefix every bad record's key starts with: dead letters with other keys are the pipeline's own. */
    public static final String KEY_PREFIX = "bad:";

    private BadInputs() {
    }

    /** The catalogue, each record with a key of its own under the prefix. */
    public static List<BadInput> catalogue(String keyPrefix) {
        List<BadInput> out = new ArrayList<>();
        Random random = new Random(42);
        byte[] junk = new byte[4096];
        random.nextBytes(junk);
        String report = "2024年锦州市政府工作报告\\n各位代表:\\n初步核算,地区生产总值增长5.4%。";
        add(out, keyPrefix, "binary junk as the record value", junk, Map.of(), "not-json");
        add(out, keyPrefix, "an empty record value", new byte[0], Map.of(), "not-json");
        add(out, keyPrefix, "truncated JSON", utf8("{\"sourceUrl\": \"https://x\", \"content"), Map.of(), "not-json");
        add(out, keyPrefix, "a JSON array", utf8("[1,2,3]"), Map.of(), "not-json");
        add(out, keyPrefix, "JSON in GBK (JSON must be UTF-8)", ("{\"sourceUrl\":\"https://x\",\"contentType\":\"text/plain\","
                + "\"content\":\"" + report + "\"}").getBytes(Charset.forName("GBK")), Map.of(), "not-json");
        add(out, keyPrefix, "missing sourceUrl", utf8("{\"contentType\":\"text/plain\",\"content\":\"" + report + "\"}"), Map.of(),
                "schema-violation");
        add(out, keyPrefix, "wrong JSON type", utf8("{\"sourceUrl\":42,\"contentType\":\"text/plain\",\"content\":\"" + report + "\"}"),
                Map.of(), "schema-violation");
        add(out, keyPrefix, "both content and contentBase64", json("text/plain",
                "\"content\":\"" + report + "\",\"contentBase64\":\"" + b64(utf8("锦州市")) + "\""), Map.of(), "schema-violation");
        add(out, keyPrefix, "base64 that is not", json("text/plain", "\"contentBase64\":\"@@@not base64@@@\""), Map.of(), "bad-base64");
        add(out, keyPrefix, "random bytes as base64 content", json("text/plain", "\"contentBase64\":\"" + b64(junk) + "\""),
                Map.of(), "undecodable");
        // files: read from their bytes whatever the type says, and refused with what is wrong with them
        add(out, keyPrefix, "a broken PDF labelled text/plain", json("text/plain", "\"contentBase64\":\""
                + b64("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1)) + "\""),
                Map.of(), "corrupt-file");
        add(out, keyPrefix, "a password-protected PDF", json("application/pdf", "\"contentBase64\":\""
                + b64(ReportFiles.encryptedPdf("2024年锦州市政府工作报告\n各位代表:\n初步核算,地区生产总值增长5.4%。")) + "\""),
                Map.of(), "encrypted");
        add(out, keyPrefix, "a zip bomb inside a DOCX", json("application/octet-stream", "\"fileName\":\"bomb.docx\","
                + "\"contentBase64\":\"" + b64(ReportFiles.zipBombDocx(120)) + "\""), Map.of(), "zip-bomb");
        add(out, keyPrefix, "a spreadsheet", json("application/vnd.ms-excel", "\"contentBase64\":\"" + b64(junk) + "\""),
                Map.of(), "unsupported-content-type");
        add(out, keyPrefix, "a Word document type", json("application/msword", "\"content\":\"x\""), Map.of(),
                "unsupported-content-type");
        add(out, keyPrefix, "an unsupported charset", json("text/plain; charset=EBCDIC-CP-US", "\"contentBase64\":\""
                + b64(utf8("锦州市政府工作报告")) + "\""), Map.of(), "unsupported-charset");
        add(out, keyPrefix, "empty content", json("text/plain", "\"content\":\"\""), Map.of(), "empty-content");
        add(out, keyPrefix, "only page furniture", json("text/plain", "\"content\":\"【 字体: 】【打印文章】\\n|\\n目录\""), Map.of(),
                "empty-content");
        add(out, keyPrefix, "no Chinese text", json("text/plain", "\"content\":\"Annual report. GDP grew 5.4%.\""), Map.of(),
                "no-chinese-text");
        add(out, keyPrefix, "a CloudEvent without data", utf8("{\"specversion\":\"1.0\",\"type\":\"report\",\"source\":\"s\","
                + "\"id\":\"1\",\"datacontenttype\":\"application/json\"}"), Map.of(), "bad-envelope");
        add(out, keyPrefix, "a binary-mode CloudEvent without ce_id", json("text/plain", "\"content\":\"" + report + "\""),
                Map.of("ce_specversion", "1.0", "ce_type", "report", "ce_source", "s", "content-type", "application/json"),
                "bad-envelope");
        // headers that claim a CloudEvents format the value does not have (one such record used to stop ingestion)
        add(out, keyPrefix, "a structured-mode content type on a value that is not JSON", utf8("not json at all, 锦州市"),
                Map.of("content-type", "application/cloudevents+json; charset=utf-8"), "not-json");
        String goodEvent = "{\"specversion\":\"1.0\",\"type\":\"report\",\"source\":\"s\",\"id\":\"1\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + new String(json("text/plain", "\"content\":\""
                + report + "(" + keyPrefix + ")\""), StandardCharsets.UTF_8) + "}";
        add(out, keyPrefix, "a CloudEvents batch with one event without data (the good one is not ingested either)",
                utf8("[" + goodEvent + ",{\"specversion\":\"1.0\",\"type\":\"report\",\"source\":\"s\",\"id\":\"2\"}]"),
                Map.of("content-type", "application/cloudevents-batch+json"), "bad-envelope");
        add(out, keyPrefix, "an empty CloudEvents batch", utf8("[]"), Map.of("content-type", "application/cloudevents-batch+json"),
                "bad-envelope");
        add(out, keyPrefix, "a batch content type on one event", utf8(goodEvent),
                Map.of("content-type", "application/cloudevents-batch+json"), "bad-envelope");
        // 10.8 MB of text once decoded: over the 10 MB limit, inside Kafka's 16 MiB
        add(out, keyPrefix, "a report over 10 MB", json("text/plain", "\"contentBase64\":\""
                + b64(utf8("锦州市".repeat(1_200_000))) + "\""), Map.of(), "too-large");

        // poison on the internal topics, as a bug in one stage (or a tool publishing by hand) would write it: every
        // consumer of the topic dead-letters it and goes on
        internal(out, keyPrefix, "not an event on reports.ingested", utf8("{\"documentId\": \"x\","), Topics.INGESTED,
                "malformed-event", Topics.SEGMENT_DLQ);
        internal(out, keyPrefix, "an ingested report without text (segmenting it throws)", utf8("{\"documentId\":\""
                + keyPrefix + "no-text\",\"metadata\":null,\"text\":null,\"furniture\":[]}"), Topics.INGESTED,
                "stage-failed", Topics.SEGMENT_DLQ);
        internal(out, keyPrefix, "not an event on reports.segmented (read by extract and index)", utf8("[\"segmented\"]"),
                Topics.SEGMENTED, "malformed-event", Topics.EXTRACT_DLQ, Topics.INDEX_DLQ);
        internal(out, keyPrefix, "facts without a documentId on reports.indicators", utf8("{\"facts\":[]}"),
                Topics.INDICATORS, "malformed-event", Topics.INDEX_DLQ);
        internal(out, keyPrefix, "not a status event on reports.status", utf8("status: indexed"), Topics.STATUS,
                "malformed-event", Topics.STATUS_DLQ);
        return out;
    }

    private static void add(List<BadInput> out, String prefix, String name, byte[] value, Map<String, String> headers,
                            String code) {
        out.add(new BadInput(name, prefix + out.size() + ":" + code, value, headers, code, Topics.RAW,
                List.of(Topics.RAW_DLQ)));
    }

    private static void internal(List<BadInput> out, String prefix, String name, byte[] value, String topic, String code,
                                 String... deadLetterTopics) {
        out.add(new BadInput(name, prefix + out.size() + ":" + code, value, Map.of(), code, topic,
                List.of(deadLetterTopics)));
    }

    private static byte[] json(String contentType, String contentField) {
        return utf8("{\"sourceUrl\":\"https://example.gov.cn/bad\",\"contentType\":\"" + contentType + "\"," + contentField + "}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
