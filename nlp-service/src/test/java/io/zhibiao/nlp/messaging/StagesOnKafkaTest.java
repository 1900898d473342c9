package io.zhibiao.nlp.messaging;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.Topics;
import io.zhibiao.nlp.RealKafka;
import io.zhibiao.stack.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Both stages on a real broker: a report that makes the segment stage fail is retried, reported as
 * failed and dead-lettered with its reason, and the report behind it in the same partition still gets
 * through both stages.
 */
@QuarkusTest
@WithTestResource(RealKafka.class)
class StagesOnKafkaTest {
    static final ReportMetadata JINZHOU = new ReportMetadata("2024年锦州市政府工作报告",
            new Region("锦州市", "210700", "辽宁省", "prefecture"), "work_report", 2024, 2023, null, false,
            "https://example.gov.cn/jinzhou", "000.txt", 0, null, null);

    private static final String TEXT = "一、2023年工作回顾\n初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%。\n"
            + "二、2024年工作安排\n今年经济社会发展的主要预期目标是:地区生产总值增长6.5%左右。";

    @Inject
    Outbox outbox;

    /**
     * A record whose headers call it a structured-mode CloudEvent: the connector's CloudEvents support would have
     * decoded the value itself (or closed the consumer when it is not JSON); the stages read it as what it is.
     */
    @Test
    void aRecordWithACloudEventsContentTypeIsReadByTheStageNotByTheConnector() {
        String bootstrap = TestServers.stackConfig().kafkaBootstrap();
        String notJson = "not-json-" + UUID.randomUUID();
        String good = "ce-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            ProducerRecord<String, String> broken = new ProducerRecord<>(Topics.INGESTED, 0, "ce", "{\"id\": \"" + notJson + "\",");
            broken.headers().add(new RecordHeader("content-type", "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8)));
            ProducerRecord<String, String> report = new ProducerRecord<>(Topics.INGESTED, 0, "ce", Json.write(
                    new IngestedReport(good, JINZHOU, TEXT, List.of(), Instant.now())));
            report.headers().add(new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
            producer.send(broken);
            producer.send(report);
            producer.flush();
        }
        List<ConsumerRecord<String, String>> seen = consumeUntil(bootstrap, List.of(Topics.SEGMENT_DLQ, Topics.INDICATORS),
                Duration.ofSeconds(60), records ->
                        records.stream().anyMatch(r -> r.topic().equals(Topics.SEGMENT_DLQ) && r.value().contains(notJson))
                                && records.stream().anyMatch(r -> r.topic().equals(Topics.INDICATORS) && r.value().contains(good)));
        ConsumerRecord<String, String> dead = seen.stream()
                .filter(r -> r.topic().equals(Topics.SEGMENT_DLQ) && r.value().contains(notJson)).findFirst().orElseThrow();
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(header(dead, DeadLetters.REASON_CODE)).isEqualTo("malformed-event");
        assertThat(header(dead, DeadLetters.STAGE)).isEqualTo("segment");
        assertThat(dead.key()).as("the record's key, untouched").isEqualTo("ce");
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Something nobody thought of, thrown in either stage (an Error, not an exception): dead-lettered, and the stage goes on. */
    @Test
    void aRecordThatMakesAStageThrowSomethingUnexpectedIsDeadLetteredAndTheNextOneGetsThrough() {
        Outbox real = ClientProxy.unwrap(outbox);
        QuarkusMock.installMockForType(new Outbox() {
            @Override
            void segmented(String documentId, Object event) {
                if (documentId.startsWith("throws-in-segment")) {
                    throw new StackOverflowError("injected in segment");
                }
                real.segmented(documentId, event);
            }

            @Override
            void indicators(String documentId, Object event) {
                if (documentId.startsWith("throws-in-extract")) {
                    throw new StackOverflowError("injected in extract");
                }
                real.indicators(documentId, event);
            }

            @Override
            void status(StatusEvent event) {
                real.status(event);
            }
        }, Outbox.class);
        String bootstrap = TestServers.stackConfig().kafkaBootstrap();
        String inSegment = "throws-in-segment-" + UUID.randomUUID();
        String inExtract = "throws-in-extract-" + UUID.randomUUID();
        String good = "after-the-throws-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (String id : List.of(inSegment, inExtract, good)) {
                producer.send(new ProducerRecord<>(Topics.INGESTED, 0, "throws", Json.write(
                        new IngestedReport(id, JINZHOU, TEXT, List.of(), Instant.now()))));
            }
            producer.flush();
        }
        List<ConsumerRecord<String, String>> seen = consumeUntil(bootstrap,
                List.of(Topics.SEGMENT_DLQ, Topics.EXTRACT_DLQ, Topics.INDICATORS), Duration.ofSeconds(60), records ->
                        records.stream().anyMatch(r -> r.topic().equals(Topics.SEGMENT_DLQ) && r.value().contains(inSegment))
                                && records.stream().anyMatch(r -> r.topic().equals(Topics.EXTRACT_DLQ) && r.value().contains(inExtract))
                                && records.stream().anyMatch(r -> r.topic().equals(Topics.INDICATORS) && r.value().contains(good)));
        for (String[] expected : List.of(new String[] {Topics.SEGMENT_DLQ, inSegment, "injected in segment"},
                new String[] {Topics.EXTRACT_DLQ, inExtract, "injected in extract"})) {
            ConsumerRecord<String, String> dead = seen.stream()
                    .filter(r -> r.topic().equals(expected[0]) && r.value().contains(expected[1])).findFirst().orElseThrow();
            assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                    .contains(expected[2]);
            assertThat(header(dead, DeadLetters.REASON_CODE)).isEqualTo("stage-failed");
        }
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return r.headers().lastHeader(name) == null ? null : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    @Test
    void aPoisonReportIsDeadLetteredAndTheNextOneGetsThrough() {
        String bootstrap = TestServers.stackConfig().kafkaBootstrap();
        String poison = "poison-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        String text = "一、2023年工作回顾\n初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%。\n"
                + "二、2024年工作安排\n今年经济社会发展的主要预期目标是:地区生产总值增长6.5%左右。";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            // same key, same partition: the good report waits behind the poison one
            producer.send(new ProducerRecord<>(Topics.INGESTED, 0, "k", Json.write(
                    new IngestedReport(poison, JINZHOU, null, List.of(), Instant.now()))));
            producer.send(new ProducerRecord<>(Topics.INGESTED, 0, "k", Json.write(
                    new IngestedReport(good, JINZHOU, text, List.of(), Instant.now()))));
            producer.flush();
        }

        List<ConsumerRecord<String, String>> seen = consumeUntil(bootstrap,
                List.of(Topics.SEGMENT_DLQ, Topics.INDICATORS, Topics.STATUS), Duration.ofSeconds(60), records ->
                        records.stream().anyMatch(r -> r.topic().equals(Topics.SEGMENT_DLQ) && r.value().contains(poison))
                                && records.stream().anyMatch(r -> r.topic().equals(Topics.INDICATORS) && r.value().contains(good))
                                // the stage reports its status after it has published the facts: wait for that too
                                && records.stream().anyMatch(r -> r.topic().equals(Topics.STATUS) && r.value().contains(good)
                                && r.value().contains("EXTRACT") && r.value().contains("DONE")));

        ConsumerRecord<String, String> dead = seen.stream()
                .filter(r -> r.topic().equals(Topics.SEGMENT_DLQ) && r.value().contains(poison)).findFirst().orElseThrow();
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(header(dead, DeadLetters.REASON_CODE)).isEqualTo("stage-failed");

        ExtractedIndicators extracted = seen.stream()
                .filter(r -> r.topic().equals(Topics.INDICATORS) && r.value().contains(good))
                .map(r -> Json.read(r.value(), ExtractedIndicators.class)).findFirst().orElseThrow();
        assertThat(extracted.facts()).anySatisfy(f -> {
            assertThat(f.indicator()).isEqualTo("gdp");
            assertThat(f.value()).isEqualTo(5.4);
            assertThat(f.paragraph()).as("each fact says which passage holds it").isNotNull();
        });

        List<StatusEvent> statuses = seen.stream().filter(r -> r.topic().equals(Topics.STATUS))
                .map(r -> Json.read(r.value(), StatusEvent.class)).toList();
        assertThat(statuses).anySatisfy(s -> {
            assertThat(s.documentId()).isEqualTo(poison);
            assertThat(s.stage()).isEqualTo(StatusEvent.Stage.SEGMENT);
            assertThat(s.state()).isEqualTo(StatusEvent.State.FAILED);
        });
        assertThat(statuses).anySatisfy(s -> {
            assertThat(s.documentId()).isEqualTo(good);
            assertThat(s.stage()).isEqualTo(StatusEvent.Stage.EXTRACT);
            assertThat(s.state()).isEqualTo(StatusEvent.State.DONE);
        });
    }

    static List<ConsumerRecord<String, String>> consumeUntil(String bootstrap, List<String> topics, Duration timeout,
                                                             java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
                if (done.test(all)) {
                    return all;
                }
            }
        }
        throw new AssertionError("not seen within " + timeout + "; got " + all.size() + " records: "
                + all.stream().map(r -> r.topic() + ":" + r.key()).toList());
    }
}
