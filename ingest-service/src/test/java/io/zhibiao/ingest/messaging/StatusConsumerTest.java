package io.zhibiao.ingest.messaging;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.StatusEvent.Stage;
import io.zhibiao.ingest.RealPostgres;
import io.zhibiao.ingest.domain.DocumentId;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.ledger.Ledger;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The status topic's events, a batch at a time, into the real PostgreSQL ledger. */
@QuarkusTest
@WithTestResource(RealPostgres.class)
class StatusConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Ledger ledger;

    @Test
    void aBatchOfEventsForSeveralDocumentsIsRecordedOnceAndAcknowledged() {
        String a = document("一");
        String b = document("二");
        String c = document("三");
        List<String> batch = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            batch.add(Json.write(StatusEvent.done(a, stage, null)));
        }
        batch.add(Json.write(StatusEvent.done(b, Stage.SEGMENT, null)));
        batch.add(Json.write(StatusEvent.done(b, Stage.SEGMENT, null))); // redelivered within the batch
        batch.add(Json.write(StatusEvent.failed(c, Stage.EXTRACT, "the grammar gave up")));
        batch.add("{ not a status event");
        batch.add(Json.write(StatusEvent.done("unknown-document", Stage.SEGMENT, null)));
        InMemorySink<String> dead = connector.sink("status-dlq");
        dead.clear();
        consumeAndAwaitAcknowledgement(batch);

        assertThat(status(a)).isEqualTo("indexed");
        assertThat(dead.received()).as("the record that is not a status event, untouched, with the reason").singleElement()
                .satisfies(m -> {
                    assertThat(m.getPayload()).isEqualTo("{ not a status event");
                    assertThat(reasonCode(m)).isEqualTo("malformed-event");
                });
        assertThat(status(b)).isEqualTo("segmented");
        assertThat(status(c)).isEqualTo("failed");
        assertThat(ledger.find(c).orElseThrow().statusDetail).isEqualTo("extract: the grammar gave up");
        assertThat(ledger.events(a)).hasSize(Stage.values().length);
        assertThat(ledger.events(b)).as("one row per document, stage and outcome").hasSize(1);

        // the same batch again (a redelivery after a crash) changes nothing
        ledger.recordAll(batch.stream().filter(s -> s.startsWith("{\"")).map(s -> Json.read(s, StatusEvent.class)).toList());
        assertThat(ledger.events(a)).hasSize(Stage.values().length);
        assertThat(ledger.events(b)).hasSize(1);
        assertThat(status(a)).isEqualTo("indexed");
    }

    @Test
    void anEventThatPostgreSQLRefusesCostsOnlyItself() {
        String e = document("五");
        // PostgreSQL refuses a NUL in text: the batch's statements fail, its events are then recorded one by one
        List<String> batch = List.of(Json.write(StatusEvent.done("bad\u0000id", Stage.SEGMENT, null)),
                Json.write(StatusEvent.done(e, Stage.SEGMENT, null)));
        InMemorySink<String> dead = connector.sink("status-dlq");
        dead.clear();
        consumeAndAwaitAcknowledgement(batch);
        assertThat(status(e)).isEqualTo("segmented");
        assertThat(dead.received()).as("the refused event, with the reason").singleElement()
                .satisfies(m -> assertThat(reasonCode(m)).isEqualTo("internal-error"));
    }

    @Test
    void aStageThatFailedAndThenSucceededCountsAsDoneInOneBatchAsOneByOne() {
        String d = document("四");
        ledger.recordAll(List.of(
                StatusEvent.done(d, Stage.SEGMENT, null),
                StatusEvent.failed(d, Stage.EXTRACT, "timeout"),
                StatusEvent.done(d, Stage.EXTRACT, null)));
        assertThat(status(d)).isEqualTo("extracted");
        assertThat(ledger.find(d).orElseThrow().statusDetail).isNull();
    }

    @Test
    void anEventThatMakesTheLedgerThrowSomethingUnexpectedCostsOnlyItselfAndTheConsumerGoesOn() {
        String f = document("六");
        String g = document("七");
        Ledger real = ClientProxy.unwrap(ledger);
        QuarkusMock.installMockForType(new Ledger() {
            @Override
            public void recordAll(List<StatusEvent> events) {
                if (events.stream().anyMatch(e -> e.documentId().startsWith("throws"))) {
                    throw new StackOverflowError("injected");
                }
                real.recordAll(events);
            }
        }, Ledger.class);
        InMemorySink<String> dead = connector.sink("status-dlq");
        dead.clear();
        consumeAndAwaitAcknowledgement(List.of(Json.write(StatusEvent.done("throws-" + UUID.randomUUID(), Stage.SEGMENT, null)),
                Json.write(StatusEvent.done(f, Stage.SEGMENT, null))));
        consumeAndAwaitAcknowledgement(List.of(Json.write(StatusEvent.done(g, Stage.SEGMENT, null))));
        assertThat(status(f)).isEqualTo("segmented");
        assertThat(status(g)).as("the next batch too").isEqualTo("segmented");
        assertThat(dead.received()).singleElement().satisfies(m -> {
            assertThat(m.getPayload()).contains("throws-");
            assertThat(reasonCode(m)).isEqualTo("internal-error");
            assertThat(header(m, DeadLetters.REASON)).contains("StackOverflowError");
        });
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Sends one batch to the status consumer, as a poll of the status topic, and waits until it is acknowledged. */
    private void consumeAndAwaitAcknowledgement(List<String> batch) {
        AtomicBoolean acked = new AtomicBoolean();
        InMemorySource<Message<List<String>>> status = connector.source("status-in");
        status.send(Message.of(batch).withAck(() -> {
            acked.set(true);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }));
        await().atMost(Duration.ofSeconds(20)).untilTrue(acked);
    }

    private static String reasonCode(Message<?> m) {
        return header(m, DeadLetters.REASON_CODE);
    }

    private static String header(Message<?> m, String name) {
        Header h = m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private String status(String id) {
        return ledger.find(id).map(r -> r.status).orElseThrow();
    }

    /** A document the ledger accepted, with a text of its own. */
    private String document(String tag) {
        String text = "状态事件测试" + tag + UUID.randomUUID();
        String id = DocumentId.of(text);
        ReportMetadata metadata = new ReportMetadata("测试" + tag, null, "work_report", 2024, 2023, null, false,
                "https://example.gov.cn/status-" + id + ".html", "test", 0, null, null);
        ledger.accept(new IngestedDocument(id, metadata, text));
        return id;
    }
}
