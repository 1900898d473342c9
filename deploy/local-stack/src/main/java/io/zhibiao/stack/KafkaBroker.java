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

/**
 * A Kafka node in KRaft mode (broker and controller in one process), from the Maven jars: the only one of a
 * single-node stack (a standalone quorum), or one of a cluster's voters (a static quorum of every node).
 */
public final class KafkaBroker extends Component {
    /** Records up to 16 MiB: a bundle of reports is about 1 MB, a single report rarely above 1 MB. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** 0-based: node id {@code index + 1}. */
    private final int index;

    public KafkaBroker(StackConfig config) {
        this(config, 0);
    }

    public KafkaBroker(StackConfig config, int index) {
        super(config);
        this.index = index;
    }

    /** The broker's (and controller's) node id. */
    public int nodeId() {
        return index + 1;
    }

    private boolean clustered() {
        return config.topology().kafkaNodes() > 1;
    }

    @Override
    public String name() {
        return clustered() ? "kafka-" + nodeId() : "kafka";
    }

    @Override
    public int port() {
        return config.ports(index).kafka();
    }

    @Override
    public String url() {
        return clustered() ? "127.0.0.1:" + port() : config.kafkaBootstrap();
    }

    private Path home() {
        return config.dataDir().resolve(name());
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
            List<String> format = new ArrayList<>(List.of(JavaHomes.currentJava(), "-cp", classpath, "kafka.tools.StorageTool",
                    "format", "-t", clusterId(), "-c", props.toString()));
            if (!clustered()) {
                // a quorum of this one controller; a cluster's voters are in controller.quorum.voters
                format.add("--standalone");
            }
            Processes.run(format, Map.of(), home(), Duration.ofMinutes(1));
        }
        // a broker's data lives in the page cache, not in its heap: 256 MB hold the requests in flight (a
        // produce request is at most 16 MiB)
        List<String> cmd = new ArrayList<>(List.of(JavaHomes.currentJava()));
        cmd.addAll(LeanJvm.options("64m", "256m"));
        cmd.addAll(List.of("-Dlog4j2.configurationFile=" + log4j.toUri(), "-Dzhibiao.stack=" + config.dataDir(),
                "-cp", classpath, "kafka.Kafka", props.toString()));
        return Processes.spawn(cmd, LeanJvm.ENVIRONMENT, home(), log());
    }

    /** One id for every node of the cluster (formatted into each node's storage), made up once and kept. */
    private String clusterId() {
        if (!clustered()) {
            return Uuid.randomUuid().toString();
        }
        Path file = config.dataDir().resolve("kafka-cluster-id");
        synchronized (KafkaBroker.class) {
            try {
                if (!Files.isRegularFile(file)) {
                    Files.createDirectories(config.dataDir());
                    Files.writeString(file, Uuid.randomUuid() + "\n");
                }
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String serverProperties(Path data) {
        int port = port();
        int controller = config.ports(index).kafkaController();
        Topology t = config.topology();
        String quorum;
        if (clustered()) {
            List<String> voters = new ArrayList<>();
            for (int k = 0; k < t.kafkaNodes(); k++) {
                voters.add((k + 1) + "@127.0.0.1:" + config.ports(k).kafkaController());
            }
            quorum = "controller.quorum.voters=" + String.join(",", voters);
        } else {
            quorum = "controller.quorum.bootstrap.servers=127.0.0.1:" + controller;
        }
        int rf = t.replicationFactor();
        int isr = t.minInsyncReplicas();
        return """
                # written by the Zhibiao local stack on every start
                process.roles=broker,controller
                node.id=%5$d
                %6$s
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=%9$d
                default.replication.factor=%7$d
                min.insync.replicas=%8$d
                offsets.topic.replication.factor=%7$d
                offsets.topic.num.partitions=4
                transaction.state.log.replication.factor=%7$d
                transaction.state.log.min.isr=%8$d
                share.coordinator.state.topic.replication.factor=%7$d
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                message.max.bytes=%4$d
                replica.fetch.max.bytes=%4$d
                # keep everything: a new index version is filled by replaying the topics
                log.retention.ms=-1
                """.formatted(port, controller, data, MAX_MESSAGE_BYTES, nodeId(), quorum, rf, isr, t.partitions());
    }

    @Override
    protected boolean ready() {
        if (!Processes.portOpen(port())) {
            return false;
        }
        // this node itself: it answers once the quorum has a leader and it is registered
        try (Admin admin = admin("127.0.0.1:" + port())) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** An admin client of the whole cluster (every node as bootstrap). */
    public Admin admin() {
        return admin(config.kafkaBootstrap());
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(p);
    }

    /** Creates the topics that do not exist yet, with the topology's partitions, replication factor and min ISR. */
    public void createTopics(List<String> names) {
        createTopics(names, config.topology().partitions());
    }

    /** Creates the topics that do not exist yet, with these partitions and the topology's replication. */
    public void createTopics(List<String> names, int partitions) {
        Topology t = config.topology();
        awaitBrokers(t.kafkaNodes(), Duration.ofMinutes(2));
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) t.replicationFactor()).configs(Map.of(
                    "max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES),
                    "retention.ms", "-1",
                    "min.insync.replicas", String.valueOf(t.minInsyncReplicas()),
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

    /** Waits until {@code n} brokers are registered: a topic with n replicas needs them all. */
    public void awaitBrokers(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                if (seen >= n) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for the Kafka brokers", e);
            }
        }
        throw new StackException("only " + seen + " of " + n + " Kafka brokers registered within " + timeout.toSeconds() + " s");
    }
}
