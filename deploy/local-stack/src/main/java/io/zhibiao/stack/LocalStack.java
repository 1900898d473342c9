package io.zhibiao.stack;


import io.zhibiao.contracts.Topics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole system on one machine: Kafka, Elasticsearch and PostgreSQL, then the four services.
 * {@link #up()} is idempotent; {@link #down()} stops exactly what the pid files name.
 */
public final class LocalStack {
    /** Partitions of every topic locally: two, so that each stage can run two consumers. */
    public static final int PARTITIONS = 2;

    private final StackConfig config;
    private final KafkaBroker kafka;
    private final ElasticsearchServer elasticsearch;
    private final PostgresServer postgres;
    private final ServiceProcess ingest;
    private final ServiceProcess nlp;
    private final ServiceProcess index;
    private final ServiceProcess query;

    public LocalStack(StackConfig config) {
        this.config = config;
        this.kafka = new KafkaBroker(config);
        this.elasticsearch = new ElasticsearchServer(config);
        this.postgres = new PostgresServer(config);
        Ports p = config.ports();
        // heaps: the live sets are ~50 MB (ingest, nlp with HanLP's dictionaries, index) and ~10 MB (query)
        // after a 2,000-report benchmark; the maxima leave room for a 10 MB report (docs/PERFORMANCE.md)
        this.ingest = new ServiceProcess(config, "ingest-service", p.ingest(), "320m", Map.of(
                "ZHIBIAO_INGEST_API_KEYS", apiKey(config),
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", StackConfig.DATABASE_USER,
                "QUARKUS_DATASOURCE_PASSWORD", config.postgresPassword()));
        this.nlp = new ServiceProcess(config, "nlp-service", p.nlp(), "512m", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap()));
        this.index = new ServiceProcess(config, "index-service", p.index(), "320m", indexEnvironment(indexVersion(config)));
        this.query = new ServiceProcess(config, "query-service", p.query(), "256m", Map.of(
                "QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:" + p.elasticsearch()));
    }

    /**
     * The API key of this stack's writes (ingest-service uploads, index-service admin): made up on first
     * use and kept (mode 600) in {@code <data>/api-key}, where {@code ./zhibiao ingest} and
     * {@code ./zhibiao reindex} find it.
     */
    public static String apiKey(StackConfig config) {
        Path file = config.dataDir().resolve("api-key");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(config.dataDir());
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String key = java.util.HexFormat.of().formatHex(random);
            Files.writeString(file, key + "\n");
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index version index-service writes: 1, or what the last {@code ./zhibiao reindex} switched to,
     * kept in {@code <data>/index-version}.
     */
    public static int indexVersion(StackConfig config) {
        Path file = config.dataDir().resolve("index-version");
        try {
            return Files.isRegularFile(file) ? Integer.parseInt(Files.readString(file).strip()) : 1;
        } catch (IOException | NumberFormatException e) {
            return 1;
        }
    }

    /** Records the index version that index-service writes from its next start on. */
    public static void recordIndexVersion(StackConfig config, int version) {
        try {
            Files.createDirectories(config.dataDir());
            Files.writeString(config.dataDir().resolve("index-version"), version + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A second index-service, writing index version {@code version} on its own port (name
     * {@code index-service-v<version>}): a reindex runs it beside the stack's until it caught up.
     */
    public ServiceProcess indexService(int version, int port) {
        return new ServiceProcess(config, "index-service", "index-service-v" + version, port, "320m",
                indexEnvironment(version));
    }

    private Map<String, String> indexEnvironment(int version) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                "QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:" + config.ports().elasticsearch(),
                "ZHIBIAO_INDEX_VERSION", String.valueOf(version),
                "ZHIBIAO_INDEX_ADMIN_API_KEYS", apiKey(config));
    }

    /**
     * The stack as it was last brought up from this data directory (its recorded ports), or a new one
     * with the given configuration's ports.
     */
    public static LocalStack open(StackConfig config) {
        Path recorded = config.dataDir().resolve("stack.properties");
        if (Files.isRegularFile(recorded)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(recorded)) {
                p.load(r);
                return new LocalStack(config.withPorts(Ports.fromProperties(p)));
            } catch (IOException | RuntimeException e) {
                // unreadable: fall back to the configured ports
            }
        }
        return new LocalStack(config);
    }

    /**
     * Stops whatever a previous run left running in this data directory (by its pid files), then
     * deletes the directory: a test's fresh start that never orphans a server.
     */
    public static void wipe(Path dataDir) {
        Path run = dataDir.resolve("run");
        if (Files.isDirectory(run)) {
            try (var pidFiles = Files.list(run)) {
                pidFiles.filter(f -> f.getFileName().toString().endsWith(".pid"))
                        .forEach(f -> ProcessRecord.read(f).flatMap(ProcessRecord::live)
                                .ifPresent(h -> Processes.stop(h, java.time.Duration.ofSeconds(20))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StackFiles.deleteRecursively(dataDir);
    }

    public StackConfig config() {
        return config;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public ServiceProcess ingest() {
        return ingest;
    }

    public ServiceProcess nlp() {
        return nlp;
    }

    public ServiceProcess index() {
        return index;
    }

    public ServiceProcess query() {
        return query;
    }

    public List<ServiceProcess> services() {
        return List.of(ingest, nlp, index, query);
    }

    public List<Component> infrastructure() {
        return List.of(kafka, elasticsearch, postgres);
    }

    public List<Component> components() {
        List<Component> all = new ArrayList<>(infrastructure());
        all.addAll(services());
        return all;
    }

    /** Starts Kafka, Elasticsearch and PostgreSQL side by side (Elasticsearch is the slow one), then the topics. */
    public void startInfrastructure() {
        recordPorts();
        joinAll(infrastructure().stream().map(c -> CompletableFuture.runAsync(c::start)).toList());
        kafka.createTopics(Topics.all(), PARTITIONS);
    }

    public void startServices() {
        joinAll(services().stream().map(c -> CompletableFuture.runAsync(c::start)).toList());
    }

    /** Everything, in order; what runs already is left as it is. */
    public void up() {
        startInfrastructure();
        startServices();
    }

    /** Stops the services, then the infrastructure; each only if this stack started it. */
    public void down() {
        joinAll(services().stream().map(c -> CompletableFuture.runAsync(c::stop)).toList());
        joinAll(infrastructure().stream().map(c -> CompletableFuture.runAsync(c::stop)).toList());
    }

    public List<String> status() {
        return components().stream().map(Component::describe).toList();
    }

    private void recordPorts() {
        try {
            Files.createDirectories(config.dataDir());
            try (Writer w = Files.newBufferedWriter(config.dataDir().resolve("stack.properties"))) {
                config.ports().toProperties().store(w, "ports of the Zhibiao local stack in this data directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void joinAll(List<CompletableFuture<Void>> futures) {
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                failures.add(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new StackException(String.join("\n", failures));
        }
    }
}
