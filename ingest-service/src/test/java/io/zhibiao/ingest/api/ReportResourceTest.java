package io.zhibiao.ingest.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.RealPostgres;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(RealPostgres.class)
class ReportResourceTest {
    private static final String KEY = "test-key";

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<String> ingested;

    @BeforeEach
    void clearSinks() {
        ingested = connector.sink("reports-ingested");
        ingested.clear();
    }

    static String jinzhouReportJson() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("../samples/000_ad8bd8fded9599e0.txt"));
        return Json.write(new RawReport("https://example.gov.cn/jinzhou/2024.html", Instant.now(), "text/plain", null,
                null, Base64.getEncoder().encodeToString(bytes), "000_ad8bd8fded9599e0.txt", null));
    }

    @Test
    void writesNeedAKey() throws Exception {
        given().contentType("application/json").body(jinzhouReportJson())
                .when().post("/api/reports")
                .then().statusCode(401).body("reason", containsString("API key"));
        given().contentType("application/json").header("X-API-Key", "wrong").body(jinzhouReportJson())
                .when().post("/api/reports")
                .then().statusCode(401).body("reason", containsString("not valid"));
    }

    @Test
    void aReportIsAcceptedOnceAndItsStatusCanBeFollowed() throws Exception {
        String id = given().contentType("application/json").header("X-API-Key", KEY).body(jinzhouReportJson())
                .when().post("/api/reports")
                .then().statusCode(202)
                .body("documents", hasSize(1))
                .body("documents[0].region", equalTo("锦州市"))
                .extract().path("documents[0].documentId");
        assertThat(ingested.received()).hasSize(1);
        IngestedReport event = Json.read(ingested.received().get(0).getPayload(), IngestedReport.class);
        assertThat(event.documentId()).isEqualTo(id);
        assertThat(event.metadata().region().code()).isEqualTo("210700");

        given().contentType("application/json").header("Authorization", "Bearer " + KEY).body(jinzhouReportJson())
                .when().post("/api/reports")
                .then().statusCode(202).body("documents[0].duplicate", equalTo(true));
        assertThat(ingested.received()).as("a duplicate is not published again").hasSize(1);

        given().when().get("/api/reports/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("ingested")).body("duplicatesSeen", equalTo(1));
        given().when().get("/api/reports/nope/status").then().statusCode(404);
    }

    @Test
    void plainTextCanBePostedAsIs() {
        String text = "2024年锦州市政府工作报告\n各位代表:\n现在,我代表市政府向大会报告工作。初步核算,地区生产总值增长5.4%。";
        given().contentType("text/plain; charset=UTF-8").header("X-API-Key", KEY)
                .body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("sourceUrl", "https://example.gov.cn/short.txt")
                .when().post("/api/reports")
                .then().statusCode(202).body("documents", hasSize(1));
    }

    @Test
    void aFileCanBeUploadedAsAMultipartForm() throws Exception {
        given().header("X-API-Key", KEY)
                .multiPart("file", Path.of("../samples/002_110bda27a7c53275.txt").toFile(), "text/plain")
                .multiPart("sourceUrl", "https://example.gov.cn/shenyang/2024.html")
                .when().post("/api/reports")
                .then().statusCode(202)
                .body("documents", hasSize(1))
                .body("documents[0].region", equalTo("沈阳市"))
                .body("statusUrls[0]", containsString("/status"));
    }

    @Test
    void filesOfEveryKindCanBeUploaded() throws Exception {
        String text = new String(java.nio.file.Files.readAllBytes(Path.of("../samples/003_821d0610ff899f65.txt")),
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] pdf = io.zhibiao.stack.files.ReportFiles.pdf(text, null);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("plan", ".pdf");
        java.nio.file.Files.write(file, pdf);
        // a multipart upload as curl -F sends it (application/octet-stream): the bytes say PDF
        given().header("X-API-Key", KEY).multiPart("file", file.toFile(), "application/octet-stream")
                .when().post("/api/reports")
                .then().statusCode(202).body("documents[0].region", equalTo("凌河区"));
        // the same bytes as the body, with their type: a duplicate now
        given().contentType("application/pdf").header("X-API-Key", KEY).body(pdf)
                .queryParam("fileName", "plan.pdf").when().post("/api/reports")
                .then().statusCode(202).body("documents[0].duplicate", equalTo(true));
        // a Word file as the body (its text is the TXT's; the PDF's differs where the test font lacks a glyph: 〓)
        given().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("X-API-Key", KEY).body(io.zhibiao.stack.files.ReportFiles.docx(text, 10))
                .when().post("/api/reports").then().statusCode(202).body("documents[0].region", equalTo("凌河区"));
        // bad files: the code and the reason
        given().contentType("application/pdf").header("X-API-Key", KEY)
                .body(io.zhibiao.stack.files.ReportFiles.encryptedPdf(text)).when().post("/api/reports")
                .then().statusCode(422).body("code", equalTo("encrypted")).body("reason", containsString("password"));
        given().contentType("application/pdf").header("X-API-Key", KEY)
                .body(io.zhibiao.stack.files.ReportFiles.manyPagesPdf(2500)).when().post("/api/reports")
                .then().statusCode(413).body("code", equalTo("too-many-pages"));
        given().contentType("application/vnd.ms-excel").header("X-API-Key", KEY).body(new byte[] {1, 2, 3})
                .when().post("/api/reports").then().statusCode(415);
    }

    @Test
    void aChangedTextFromTheSameSourceSupersedesTheOldVersion() {
        String url = "https://example.gov.cn/versions/report.txt";
        String v1 = "2024年锦州市政府工作报告\n各位代表:\n初步核算,地区生产总值增长5.3%。";
        String v2 = "2024年锦州市政府工作报告\n各位代表:\n初步核算,地区生产总值增长5.4%。";
        String first = given().contentType("text/plain; charset=UTF-8").header("X-API-Key", KEY)
                .body(v1.getBytes(StandardCharsets.UTF_8)).queryParam("sourceUrl", url)
                .when().post("/api/reports").then().statusCode(202).extract().path("documents[0].documentId");
        String second = given().contentType("text/plain; charset=UTF-8").header("X-API-Key", KEY)
                .body(v2.getBytes(StandardCharsets.UTF_8)).queryParam("sourceUrl", url)
                .when().post("/api/reports").then().statusCode(202)
                .body("documents[0].supersedes", hasSize(1))
                .extract().path("documents[0].documentId");
        assertThat(second).isNotEqualTo(first);
        IngestedReport event = Json.read(ingested.received().get(ingested.received().size() - 1).getPayload(),
                IngestedReport.class);
        assertThat(event.supersedes()).containsExactly(first);
        given().when().get("/api/reports/" + first + "/status")
                .then().statusCode(200).body("status", equalTo("superseded")).body("supersededBy", equalTo(second));
    }

    @Test
    void badInputGetsA4xxWithItsReason() {
        given().contentType("application/json").header("X-API-Key", KEY).body("{not json")
                .when().post("/api/reports")
                .then().statusCode(400).body("code", equalTo("not-json"));
        given().contentType("application/json").header("X-API-Key", KEY).body("{\"sourceUrl\":\"x\"}")
                .when().post("/api/reports")
                .then().statusCode(400).body("code", equalTo("schema-violation"));
        given().when().get("/api/reports?status=lost").then().statusCode(400).body("reason", containsString("status"));
    }

    private static String cloudEvent(String id, RawReport data) {
        return "{\"specversion\": \"1.0\", \"id\": \"" + id + "\", \"source\": \"/test\", \"type\": \"io.zhibiao.report.raw\","
                + " \"datacontenttype\": \"application/json\", \"data\": " + Json.write(data) + "}";
    }

    @Test
    void aCloudEventsBatchIsOneReportPerEventOrARefusalThatNamesTheEvent() {
        String unique = java.util.UUID.randomUUID().toString();
        RawReport a = RawReport.text("https://example.gov.cn/batch-a-" + unique, "a.txt",
                "2024年锦州市政府工作报告\n全市城镇新增就业1.7万人。" + unique);
        RawReport b = RawReport.text("https://example.gov.cn/batch-b-" + unique, "b.txt",
                "2024年锦州市政府工作报告\n全市粮食产量达到72亿斤。" + unique);
        given().contentType("application/cloudevents-batch+json; charset=UTF-8").header("X-API-Key", KEY)
                .body("[" + cloudEvent("1", a) + "," + cloudEvent("2", b) + "]")
                .when().post("/api/reports")
                .then().statusCode(202).body("documents", hasSize(2));
        assertThat(ingested.received()).hasSize(2);

        RawReport english = RawReport.text("https://example.gov.cn/batch-c-" + unique, "c.txt", "hello world " + unique);
        given().contentType("application/cloudevents-batch+json; charset=UTF-8").header("X-API-Key", KEY)
                .body("[" + cloudEvent("1", a) + "," + cloudEvent("3", english) + "]")
                .when().post("/api/reports")
                .then().statusCode(400).body("code", equalTo("no-chinese-text"))
                .body("reason", containsString("event 2 of the batch of 2"));
        assertThat(ingested.received()).as("all or nothing: the good event of the refused batch is not ingested").hasSize(2);
    }

    @Test
    void aFileNameInChineseTypedRawIntoTheUrlIsReadAsItSpells() {
        // as curl sends it when the URL is pasted: the UTF-8 bytes of the name, unescaped, in the request line
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String unique = java.util.UUID.randomUUID().toString();
        io.zhibiao.stack.RawHttp.Answer answer = io.zhibiao.stack.RawHttp.send("127.0.0.1", port, "POST",
                ("/api/reports?sourceUrl=https://example.gov.cn/" + unique + "&fileName=锦州市报告.txt").getBytes(StandardCharsets.UTF_8),
                java.util.Map.of("Content-Type", "text/plain; charset=utf-8", "X-API-Key", KEY),
                ("2024年锦州市政府工作报告\n全市城镇新增就业1.7万人。" + unique).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String id = io.restassured.path.json.JsonPath.from(answer.body()).getString("documents[0].documentId");
        given().header("X-API-Key", KEY).when().get("/api/reports/" + id + "/status")
                .then().statusCode(200).body("sourceName", equalTo("锦州市报告.txt"));

        io.zhibiao.stack.RawHttp.Answer gbk = io.zhibiao.stack.RawHttp.send("127.0.0.1", port, "GET",
                concat("/api/reports?status=".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xD0, (byte) 0xC2}),
                java.util.Map.of(), null);
        assertThat(gbk.status()).isEqualTo(400);
        assertThat(gbk.body()).contains("\"code\":\"bad-url\"").contains("not UTF-8");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
