package io.zhibiao.ingest.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.ingest.RealPostgres;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of bad input gets a clear answer: over HTTP a 4xx with a code and a reason, on Kafka a
 * dead-letter record with the original payload and the reason; and the service stays healthy.
 */
@QuarkusTest
@WithTestResource(RealPostgres.class)
class BadInputCatalogueTest {
    private static final String KEY = "test-key";
    /** JSON is UTF-8 (RFC 8259); make the client say so for every body. */
    private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8));

    @Inject
    @Any
    InMemoryConnector connector;

    record Case(String name, Function<RequestSpecification, RequestSpecification> request, int status, String code) {
    }

    static String json(String contentType, String contentField) {
        return "{\"sourceUrl\":\"https://example.gov.cn/bad\",\"contentType\":\"" + contentType + "\"," + contentField + "}";
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);

    static List<Case> httpCases() {
        List<Case> cases = new ArrayList<>();
        String report = "2024年锦州市政府工作报告\\n各位代表:\\n初步核算,地区生产总值增长5.4%。"; // JSON-escaped newlines
        cases.add(new Case("no API key", r -> r.contentType("application/json").body(json("text/plain", "\"content\":\"" + report + "\"")), 401, "unauthorized"));
        cases.add(new Case("wrong API key", r -> r.header("X-API-Key", "nope").contentType("application/json").body("{}"), 401, "unauthorized"));
        cases.add(new Case("not JSON", r -> key(r).contentType("application/json").body("{\"sourceUrl\": "), 400, "not-json"));
        cases.add(new Case("a JSON array", r -> key(r).contentType("application/json").body("[1,2]"), 400, "not-json"));
        cases.add(new Case("missing sourceUrl", r -> key(r).contentType("application/json").body("{\"contentType\":\"text/plain\",\"content\":\"" + report + "\"}"), 400, "schema-violation"));
        cases.add(new Case("wrong JSON type", r -> key(r).contentType("application/json").body("{\"sourceUrl\":42,\"contentType\":\"text/plain\",\"content\":\"" + report + "\"}"), 400, "schema-violation"));
        cases.add(new Case("unknown field", r -> key(r).contentType("application/json").body(json("text/plain", "\"content\":\"" + report + "\",\"body\":1")), 400, "schema-violation"));
        cases.add(new Case("empty content", r -> key(r).contentType("application/json").body(json("text/plain", "\"content\":\"\"")), 400, "empty-content"));
        cases.add(new Case("PDF declared in the event", r -> key(r).contentType("application/json").body(json("application/pdf", "\"content\":\"x\"")), 415, "unsupported-content-type"));
        cases.add(new Case("base64 that is not", r -> key(r).contentType("application/json").body(json("text/plain", "\"contentBase64\":\"@@@not base64@@@\"")), 400, "bad-base64"));
        cases.add(new Case("binary junk as text", r -> key(r).contentType("text/plain").body(randomBytes(4096)), 400, "undecodable"));
        cases.add(new Case("a PDF file as text", r -> key(r).contentType("text/plain").body(PDF), 422, "corrupt-file"));
        cases.add(new Case("no Chinese text", r -> key(r).contentType("text/plain; charset=UTF-8").body("Annual report. GDP grew 5.4%.".getBytes(StandardCharsets.UTF_8)), 400, "no-chinese-text"));
        cases.add(new Case("only page furniture", r -> key(r).contentType("text/plain; charset=UTF-8").body("【 字体: 】【打印文章】\n|\n目录".getBytes(StandardCharsets.UTF_8)), 400, "empty-content"));
        cases.add(new Case("an unsupported media type", r -> key(r).contentType("application/vnd.ms-excel").body(PDF), 415, "unsupported-media-type"));
        cases.add(new Case("a broken PDF as the body", r -> key(r).contentType("application/pdf").body(PDF), 422, "corrupt-file"));
        cases.add(new Case("a CloudEvent without data", r -> key(r).contentType("application/cloudevents+json").body("{\"specversion\":\"1.0\",\"type\":\"report\",\"source\":\"s\",\"id\":\"1\"}"), 400, "bad-envelope"));
        cases.add(new Case("a report over 10 MB", r -> key(r).contentType("application/json").body(json("text/plain",
                "\"contentBase64\":\"" + Base64.getEncoder().encodeToString(("锦州市".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8)) + "\"")), 413, "too-large"));
        cases.add(new Case("a multipart form without its file", r -> key(r).multiPart("sourceUrl", "https://x"), 400, "empty-content"));
        return cases;
    }

    private static RequestSpecification key(RequestSpecification r) {
        return r.header("X-API-Key", KEY);
    }

    @Test
    void everyBadRequestGetsA4xxWithACodeAndAReason() {
        for (Case c : httpCases()) {
            var response = c.request().apply(given().config(UTF8)).when().post("/api/reports").then().extract();
            assertThat(response.statusCode()).as(c.name() + ": " + response.asString()).isEqualTo(c.status());
            assertThat(response.jsonPath().getString("code")).as(c.name()).isEqualTo(c.code());
            assertThat(response.jsonPath().getString("reason")).as(c.name()).isNotBlank();
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void everyBadRecordOnTheTopicIsDeadLetteredWithItsReason() {
        InMemorySource<byte[]> raw = connector.source("reports-raw");
        InMemorySink<byte[]> dlq = connector.sink("reports-raw-dlq");
        dlq.clear();
        List<String> expected = List.of("not-json", "schema-violation", "empty-content", "undecodable", "bad-envelope",
                "unsupported-content-type", "no-chinese-text");
        List<byte[]> payloads = List.of(
                "{oops".getBytes(StandardCharsets.UTF_8),
                "{\"sourceUrl\":\"https://x\"}".getBytes(StandardCharsets.UTF_8),
                json("text/plain", "\"content\":\"\"").getBytes(StandardCharsets.UTF_8),
                json("text/plain", "\"contentBase64\":\"" + Base64.getEncoder().encodeToString(randomBytes(2048)) + "\"").getBytes(StandardCharsets.UTF_8),
                "{\"specversion\":\"1.0\",\"type\":\"report\",\"source\":\"s\",\"id\":\"1\",\"datacontenttype\":\"application/json\"}".getBytes(StandardCharsets.UTF_8),
                json("application/msword", "\"content\":\"x\"").getBytes(StandardCharsets.UTF_8),
                json("text/plain", "\"content\":\"hello world\"").getBytes(StandardCharsets.UTF_8));
        payloads.forEach(raw::send);
        await().atMost(Duration.ofSeconds(30)).until(() -> dlq.received().size() == payloads.size());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            Message<byte[]> dead = dlq.received().get(i);
            assertThat(dead.getPayload()).as("the original payload, untouched").isEqualTo(payloads.get(i));
            var headers = dead.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders();
            assertThat(new String(headers.lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).isNotBlank();
            codes.add(new String(headers.lastHeader(DeadLetters.REASON_CODE).value(), StandardCharsets.UTF_8));
        }
        assertThat(codes).containsExactlyElementsOf(expected);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
