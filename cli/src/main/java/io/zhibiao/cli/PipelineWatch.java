package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads how far the pipeline got, from the ingest ledger and from Elasticsearch. */
public final class PipelineWatch {
    /** The consumer group of ingest-service on the input topic. */
    public static final String INGEST_GROUP = "zhibiao-ingest";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String ingestUrl;
    private final String elasticsearchUrl;
    private final String kafkaBootstrap;

    public record Summary(long documents, long pending, long indexed, long failed) {
    }

    public PipelineWatch(String ingestUrl, String elasticsearchUrl, String kafkaBootstrap) {
        this.ingestUrl = ingestUrl;
        this.elasticsearchUrl = elasticsearchUrl;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** Records of the input topic that ingest-service has not consumed yet. */
    public long inputLag() {
        java.util.Properties p = new java.util.Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            var committed = admin.listConsumerGroupOffsets(INGEST_GROUP).partitionsToOffsetAndMetadata()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            var partitions = admin.describeTopics(java.util.List.of(io.zhibiao.contracts.Topics.RAW)).allTopicNames()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS).get(io.zhibiao.contracts.Topics.RAW).partitions();
            java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (var info : partitions) {
                latest.put(new org.apache.kafka.common.TopicPartition(io.zhibiao.contracts.Topics.RAW, info.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(10, java.util.concurrent.TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the input topic's lag: " + e.getMessage(), e);
        }
    }

    public Summary summary() {
        JsonNode s = get(ingestUrl + "/api/reports/summary");
        return new Summary(s.path("documents").asLong(), s.path("pending").asLong(),
                s.path("byStatus").path("indexed").asLong(), s.path("byStatus").path("failed").asLong());
    }

    /** Documents in an Elasticsearch alias (reports, passages, facts), after a refresh. */
    public long count(String alias) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + alias + "/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch does not answer at " + elasticsearchUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return get(elasticsearchUrl + "/" + alias + "/_count").path("count").asLong();
    }

    /**
     * Waits until ingest-service has consumed the input topic, the ledger holds at least {@code atLeast}
     * documents and none is pending; false on timeout.
     * Progress goes to the listener.
     */
    public boolean awaitSettled(long atLeast, Duration timeout, java.util.function.Consumer<Summary> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Summary last = null;
        while (System.nanoTime() < deadline) {
            try {
                Summary s = summary();
                if (!s.equals(last)) {
                    progress.accept(s);
                    last = s;
                }
                if (s.documents() >= atLeast && s.pending() == 0 && inputLag() == 0 && summary().pending() == 0) {
                    return true;
                }
            } catch (RuntimeException e) {
                // the service may be restarting; keep waiting
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private JsonNode get(String url) {
        return Http.ok(Http.send(http, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build()));
    }
}
