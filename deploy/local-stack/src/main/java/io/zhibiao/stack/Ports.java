package io.zhibiao.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TCP ports of the stack, or of one node of a clustered stack (see {@link #shifted}). {@code nlp} is the
 * port of nlp-service running both of its stages, or of its segment stage alone; {@code nlpExtract} that of its
 * extract stage when the two run as processes of their own.
 */
public record Ports(int kafka, int kafkaController, int elasticsearch, int elasticsearchTransport, int postgres,
                    int query, int ingest, int nlp, int index, int nlpExtract) {

    public static Ports defaults() {
        return new Ports(9092, 9093, 9200, 9300, 5432, 8080, 8081, 8082, 8083, 8084);
    }

    /** Ports that are free right now: for tests that must not collide with a running stack. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort());
    }

    /**
     * The ports of node {@code k} (0 is this one) of a clustered stack: Kafka's two ports 2k higher
     * (9094/9095, 9096/9097), Elasticsearch's k higher (9201/9301), the services 10k higher (8090 to 8094).
     */
    public Ports shifted(int k) {
        return new Ports(kafka + 2 * k, kafkaController + 2 * k, elasticsearch + k, elasticsearchTransport + k,
                postgres + k, query + 10 * k, ingest + 10 * k, nlp + 10 * k, index + 10 * k, nlpExtract + 10 * k);
    }

    /** Every port, for a check that none is taken twice. */
    public java.util.List<Integer> all() {
        return java.util.List.of(kafka, kafkaController, elasticsearch, elasticsearchTransport, postgres, query, ingest,
                nlp, index, nlpExtract);
    }

    /** Defaults, each overridable by an environment variable such as {@code ZHIBIAO_QUERY_PORT}. */
    public static Ports fromEnvironment(Map<String, String> env) {
        Ports d = defaults();
        return new Ports(
                port(env, "ZHIBIAO_KAFKA_PORT", d.kafka), port(env, "ZHIBIAO_KAFKA_CONTROLLER_PORT", d.kafkaController),
                port(env, "ZHIBIAO_ELASTICSEARCH_PORT", d.elasticsearch),
                port(env, "ZHIBIAO_ELASTICSEARCH_TRANSPORT_PORT", d.elasticsearchTransport),
                port(env, "ZHIBIAO_POSTGRES_PORT", d.postgres), port(env, "ZHIBIAO_QUERY_PORT", d.query),
                port(env, "ZHIBIAO_INGEST_PORT", d.ingest), port(env, "ZHIBIAO_NLP_PORT", d.nlp),
                port(env, "ZHIBIAO_INDEX_PORT", d.index), port(env, "ZHIBIAO_NLP_EXTRACT_PORT", d.nlpExtract));
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("kafka", "" + kafka);
        p.setProperty("kafkaController", "" + kafkaController);
        p.setProperty("elasticsearch", "" + elasticsearch);
        p.setProperty("elasticsearchTransport", "" + elasticsearchTransport);
        p.setProperty("postgres", "" + postgres);
        p.setProperty("query", "" + query);
        p.setProperty("ingest", "" + ingest);
        p.setProperty("nlp", "" + nlp);
        p.setProperty("index", "" + index);
        p.setProperty("nlpExtract", "" + nlpExtract);
        return p;
    }

    public static Ports fromProperties(Properties p) {
        return new Ports(i(p, "kafka"), i(p, "kafkaController"), i(p, "elasticsearch"), i(p, "elasticsearchTransport"),
                i(p, "postgres"), i(p, "query"), i(p, "ingest"), i(p, "nlp"), i(p, "index"),
                // recorded before the extract stage had a port of its own
                p.containsKey("nlpExtract") ? i(p, "nlpExtract") : i(p, "index") + 1);
    }

    /** Ports recorded under a prefix, e.g. {@code node2.}, or null when there are none. */
    public static Ports fromProperties(Properties p, String prefix) {
        if (!p.containsKey(prefix + "kafka")) {
            return null;
        }
        Properties own = new Properties();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                own.setProperty(key.substring(prefix.length()), p.getProperty(key));
            }
        }
        return fromProperties(own);
    }

    private static int i(Properties p, String key) {
        return Integer.parseInt(p.getProperty(key));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(v.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + v + " is not a TCP port");
        }
    }

    /** Ports handed out by {@link #freePort()} in this JVM: one stack's nine ports are never the same. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on, below the kernel's range of ports for outgoing connections. A port the kernel
     * picks ({@code new ServerSocket(0)}) is in that range: by the time the server that is to listen on it
     * starts, a client connection of a process started before (Kafka, PostgreSQL, a service) may have taken it
     * ("port is taken by a process this stack did not start").
     */
    public static int freePort() {
        int below = ephemeralLowerBound();
        int from = Math.max(1024, below - 12_000);
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = from + RANDOM.nextInt(below - from);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + from + " and " + below));
    }

    private static final java.util.Random RANDOM = new java.util.Random();

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range; else 32768). */
    static int ephemeralLowerBound() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int lower = Integer.parseInt(range.split("\\s+")[0]);
            return lower > 2024 ? lower : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
