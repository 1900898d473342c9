package io.zhibiao.cli.replay;

import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.KafkaBroker;
import io.zhibiao.stack.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay tool against a real Kafka broker. */
class DeadLetterReplayIT {
    private static KafkaBroker kafka;

    @BeforeAll
    static void broker() {
        kafka = TestServers.kafka();
        kafka.createTopics(Topics.all(), 2);
    }

    @Test
    void replaysDeadLettersOfOneReasonBackToTheInputAndCommitsOnlyThen() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.RAW_DLQ, "a-" + run, "{\"bad\":1}", Map.of(DeadLetters.REASON_CODE, "bad-base64",
                DeadLetters.REASON, "contentBase64 is not valid base64", DeadLetters.TOPIC, Topics.RAW,
                "ce_specversion", "1.0"));
        publish(Topics.RAW_DLQ, "b-" + run, "{\"bad\":2}", Map.of(DeadLetters.REASON_CODE, "undecodable",
                DeadLetters.REASON, "bytes valid in no charset", DeadLetters.TOPIC, Topics.RAW));
        publish(Topics.RAW_DLQ, "c-" + run, "{\"bad\":3}", Map.of(DeadLetters.REASON_CODE, "bad-base64",
                DeadLetters.REASON, "contentBase64 is not valid base64", DeadLetters.TOPIC, Topics.RAW));
        String group = "replay-test-" + run;

        DeadLetterReplay.Result dry = DeadLetterReplay.run(new DeadLetterReplay.Options(kafka.url(), Topics.RAW_DLQ,
                "bad-base64", null, group, true));
        assertThat(dry.replayed()).containsEntry(Topics.RAW, 2L);
        assertThat(dry.skipped()).containsEntry("undecodable", 1L);
        assertThat(keys(Topics.RAW, run)).as("a dry run publishes nothing").isEmpty();

        DeadLetterReplay.Result real = DeadLetterReplay.run(new DeadLetterReplay.Options(kafka.url(), Topics.RAW_DLQ,
                "bad-base64", null, group, false));
        assertThat(real.replayedTotal()).isEqualTo(2);
        List<ConsumerRecord<String, String>> back = records(Topics.RAW, run);
        assertThat(back).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a-" + run, "c-" + run);
        ConsumerRecord<String, String> a = back.stream().filter(r -> r.key().startsWith("a-")).findFirst().orElseThrow();
        assertThat(a.value()).isEqualTo("{\"bad\":1}");
        assertThat(header(a, "ce_specversion")).as("other headers stay").isEqualTo("1.0");
        assertThat(header(a, DeadLetters.REASON_CODE)).as("dead-letter headers go").isNull();
        assertThat(header(a, DeadLetterReplay.REPLAYED_FROM)).startsWith(Topics.RAW_DLQ + "-");

        // committed: the same replay again finds nothing new
        DeadLetterReplay.Result again = DeadLetterReplay.run(new DeadLetterReplay.Options(kafka.url(), Topics.RAW_DLQ,
                "bad-base64", null, group, false));
        assertThat(again.replayedTotal()).isZero();
        assertThat(records(Topics.RAW, run)).hasSize(2);
        try (var admin = kafka.admin()) {
            long committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .values().stream().mapToLong(o -> o.offset()).sum();
            long end = 0;
            try (KafkaConsumer<String, String> c = consumer()) {
                end = c.endOffsets(List.of(new TopicPartition(Topics.RAW_DLQ, 0), new TopicPartition(Topics.RAW_DLQ, 1)))
                        .values().stream().mapToLong(Long::longValue).sum();
            }
            assertThat(committed).as("the group is at the end of the dead-letter topic").isEqualTo(end);
        }
    }

    @Test
    void indexDeadLettersGoBackToTheTopicTheyCameFrom() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.INDEX_DLQ, "f-" + run, "{\"documentId\":\"f-" + run + "\",\"facts\":[]}",
                Map.of(DeadLetters.REASON_CODE, "refused-by-elasticsearch", DeadLetters.REASON, "mapper_parsing_exception"));
        publish(Topics.INDEX_DLQ, "t-" + run, "{\"documentId\":\"t-" + run + "\",\"text\":\"锦州市\",\"paragraphs\":[]}",
                Map.of(DeadLetters.REASON_CODE, "refused-by-elasticsearch", DeadLetters.REASON, "mapper_parsing_exception"));
        publish(Topics.INDEX_DLQ, "h-" + run, "not json at all",
                Map.of(DeadLetters.REASON, "java.lang.IllegalStateException: boom", DeadLetters.TOPIC, Topics.INDICATORS));
        publish(Topics.SEGMENT_DLQ, "s-" + run, "{\"documentId\":\"s-" + run + "\"}",
                Map.of(DeadLetters.REASON, "java.lang.StackOverflowError"));

        DeadLetterReplay.Result index = DeadLetterReplay.run(new DeadLetterReplay.Options(kafka.url(), Topics.INDEX_DLQ,
                null, null, "replay-index-" + run, false));
        assertThat(keys(Topics.INDICATORS, run)).containsExactlyInAnyOrder("f-" + run, "h-" + run);
        assertThat(keys(Topics.SEGMENTED, run)).containsExactly("t-" + run);
        assertThat(index.replayedTotal()).isGreaterThanOrEqualTo(3);

        DeadLetterReplay.run(new DeadLetterReplay.Options(kafka.url(), Topics.SEGMENT_DLQ, "StackOverflowError", null,
                "replay-segment-" + run, false));
        assertThat(keys(Topics.INGESTED, run)).containsExactly("s-" + run);
    }

    private static void publish(String topic, String key, String value, Map<String, String> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.url());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            RecordHeaders h = new RecordHeaders();
            headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topic, null, key, value, h)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> keys(String topic, String run) {
        return records(topic, run).stream().map(ConsumerRecord::key).toList();
    }

    /** The records of a topic whose key belongs to this run. */
    private static List<ConsumerRecord<String, String>> records(String topic, String run) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            var end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(1))) {
                    if (r.key() != null && r.key().endsWith(run)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.url());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
