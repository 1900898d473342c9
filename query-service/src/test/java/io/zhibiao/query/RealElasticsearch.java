package io.zhibiao.query;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zhibiao.stack.ElasticsearchServer;
import io.zhibiao.stack.TestServers;

import java.util.Map;

/**
 * A real Elasticsearch (the distribution ./zhibiao up runs) on a free port, with the three indices
 * created from index-service's own mappings and filled with {@link Fixture}'s small corpus.
 */
public class RealElasticsearch implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        ElasticsearchServer es = TestServers.elasticsearch();
        Fixture.load(es.url());
        return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:" + es.port());
    }

    @Override
    public void stop() {
        // stopped when the test JVM exits
    }
}
