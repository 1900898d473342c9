package io.zhibiao.index.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.Topics;
import io.zhibiao.index.RealServers;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The index consumers on a real broker and a real Elasticsearch: a record that makes indexing throw, in a
 * batch with good ones, costs only itself (dead-lettered with the reason, the others indexed), and a record
 * whose headers call it a CloudEvent is read by our code, not by the connector.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class IndexingConsumersOnKafkaTest {
    private static final ReportMetadata JINZHOU = new ReportMetadata("2024年锦州市政府工作报告",
            new Region("锦州市", "210700", "辽宁省", "prefecture"), "work_report", 2024, 2023, null, false,
            "https://example.gov.cn/jinzhou", "000.txt", 0, null, null);

    @Test
    void aReportThatMakesIndexingThrowCostsOnlyItselfAndTheConsumerGoesOn() {
        String bootstrap = TestServers.stackConfig().kafkaBootstrap();
        String broken = "broken-offsets-" + UUID.randomUUID();
        String notJson = "not-json-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        String text = "初步核算,地区生产总值增长5.4%。";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "50"),
                new StringSerializer(), new StringSerializer())) {
            // well-formed JSON, but a paragraph that ends past the text: indexing it throws (nobody checks for that)
            producer.send(new ProducerRecord<>(Topics.SEGMENTED, 0, "k", Json.write(report(broken, text, text.length() + 40))));
            ProducerRecord<String, String> ce = new ProducerRecord<>(Topics.SEGMENTED, 0, notJson, "{\"documentId\": \"" + notJson + "\",");
            ce.headers().add(new RecordHeader("content-type", "application/cloudevents+json; charset=utf-8".getBytes(StandardCharsets.UTF_8)));
            producer.send(ce);
            producer.send(new ProducerRecord<>(Topics.SEGMENTED, 0, "k", Json.write(report(good, text, text.length()))));
            producer.flush();
        }
        List<ConsumerRecord<String, String>> seen = consumeUntil(bootstrap, List.of(Topics.INDEX_DLQ, Topics.STATUS),
                Duration.ofSeconds(90), records -> dead(records, broken) != null && dead(records, notJson) != null
                        && records.stream().anyMatch(r -> r.topic().equals(Topics.STATUS) && r.value().contains(good)
                        && r.value().contains("INDEX_TEXT") && r.value().contains("DONE")));

        ConsumerRecord<String, String> thrown = dead(seen, broken);
        assertThat(header(thrown, DeadLetters.REASON_CODE)).isEqualTo("internal-error");
        assertThat(header(thrown, DeadLetters.REASON)).contains("StringIndexOutOfBoundsException");
        ConsumerRecord<String, String> malformed = dead(seen, notJson);
        assertThat(header(malformed, DeadLetters.REASON_CODE)).isEqualTo("malformed-event");
        assertThat(malformed.key()).as("the record's key, untouched").isEqualTo(notJson);
        assertThat(header(malformed, DeadLetters.TOPIC)).as("where it came from, for the replay").isEqualTo(Topics.SEGMENTED);
        assertThat(seen.stream().filter(r -> r.topic().equals(Topics.INDEX_DLQ) && r.value().contains(good)))
                .as("the good report of the same batch is not dead-lettered").isEmpty();
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static SegmentedReport report(String id, String text, int paragraphEnd) {
        return new SegmentedReport(id, JINZHOU, text, List.of(), List.of(),
                List.of(new SegmentedReport.Paragraph(0, 0, paragraphEnd, null)),
                List.of(new SegmentedReport.Sentence(0, text.length(), 0, new int[] {0, 4}, new String[] {"v"})));
    }

    private static ConsumerRecord<String, String> dead(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> r.topic().equals(Topics.INDEX_DLQ) && r.value().contains(id)).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return r.headers().lastHeader(name) == null ? null : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> consumeUntil(String bootstrap, List<String> topics, Duration timeout,
                                                                     Predicate<List<ConsumerRecord<String, String>>> done) {
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
