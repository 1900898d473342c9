package io.zhibiao.index;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.TestServers;

import java.util.Map;

/** A real Kafka broker and a real Elasticsearch, started by the same code as ./zhibiao up, on free ports. */
public class RealServers implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        TestServers.kafka().createTopics(Topics.all(), 2);
        TestServers.elasticsearch();
        StackConfig config = TestServers.stackConfig();
        return Map.of("kafka.bootstrap.servers", config.kafkaBootstrap(),
                "quarkus.elasticsearch.hosts", "127.0.0.1:" + config.ports().elasticsearch(),
                "zhibiao.index.prefix", "qt-",
                "zhibiao.index.admin-api-keys", "test-admin-key");
    }

    @Override
    public void stop() {
        // stopped when the test JVM exits
    }
}
