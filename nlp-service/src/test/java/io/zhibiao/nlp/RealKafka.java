package io.zhibiao.nlp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.TestServers;

import java.util.Map;

/** A real Kafka broker (KRaft), started by the same code as ./zhibiao up, with the pipeline's topics. */
public class RealKafka implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        TestServers.kafka().createTopics(Topics.all(), 2);
        return Map.of("kafka.bootstrap.servers", TestServers.stackConfig().kafkaBootstrap());
    }

    @Override
    public void stop() {
        // stopped when the test JVM exits
    }
}
