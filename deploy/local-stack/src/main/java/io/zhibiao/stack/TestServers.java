package io.zhibiao.stack;

import java.nio.file.Path;

/**
 * Real servers for a module's tests: started once per test JVM on free ports, in the module's
 * {@code target/test-stack}, stopped when the JVM exits. The same classes as {@code ./zhibiao up}.
 */
public final class TestServers {
    private static StackConfig config;
    private static PostgresServer postgres;
    private static ElasticsearchServer elasticsearch;
    private static KafkaBroker kafka;

    private static synchronized StackConfig config() {
        if (config == null) {
            StackLayout layout = StackLayout.discover();
            Path dir = Path.of("target", "test-stack").toAbsolutePath();
            LocalStack.wipe(dir);
            config = StackConfig.forTests(layout, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopAll, "test-servers-stop"));
        }
        return config;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = new PostgresServer(config());
            postgres.start();
        }
        return postgres;
    }

    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = new ElasticsearchServer(config());
            elasticsearch.start();
        }
        return elasticsearch;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = new KafkaBroker(config());
            kafka.start();
        }
        return kafka;
    }

    public static StackConfig stackConfig() {
        return config();
    }

    private static synchronized void stopAll() {
        for (Component c : new Component[]{kafka, elasticsearch, postgres}) {
            if (c != null) {
                try {
                    c.stop();
                } catch (RuntimeException ignored) {
                    // best effort at exit
                }
            }
        }
    }

    private TestServers() {
    }
}
