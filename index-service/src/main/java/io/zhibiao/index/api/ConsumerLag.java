package io.zhibiao.index.api;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How far this instance's consumer groups are behind the end of their topics. A new index version has
 * caught up with the old one when both of its groups have committed everything there is: lag 0.
 * Offsets are committed only after Elasticsearch acknowledged, so lag 0 means indexed.
 */
@ApplicationScoped
public class ConsumerLag {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.incoming.reports-segmented.topic")
    String textTopic;

    @ConfigProperty(name = "mp.messaging.incoming.reports-segmented.group.id")
    String textGroup;

    @ConfigProperty(name = "mp.messaging.incoming.reports-indicators.topic")
    String factsTopic;

    @ConfigProperty(name = "mp.messaging.incoming.reports-indicators.group.id")
    String factsGroup;

    /** One group on one topic: records at the end of the topic, committed, and the difference. */
    public record GroupLag(String group, String topic, long endOffsets, long committed, long lag) {
    }

    public record Lag(List<GroupLag> groups, long total, boolean caughtUp) {
    }

    public Lag lag() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            // the connector's defaults hold consumer and producer keys too; the admin client wants its own
            if (AdminClientConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(config)) {
            List<GroupLag> groups = new ArrayList<>();
            groups.add(lag(admin, textGroup, textTopic));
            groups.add(lag(admin, factsGroup, factsTopic));
            long total = groups.stream().mapToLong(GroupLag::lag).sum();
            return new Lag(groups, total, total == 0);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot read the consumer lag from Kafka: " + e.getMessage(), e);
        }
    }

    private static GroupLag lag(Admin admin, String group, String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(15, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(15, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
        long end = 0;
        long done = 0;
        for (var e : ends.entrySet()) {
            end += e.getValue().offset();
            OffsetAndMetadata c = committed.get(e.getKey());
            done += c == null ? 0 : Math.min(c.offset(), e.getValue().offset());
        }
        return new GroupLag(group, topic, end, done, end - done);
    }
}
