package io.zhibiao.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhibiao.cli.Http;
import io.zhibiao.cli.load.Expected;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the pipeline from outside, as an operator would: the ingest ledger over HTTP, Elasticsearch
 * over HTTP (every id of every alias), the topics with a plain Kafka client.
 */
public final class PipelineProbe {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** The ledger through the first ingest-service that answers (one of a cluster's may be down). */
    private final List<String> ingestUrls;
    private final String ingestUrl;
    private final String elasticsearchUrl;
    private final String kafkaBootstrap;

    public PipelineProbe(String ingestUrl, String elasticsearchUrl, String kafkaBootstrap) {
        this(List.of(ingestUrl), elasticsearchUrl, kafkaBootstrap);
    }

    public PipelineProbe(List<String> ingestUrls, String elasticsearchUrl, String kafkaBootstrap) {
        this.ingestUrls = List.copyOf(ingestUrls);
        this.ingestUrl = ingestUrls.get(0);
        this.elasticsearchUrl = elasticsearchUrl;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** The ledger's summary: documents, pending and documents per status. */
    public record Ledger(long documents, long pending, Map<String, Long> byStatus) {
        public long count(String status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    public Ledger ledger() {
        JsonNode s = null;
        RuntimeException failure = null;
        for (String url : ingestUrls) {
            try {
                s = get(url + "/api/reports/summary");
                break;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (s == null) {
            throw failure;
        }
        Map<String, Long> by = new HashMap<>();
        s.path("byStatus").fields().forEachRemaining(e -> by.put(e.getKey(), e.getValue().asLong()));
        return new Ledger(s.path("documents").asLong(), s.path("pending").asLong(), by);
    }

    /** A document's ledger status, or "absent". */
    public String status(String documentId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/reports/" + documentId + "/status"))
                .timeout(Duration.ofSeconds(10)).GET().build());
        if (r.statusCode() == 404) {
            return "absent";
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status of " + documentId + ": " + r.statusCode() + " " + r.body());
        }
        return Http.read(r.body()).path("status").asText();
    }

    /** The full status record of a document (stages and what they said), for a failure message. */
    public String statusDetail(String documentId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/reports/" + documentId + "/status"))
                .timeout(Duration.ofSeconds(10)).GET().build());
        return r.statusCode() + " " + r.body();
    }

    /** One document of an alias: the index it is in, its id and the requested source fields. */
    public record Hit(String index, String id, JsonNode source) {
    }

    /** Every document behind an alias (after a refresh), with the given source fields (none: ids only). */
    public List<Hit> all(String alias, List<String> fields) {
        post(elasticsearchUrl + "/" + alias + "/_refresh", "");
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 5000);
        body.putArray("sort").add("_doc");
        if (fields.isEmpty()) {
            body.put("_source", false);
        } else {
            var includes = body.putArray("_source");
            fields.forEach(includes::add);
        }
        JsonNode page = post(elasticsearchUrl + "/" + alias + "/_search?scroll=2m", Json.write(body));
        List<Hit> out = new ArrayList<>();
        String scrollId = page.path("_scroll_id").asText(null);
        try {
            while (true) {
                JsonNode hits = page.path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                for (JsonNode h : hits) {
                    out.add(new Hit(h.path("_index").asText(), h.path("_id").asText(), h.path("_source")));
                }
                ObjectNode next = Json.mapper().createObjectNode();
                next.put("scroll", "2m");
                next.put("scroll_id", scrollId);
                page = post(elasticsearchUrl + "/_search/scroll", Json.write(next));
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            if (scrollId != null) {
                ObjectNode clear = Json.mapper().createObjectNode();
                clear.putArray("scroll_id").add(scrollId);
                send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/_search/scroll"))
                        .header("Content-Type", "application/json")
                        .method("DELETE", HttpRequest.BodyPublishers.ofString(Json.write(clear))).build());
            }
        }
        return out;
    }

    /** A fact as indexed, in the form of {@link Expected#factSignature}. */
    public static String factSignature(JsonNode source) {
        return Expected.factSignature(source.path("indicator").asText(null), source.path("kind").asText(null),
                source.hasNonNull("period") ? source.get("period").asInt() : null, source.path("measure").asText(null),
                source.path("value").asDouble(), source.path("start").asInt(), source.path("end").asInt());
    }

    /** A record of a dead-letter topic. */
    public record DeadLetter(String topic, String key, byte[] value, Map<String, String> headers) {
        public String reasonCode() {
            return headers.get(DeadLetters.REASON_CODE);
        }
    }

    /** Every record of a topic, from the beginning to its end now. */
    public List<DeadLetter> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (parts.stream().anyMatch(tp -> c.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    out.add(new DeadLetter(topic, r.key(), r.value(), headers));
                }
            }
        }
        return out;
    }

    /** Records of the input topic that ingest-service has not committed yet. */
    public long inputLag() {
        return lag("zhibiao-ingest", Topics.RAW);
    }

    public long lag(String group, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(p)) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var info : partitions) {
                latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
            }
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of " + group + ": " + e.getMessage(), e);
        }
    }

    private JsonNode get(String url) {
        return Http.ok(send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build()));
    }

    private JsonNode post(String url, String json) {
        return Http.ok(send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(http, request);
    }
}
