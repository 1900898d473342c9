package io.zhibiao.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A single Kafka broker in KRaft mode (broker and controller in one process), from the Maven jars. */
public final class KafkaBroker extends Component {
    /** Records up to 16 MiB: a bundle of reports is about 1 MB, a single report rarely above 1 MB. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    public KafkaBroker(StackConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public int port() {
        return config.ports().kafka();
    }

    @Override
    public String url() {
        return config.kafkaBootstrap();
    }

    private Path home() {
        return config.dataDir().resolve("kafka");
    }

    @Override
    protected Process launch() {
        Path data = home().resolve("data");
        Path props = home().resolve("server.properties");
        Path log4j = home().resolve("log4j2.properties");
        String classpath = config.layout().kafkaLibs().toAbsolutePath() + "/*";
        try {
            Files.createDirectories(data);
            Files.writeString(props, serverProperties(data));
            Files.writeString(log4j, """
                    status = warn
                    appender.out.type = Console
                    appender.out.name = out
                    appender.out.layout.type = PatternLayout
                    appender.out.layout.pattern = [%d] %p %m (%c)%n
                    rootLogger.level = info
                    rootLogger.appenderRef.out.ref = out
                    logger.state.name = state.change.logger
                    logger.state.level = warn
                    logger.controller.name = org.apache.kafka.controller
                    logger.controller.level = warn
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(data.resolve("meta.properties"))) {
            Processes.run(List.of(JavaHomes.currentJava(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                            "--standalone", "-t", Uuid.randomUuid().toString(), "-c", props.toString()),
                    Map.of(), home(), Duration.ofMinutes(1));
        }
        // a broker's data lives in the page cache, not in its heap: 256 MB hold the requests in flight (a
        // produce request is at most 16 MiB)
        List<String> cmd = new ArrayList<>(List.of(JavaHomes.currentJava()));
        cmd.addAll(LeanJvm.options("64m", "256m"));
        cmd.addAll(List.of("-Dlog4j2.configurationFile=" + log4j.toUri(), "-Dzhibiao.stack=" + config.dataDir(),
                "-cp", classpath, "kafka.Kafka", props.toString()));
        return Processes.spawn(cmd, LeanJvm.ENVIRONMENT, home(), log());
    }

    private String serverProperties(Path data) {
        int port = config.ports().kafka();
        int controller = config.ports().kafkaController();
        return """
                # written by the Zhibiao local stack on every start
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=2
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=4
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                message.max.bytes=%4$d
                replica.fetch.max.bytes=%4$d
                # keep everything: a new index version is filled by replaying the topics
                log.retention.ms=-1
                """.formatted(port, controller, data, MAX_MESSAGE_BYTES);
    }

    @Override
    protected boolean ready() {
        if (!Processes.portOpen(port())) {
            return false;
        }
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(p);
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(List<String> names, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) 1).configs(Map.of(
                    "max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES),
                    "retention.ms", "-1",
                    "compression.type", "producer")));
        }
        try (Admin admin = admin()) {
            var result = admin.createTopics(topics);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (StackException e) {
            throw e;
        } catch (Exception e) {
            throw new StackException("cannot create topics: " + e.getMessage(), e);
        }
    }
}
