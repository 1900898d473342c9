package io.zhibiao.stack;


import io.zhibiao.contracts.Topics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole system on one machine: Kafka, Elasticsearch and PostgreSQL, then the four services. One of each
 * ({@link Topology#SINGLE}), or a cluster ({@link Topology#cluster()}: 3 Kafka nodes, 2 Elasticsearch nodes, 2
 * instances of each pipeline stage, nlp-service split by stage as in Kubernetes).
 * {@link #up()} is idempotent; {@link #down()} stops exactly what the pid files name.
 */
public final class LocalStack {
    /** Partitions of every topic locally: two, so that each stage can run two consumers. */
    public static final int PARTITIONS = 2;

    /** The pipeline stages by name: each a list of instances. */
    public static final String INGEST = "ingest-service";
    public static final String NLP = "nlp-service";
    public static final String SEGMENT = "nlp-segment";
    public static final String EXTRACT = "nlp-extract";
    public static final String INDEX = "index-service";

    private final StackConfig config;
    private final List<KafkaBroker> kafka = new ArrayList<>();
    private final List<ElasticsearchServer> elasticsearch = new ArrayList<>();
    private final PostgresServer postgres;
    /** Stage name to its instances, in pipeline order. */
    private final Map<String, List<ServiceProcess>> stages = new LinkedHashMap<>();
    private final ServiceProcess query;

    public LocalStack(StackConfig config) {
        this.config = config;
        Topology t = config.topology();
        for (int k = 0; k < t.kafkaNodes(); k++) {
            kafka.add(new KafkaBroker(config, k));
        }
        for (int k = 0; k < t.elasticsearchNodes(); k++) {
            elasticsearch.add(new ElasticsearchServer(config, k));
        }
        this.postgres = new PostgresServer(config);
        // heaps: the live sets are ~50 MB (ingest, nlp with HanLP's dictionaries, index) and ~10 MB (query)
        // after a 2,000-report benchmark; the maxima leave room for a 10 MB report (docs/PERFORMANCE.md)
        Map<String, String> ingestEnv = Map.of(
                "ZHIBIAO_INGEST_API_KEYS", apiKey(config),
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", StackConfig.DATABASE_USER,
                "QUARKUS_DATASOURCE_PASSWORD", config.postgresPassword());
        stages.put(INGEST, instances(INGEST, "ingest-service", Ports::ingest, "320m", ingestEnv));
        Map<String, String> kafkaEnv = Map.of("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        if (t.splitNlp()) {
            // one process per stage, each with the other's input channel off (as the Kubernetes Deployments)
            stages.put(SEGMENT, instances(SEGMENT, "nlp-service", Ports::nlp, "512m", Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                    "MP_MESSAGING_INCOMING_REPORTS_SEGMENTED_ENABLED", "false")));
            stages.put(EXTRACT, instances(EXTRACT, "nlp-service", Ports::nlpExtract, "512m", Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                    "MP_MESSAGING_INCOMING_REPORTS_INGESTED_ENABLED", "false")));
        } else {
            stages.put(NLP, instances(NLP, "nlp-service", Ports::nlp, "512m", kafkaEnv));
        }
        stages.put(INDEX, instances(INDEX, "index-service", Ports::index, "320m", indexEnvironment(indexVersion(config))));
        this.query = new ServiceProcess(config, "query-service", config.ports().query(), "256m", Map.of(
                "QUARKUS_ELASTICSEARCH_HOSTS", config.elasticsearchHosts()));
    }

    private List<ServiceProcess> instances(String stage, String module, java.util.function.ToIntFunction<Ports> port,
                                           String heap, Map<String, String> environment) {
        int n = config.topology().instances();
        List<ServiceProcess> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String name = n == 1 ? stage : stage + "-" + (k + 1);
            out.add(new ServiceProcess(config, module, name, port.applyAsInt(config.ports(k)), heap, environment));
        }
        return List.copyOf(out);
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
                "QUARKUS_ELASTICSEARCH_HOSTS", config.elasticsearchHosts(),
                "ZHIBIAO_INDEX_VERSION", String.valueOf(version),
                "ZHIBIAO_INDEX_REPLICAS", String.valueOf(config.topology().indexReplicas()),
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
                Topology topology = Topology.fromProperties(p);
                List<Ports> nodes = new ArrayList<>();
                for (int k = 2; Ports.fromProperties(p, "node" + k + ".") != null; k++) {
                    nodes.add(Ports.fromProperties(p, "node" + k + "."));
                }
                return new LocalStack(new StackConfig(config.layout(), config.dataDir(), Ports.fromProperties(p),
                        config.runAs(), config.postgresPassword(), topology, nodes, config.packages()));
            } catch (IOException | RuntimeException e) {
                // unreadable: fall back to the configured ports
            }
        }
        return new LocalStack(config);
    }

    /**
     * The stack that runs from this data directory: its cluster ({@code <data>/cluster}) when that was brought up
     * and one of its processes runs, else the stack itself.
     */
    public static LocalStack openRunning(StackConfig config) {
        StackConfig clusterConfig = config.cluster(Topology.cluster(), false);
        if (Files.isRegularFile(clusterConfig.dataDir().resolve("stack.properties"))) {
            LocalStack cluster = open(clusterConfig);
            if (cluster.components().stream().anyMatch(Component::isRunning)) {
                return cluster;
            }
        }
        return open(config);
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

    /** The first Kafka node (its admin client speaks to the whole cluster). */
    public KafkaBroker kafka() {
        return kafka.get(0);
    }

    public List<KafkaBroker> kafkaNodes() {
        return List.copyOf(kafka);
    }

    /** The first Elasticsearch node. */
    public ElasticsearchServer elasticsearch() {
        return elasticsearch.get(0);
    }

    public List<ElasticsearchServer> elasticsearchNodes() {
        return List.copyOf(elasticsearch);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The first ingest-service (its API serves every document of the ledger). */
    public ServiceProcess ingest() {
        return stages.get(INGEST).get(0);
    }

    /** The first nlp-service: both stages, or the segment stage when split. */
    public ServiceProcess nlp() {
        return stages.getOrDefault(NLP, stages.get(SEGMENT)).get(0);
    }

    public ServiceProcess index() {
        return stages.get(INDEX).get(0);
    }

    public ServiceProcess query() {
        return query;
    }

    /** The pipeline's stages by name ({@link #INGEST}, {@link #NLP} or {@link #SEGMENT} and {@link #EXTRACT}, {@link #INDEX}). */
    public Map<String, List<ServiceProcess>> stages() {
        return java.util.Collections.unmodifiableMap(stages);
    }

    /** The instances of one stage. */
    public List<ServiceProcess> stage(String name) {
        List<ServiceProcess> s = stages.get(name);
        if (s == null) {
            throw new StackException("this stack has no stage " + name + " (it has " + stages.keySet() + ")");
        }
        return s;
    }

    /** Every instance of every stage, in pipeline order. */
    public List<ServiceProcess> pipeline() {
        return stages.values().stream().flatMap(List::stream).toList();
    }

    public List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>(pipeline());
        all.add(query);
        return all;
    }

    public List<Component> infrastructure() {
        List<Component> all = new ArrayList<>(kafka);
        all.addAll(elasticsearch);
        all.add(postgres);
        return all;
    }

    public List<Component> components() {
        List<Component> all = new ArrayList<>(infrastructure());
        all.addAll(services());
        return all;
    }

    /** Starts Kafka, Elasticsearch and PostgreSQL side by side (Elasticsearch is the slow one), then the topics. */
    public void startInfrastructure() {
        recordPorts();
        // the Kafka quorum and the Elasticsearch cluster form only once their nodes are all starting
        joinAll(infrastructure().stream().map(c -> CompletableFuture.runAsync(c::start, LocalStack::ownThread)).toList());
        kafka().createTopics(Topics.all());
    }

    public void startServices() {
        joinAll(services().stream().map(c -> CompletableFuture.runAsync(c::start, LocalStack::ownThread)).toList());
    }

    /** Everything, in order; what runs already is left as it is. */
    public void up() {
        startInfrastructure();
        startServices();
    }

    /** Stops the services, then the infrastructure; each only if this stack started it. */
    public void down() {
        joinAll(services().stream().map(c -> CompletableFuture.runAsync(c::stop, LocalStack::ownThread)).toList());
        joinAll(infrastructure().stream().map(c -> CompletableFuture.runAsync(c::stop, LocalStack::ownThread)).toList());
    }

    public List<String> status() {
        return components().stream().map(Component::describe).toList();
    }

    private void recordPorts() {
        try {
            Files.createDirectories(config.dataDir());
            try (Writer w = Files.newBufferedWriter(config.dataDir().resolve("stack.properties"))) {
                Properties p = config.ports().toProperties();
                for (int k = 1; k < config.topology().nodes(); k++) {
                    Properties node = config.ports(k).toProperties();
                    for (String key : node.stringPropertyNames()) {
                        p.setProperty("node" + (k + 1) + "." + key, node.getProperty(key));
                    }
                }
                config.topology().toProperties(p);
                p.store(w, "ports and topology of the Zhibiao local stack in this data directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A thread per component: a Kafka node is ready only once a majority of the quorum runs, an Elasticsearch node
     * once the cluster formed, so none may wait for a thread of a bounded pool held by another that waits for it.
     */
    public static void ownThread(Runnable r) {
        Thread t = new Thread(r, "stack-start");
        t.setDaemon(true);
        t.start();
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
