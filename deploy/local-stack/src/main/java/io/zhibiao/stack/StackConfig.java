package io.zhibiao.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the local stack.
 *
 * @param layout      the checkout
 * @param dataDir     all state: packages, data, logs, pid files (default {@code .zhibiao/})
 * @param ports       the TCP ports
 * @param runAs       the unprivileged user Elasticsearch and PostgreSQL run as when we are root
 * @param postgresPassword the password of the ledger's database user
 */
public record StackConfig(StackLayout layout, Path dataDir, Ports ports, String runAs, String postgresPassword) {

    public static final String DATABASE = "zhibiao";
    public static final String DATABASE_USER = "zhibiao";

    /** For {@code ./zhibiao}: defaults, overridable by ZHIBIAO_DATA_DIR, ZHIBIAO_*_PORT and ZHIBIAO_RUN_AS. */
    public static StackConfig fromEnvironment(StackLayout layout) {
        Map<String, String> env = System.getenv();
        Path data = env.containsKey("ZHIBIAO_DATA_DIR") ? Path.of(env.get("ZHIBIAO_DATA_DIR"))
                : layout.root().resolve(".zhibiao");
        return new StackConfig(layout, data.toAbsolutePath().normalize(), Ports.fromEnvironment(env),
                env.getOrDefault("ZHIBIAO_RUN_AS", "zhibiao"), "zhibiao");
    }

    /** For tests: a data directory of their own and free ports, so they never touch a running stack. */
    public static StackConfig forTests(StackLayout layout, Path dataDir) {
        return new StackConfig(layout, dataDir.toAbsolutePath().normalize(), Ports.free(),
                System.getenv().getOrDefault("ZHIBIAO_RUN_AS", "zhibiao"), "zhibiao");
    }

    public StackConfig withPorts(Ports ports) {
        return new StackConfig(layout, dataDir, ports, runAs, postgresPassword);
    }

    public Path packages() {
        return dataDir.resolve("pkg");
    }

    public Path run() {
        return dataDir.resolve("run");
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String elasticsearchUrl() {
        return "http://127.0.0.1:" + ports.elasticsearch();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DATABASE;
    }
}
