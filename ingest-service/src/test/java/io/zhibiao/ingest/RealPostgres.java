package io.zhibiao.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.TestServers;

import java.util.Map;

/** A real PostgreSQL for the ledger, started by the same code as ./zhibiao up, on a free port. */
public class RealPostgres implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        TestServers.postgres();
        StackConfig config = TestServers.stackConfig();
        return Map.of("quarkus.datasource.jdbc.url", config.jdbcUrl(),
                "quarkus.datasource.username", StackConfig.DATABASE_USER,
                "quarkus.datasource.password", config.postgresPassword());
    }

    @Override
    public void stop() {
        // stopped when the test JVM exits, after every test class that uses it
    }
}
