package io.zhibiao.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Re-publishes dead letters to the topic they came from, after a fix: all of them, or those of one
 * reason. Reads the dead-letter topic with a consumer group of its own (one per topic and reason, so a
 * replay takes up where the last one of the same kind stopped) up to its end as it was when the replay
 * began (a record that fails again and is dead-lettered again is not replayed in a loop), and commits
 * offsets only after Kafka acknowledged every re-published record (acks=all, idempotent producer).
 * The record goes back untouched: same key, same value, its headers without the dead-letter ones, plus
 * {@code zhibiao-replayed-from}.
 */
public final class DeadLetterReplay {
    /** Header naming the dead letter a replayed record was made from. */
    public static final String REPLAYED_FROM = "zhibiao-replayed-from";

    /** Where the dead letters of each topic go back to, when the record does not say. */
    static final Map<String, String> ORIGIN = Map.of(
            Topics.RAW_DLQ, Topics.RAW,
            Topics.SEGMENT_DLQ, Topics.INGESTED,
            Topics.EXTRACT_DLQ, Topics.SEGMENTED,
            Topics.STATUS_DLQ, Topics.STATUS);

    /**
     * @param bootstrap Kafka
     * @param from      the dead-letter topic
     * @param reason    only records with this reason code (or, without a code header, whose reason mentions it); null: all
     * @param to        the topic to publish to; null: the record's dead-letter-topic header, else by the dead-letter topic
     *                  (reports.index.dlq: by the payload, facts → reports.indicators, text → reports.segmented)
     * @param group     the consumer group; null: zhibiao-replay.&lt;from&gt;.&lt;reason or all&gt;
     * @param dryRun    read and tell, publish and commit nothing
     */
    public record Options(String bootstrap, String from, String reason, String to, String group, boolean dryRun) {
        public String groupId() {
            return group != null ? group : "zhibiao-replay." + from + "." + (reason == null ? "all" : reason);
        }
    }

    /**
     * @param read      dead letters read (from the group's position to the end)
     * @param replayed  re-published (or, in a dry run, that would be), by target topic
     * @param skipped   of another reason, by reason
     * @param examples  a few of the replayed records: key, reason, target
     */
    public record Result(long read, Map<String, Long> replayed, Map<String, Long> skipped, List<String> examples) {
        public long replayedTotal() {
            return replayed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private DeadLetterReplay() {
    }

    public static Result run(Options o) {
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, o.groupId());
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        cp.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        cp.put(ConsumerConfig.CLIENT_ID_CONFIG, "zhibiao-replay");
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pp.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        pp.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        pp.put(ProducerConfig.CLIENT_ID_CONFIG, "zhibiao-replay");

        long read = 0;
        Map<String, Long> replayed = new TreeMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = o.dryRun() ? null
                     : new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
            var infos = consumer.partitionsFor(o.from(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("no topic " + o.from());
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(o.from(), i.partition())).toList();
            consumer.assign(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
            while (parts.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // dead-lettered after the replay began
                    }
                    read++;
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    String code = header(r, DeadLetters.REASON_CODE);
                    String why = header(r, DeadLetters.REASON);
                    if (o.reason() != null && !matches(o.reason(), code, why)) {
                        skipped.merge(code != null ? code : "(no code) " + abbreviate(why), 1L, Long::sum);
                        continue;
                    }
                    String target = o.to() != null ? o.to() : target(o.from(), r);
                    replayed.merge(target, 1L, Long::sum);
                    if (examples.size() < 10) {
                        examples.add(String.format(Locale.ROOT, "%s-%d@%d key %s (%s) → %s", r.topic(), r.partition(),
                                r.offset(), r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8),
                                code != null ? code : abbreviate(why), target));
                    }
                    if (producer != null) {
                        RecordHeaders headers = new RecordHeaders();
                        for (Header h : r.headers()) {
                            if (!h.key().startsWith("dead-letter-")) {
                                headers.add(h);
                            }
                        }
                        headers.add(REPLAYED_FROM, (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
                        sent.add(producer.send(new ProducerRecord<>(target, null, r.key(), r.value(), headers)));
                    }
                }
                if (producer != null && !done.isEmpty()) {
                    producer.flush();
                    for (Future<RecordMetadata> f : sent) {
                        f.get(2, TimeUnit.MINUTES); // throws when Kafka did not take it: nothing is committed then
                    }
                    consumer.commitSync(done);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a replayed record; nothing after the last "
                    + "acknowledged batch was committed, run the replay again: " + e.getMessage(), e);
        }
        return new Result(read, replayed, skipped, examples);
    }

    static boolean matches(String reason, String code, String why) {
        if (code != null) {
            return code.equals(reason);
        }
        return why != null && why.contains(reason);
    }

    /**
     * The topic a dead letter came from: its {@code dead-letter-topic} header (the connector and ingest
     * set it), else what the dead-letter topic stands for; reports.index.dlq holds both kinds of the index
     * stage's input, told apart by the payload.
     */
    static String target(String dlq, ConsumerRecord<byte[], byte[]> r) {
        String header = header(r, DeadLetters.TOPIC);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String origin = ORIGIN.get(dlq);
        if (origin != null) {
            return origin;
        }
        if (Topics.INDEX_DLQ.equals(dlq)) {
            return payloadTopic(r.value()).orElseThrow(() -> new IllegalStateException(
                    "cannot tell where " + r.topic() + "-" + r.partition() + "@" + r.offset()
                            + " came from (no dead-letter-topic header, payload neither facts nor text); use --to"));
        }
        throw new IllegalArgumentException(dlq + " is not a dead-letter topic of the pipeline; say where to with --to");
    }

    /** reports.indicators for ExtractedIndicators (facts), reports.segmented for a SegmentedReport (text). */
    static Optional<String> payloadTopic(byte[] value) {
        try {
            JsonNode n = Json.mapper().readTree(value);
            if (n != null && n.has("facts")) {
                return Optional.of(Topics.INDICATORS);
            }
            if (n != null && n.has("text")) {
                return Optional.of(Topics.SEGMENTED);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON
        }
        return Optional.empty();
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "no reason";
        }
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
