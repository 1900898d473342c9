package io.zhibiao.ingest.messaging;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.IngestionService;
import io.zhibiao.ingest.RealPostgres;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(RealPostgres.class)
class RawReportConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    IngestionService ingestion;

    private InMemorySource<byte[]> raw;
    private InMemorySink<String> ingested;
    private InMemorySink<byte[]> deadLetters;

    @BeforeEach
    void channels() {
        raw = connector.source("reports-raw");
        ingested = connector.sink("reports-ingested");
        deadLetters = connector.sink("reports-raw-dlq");
        ingested.clear();
        deadLetters.clear();
    }

    @Test
    void aReportFromTheTopicIsIngestedAndAcknowledged() {
        String text = "2024年锦州市政府工作报告\n各位代表:\n现在,我代表市政府向大会报告工作。全市城镇新增就业1.7万人。";
        RawReport report = new RawReport("https://example.gov.cn/topic-test.html", Instant.now(), "text/plain", "UTF-8",
                text, null, null, null);
        raw.send(Json.writeBytes(report));
        await().atMost(Duration.ofSeconds(20)).until(() -> ingested.received().size() == 1);
        assertThat(deadLetters.received()).isEmpty();
    }

    @Test
    void aRecordThatIsNotAReportGoesToTheDeadLetterTopicWithItsReason() {
        byte[] junk = "\u0000\u0001 not json at all".getBytes(StandardCharsets.UTF_8);
        raw.send(junk);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.received().size() == 1);
        Message<byte[]> dead = deadLetters.received().get(0);
        assertThat(dead.getPayload()).as("the original payload, untouched").isEqualTo(junk);
        OutgoingKafkaRecordMetadata<?> meta = dead.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        Header reason = meta.getHeaders().lastHeader(DeadLetters.REASON);
        Header code = meta.getHeaders().lastHeader(DeadLetters.REASON_CODE);
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(new String(code.value(), StandardCharsets.UTF_8)).isEqualTo("not-json");
        assertThat(ingested.received()).isEmpty();
    }

    @Test
    void aRecordThatMakesIngestionThrowSomethingUnexpectedIsNackedAndTheNextOneGetsThrough() {
        // an Error, not an exception we thought of: it must not stop the consumer
        IngestionService real = ClientProxy.unwrap(ingestion);
        QuarkusMock.installMockForType(new IngestionService() {
            @Override
            public List<IngestedDocument> prepare(RawReport raw) {
                if (raw.sourceUrl().contains("throws")) {
                    throw new StackOverflowError("injected");
                }
                return real.prepare(raw);
            }

            @Override
            public Receipt record(IngestedDocument doc) {
                return real.record(doc);
            }
        }, IngestionService.class);
        List<Throwable> nacked = new CopyOnWriteArrayList<>();
        InMemorySource<Object> messages = connector.source("reports-raw");
        messages.send(Message.of(Json.writeBytes(report("https://example.gov.cn/throws.html", "全市城镇新增就业1.6万人。")))
                .withNack(reason -> {
                    nacked.add(reason);
                    return CompletableFuture.completedFuture(null);
                }));
        raw.send(Json.writeBytes(report("https://example.gov.cn/after-the-throw.html", "全市城镇新增就业1.8万人。")));
        await().atMost(Duration.ofSeconds(20)).until(() -> ingested.received().size() == 1);
        assertThat(nacked).as("handed to the connector's dead-letter strategy, with the reason")
                .singleElement().satisfies(t -> assertThat(t).isInstanceOf(StackOverflowError.class).hasMessage("injected"));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aValueTheConnectorDecodedIntoAJsonObjectIsReadAsItsJson() {
        // what SmallRye's CloudEvents support hands over for a structured-mode event when it is on
        InMemorySource<Object> any = connector.source("reports-raw");
        RawReport report = report("https://example.gov.cn/decoded.html", "全市城镇新增就业1.9万人。");
        any.send(new JsonObject(new String(Json.writeBytes(report), StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(20)).until(() -> ingested.received().size() == 1);
        assertThat(deadLetters.received()).isEmpty();
    }

    private static RawReport report(String url, String sentence) {
        String text = "2024年锦州市政府工作报告\n各位代表:\n现在,我代表市政府向大会报告工作。" + sentence + "(" + java.util.UUID.randomUUID() + ")";
        return new RawReport(url, Instant.now(), "text/plain", "UTF-8", text, null, null, null);
    }
}
