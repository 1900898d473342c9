package io.zhibiao.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How to run the local stack.
 *
 * @param layout      the checkout
 * @param dataDir     all state: packages, data, logs, pid files (default {@code .zhibiao/})
 * @param ports       the TCP ports
 * @param runAs       the unprivileged user Elasticsearch and PostgreSQL run as when we are root
 * @param postgresPassword the password of the ledger's database user
 * @param topology    how many nodes and instances of each
 * @param nodePorts   the ports of node 2, 3, … of a clustered stack (node 1 has {@code ports})
 * @param packages    where the distributions are unpacked (shared by a stack and its cluster)
 */
public record StackConfig(StackLayout layout, Path dataDir, Ports ports, String runAs, String postgresPassword,
                          Topology topology, List<Ports> nodePorts, Path packages) {

    /** The directory of the clustered stack inside a stack's data directory: the two never share data. */
    public static final String CLUSTER_DIR = "cluster";

    public StackConfig {
        nodePorts = List.copyOf(nodePorts);
        if (nodePorts.size() < topology.nodes() - 1) {
            throw new StackException(topology.nodes() + " nodes need " + (topology.nodes() - 1) + " more sets of ports, not "
                    + nodePorts.size());
        }
    }

    /** One of everything. */
    public StackConfig(StackLayout layout, Path dataDir, Ports ports, String runAs, String postgresPassword) {
        this(layout, dataDir, ports, runAs, postgresPassword, Topology.SINGLE, List.of(), dataDir.resolve("pkg"));
    }

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
        return new StackConfig(layout, dataDir, ports, runAs, postgresPassword, topology, nodePorts, packages);
    }

    /** The same topology on other ports (as a stack recorded them). */
    public StackConfig withPorts(Ports ports, List<Ports> nodePorts) {
        return new StackConfig(layout, dataDir, ports, runAs, postgresPassword, topology, nodePorts, packages);
    }

    /**
     * This stack's cluster: in {@code <data>/cluster}, with the same packages. Node 1 has this stack's ports (so the
     * two cannot run at once, and every command finds the cluster where it finds the stack); the other nodes get
     * ports {@link Ports#shifted shifted} from them, or free ports when this configuration's were free ones (tests).
     */
    public StackConfig cluster(Topology topology, boolean freePorts) {
        List<Ports> more = new ArrayList<>();
        for (int k = 1; k < topology.nodes(); k++) {
            more.add(freePorts ? Ports.free() : ports.shifted(k));
        }
        return new StackConfig(layout, dataDir.resolve(CLUSTER_DIR), ports, runAs, postgresPassword, topology, more, packages);
    }

    /** The same data directory and ports with another topology (tests: a fault stack with nlp split by stage). */
    public StackConfig withTopology(Topology topology, boolean freePorts) {
        List<Ports> more = new ArrayList<>(nodePorts);
        while (more.size() < topology.nodes() - 1) {
            more.add(freePorts ? Ports.free() : ports.shifted(more.size() + 1));
        }
        return new StackConfig(layout, dataDir, ports, runAs, postgresPassword, topology, more, packages);
    }

    /** The ports of node {@code k} (0-based). */
    public Ports ports(int k) {
        return k == 0 ? ports : nodePorts.get(k - 1);
    }

    public Path run() {
        return dataDir.resolve("run");
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    /** Every Kafka node, comma-separated: a client finds the cluster through any that is up. */
    public String kafkaBootstrap() {
        List<String> hosts = new ArrayList<>();
        for (int k = 0; k < topology.kafkaNodes(); k++) {
            hosts.add("127.0.0.1:" + ports(k).kafka());
        }
        return String.join(",", hosts);
    }

    /** The first Elasticsearch node's URL. */
    public String elasticsearchUrl() {
        return "http://127.0.0.1:" + ports.elasticsearch();
    }

    /** Every Elasticsearch node's URL. */
    public List<String> elasticsearchUrls() {
        List<String> urls = new ArrayList<>();
        for (int k = 0; k < topology.elasticsearchNodes(); k++) {
            urls.add("http://127.0.0.1:" + ports(k).elasticsearch());
        }
        return urls;
    }

    /** Every Elasticsearch node as host:port, comma-separated (quarkus.elasticsearch.hosts). */
    public String elasticsearchHosts() {
        return elasticsearchUrls().stream().map(u -> u.substring("http://".length())).collect(Collectors.joining(","));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DATABASE;
    }
}
