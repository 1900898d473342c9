package io.zhibiao.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A single-node Elasticsearch from the minimal {@code integ-test-zip} distribution, on a JDK 21+.
 * It needs no plugin: the indices analyse Chinese with the standard tokenizer (one token per
 * character) and with words segmented upstream.
 */
public final class ElasticsearchServer extends Component {
    private final RunAs runAs;
    /** 0-based: node name {@code zhibiao-<index + 1>}. */
    private final int index;

    public ElasticsearchServer(StackConfig config) {
        this(config, 0);
    }

    public ElasticsearchServer(StackConfig config, int index) {
        super(config);
        this.runAs = new RunAs(config.runAs());
        this.index = index;
    }

    private boolean clustered() {
        return config.topology().elasticsearchNodes() > 1;
    }

    /** The node's name in the cluster ({@code _cat/nodes}, {@code _cat/master}). */
    public String nodeName() {
        return "zhibiao-" + (index + 1);
    }

    @Override
    public String name() {
        return clustered() ? "elasticsearch-" + (index + 1) : "elasticsearch";
    }

    @Override
    public int port() {
        return config.ports(index).elasticsearch();
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofMinutes(3);
    }

    private Path state() {
        return config.dataDir().resolve(name());
    }

    @Override
    protected Process launch() {
        Path home = install();
        Path conf = state().resolve("config");
        Path data = state().resolve("data");
        Path logs = state().resolve("logs");
        Path tmp = state().resolve("tmp");
        Path pid = state().resolve("elasticsearch.pid");
        try {
            if (!Files.exists(conf.resolve("jvm.options"))) {
                copyTree(home.resolve("config"), conf);
            }
            Files.createDirectories(data);
            Files.createDirectories(logs);
            Files.createDirectories(tmp);
            Files.writeString(conf.resolve("elasticsearch.yml"), """
                    # written by the Zhibiao local stack on every start
                    cluster.name: zhibiao
                    node.name: %5$s
                    %6$s
                    network.host: 127.0.0.1
                    http.port: %d
                    transport.port: %d
                    path.data: %s
                    path.logs: %s
                    xpack.security.enabled: false
                    # a laptop's disk fills up; do not turn indices read-only for that
                    cluster.routing.allocation.disk.threshold_enabled: false
                    action.destructive_requires_name: true
                    """.formatted(port(), config.ports(index).elasticsearchTransport(), data, logs, nodeName(), discovery()));
            Files.deleteIfExists(pid);
            Files.createDirectories(config.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runAs.prepare(state());
        Path javaHome = JavaHomes.atLeast(21);
        // -d: returns once the node has started (or failed), and the server's own pid is in the pid file
        Processes.run(runAs.wrap(List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p", pid.toString())),
                Map.of("ES_JAVA_HOME", javaHome.toString(), "ES_PATH_CONF", conf.toString(), "ES_TMPDIR", tmp.toString(),
                        "ES_JAVA_OPTS", "-Xms512m -Xmx512m"),
                state(), startTimeout());
        long serverPid = ProcessRecord.read(pid).map(ProcessRecord::pid)
                .orElseThrow(() -> new StackException("elasticsearch started but wrote no pid file " + pid
                        + "\n" + Processes.logTail(logs.resolve("zhibiao.log"))));
        ProcessHandle handle = ProcessHandle.of(serverPid)
                .orElseThrow(() -> new StackException("elasticsearch exited right after starting\n"
                        + Processes.logTail(logs.resolve("zhibiao.log"))));
        ProcessRecord.of(handle).write(pidFile());
        linkLog(logs.resolve("zhibiao.log"));
        return null;
    }

    /** One node alone, or every node as a seed host and, at the first start, as an initial master. */
    private String discovery() {
        if (!clustered()) {
            return "discovery.type: single-node";
        }
        List<String> seeds = new java.util.ArrayList<>();
        List<String> masters = new java.util.ArrayList<>();
        for (int k = 0; k < config.topology().elasticsearchNodes(); k++) {
            seeds.add("\"127.0.0.1:" + config.ports(k).elasticsearchTransport() + "\"");
            masters.add("zhibiao-" + (k + 1));
        }
        String yml = "discovery.seed_hosts: [" + String.join(", ", seeds) + "]";
        if (!Files.exists(state().resolve("data/_state"))) {
            // only to bootstrap a new cluster; a node that has joined one must not be told again
            yml += "\ncluster.initial_master_nodes: [" + String.join(", ", masters) + "]";
        }
        return yml;
    }

    /** Unpacks the distribution once into the packages directory. */
    private Path install() {
        synchronized (ElasticsearchServer.class) {
            return unpack();
        }
    }

    private Path unpack() {
        Path home = config.packages().resolve("elasticsearch-" + StackLayout.ELASTICSEARCH_VERSION);
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path partial = config.packages().resolve("elasticsearch.partial");
        Processes.deleteRecursively(partial);
        try (ZipFile zip = new ZipFile(config.layout().elasticsearchZip().toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new StackException("unsafe entry in the Elasticsearch zip: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().contains("/bin/")) {
                    target.toFile().setExecutable(true, false);
                }
            }
            Files.createDirectories(config.packages());
            Files.move(partial.resolve("elasticsearch-" + StackLayout.ELASTICSEARCH_VERSION), home);
            Processes.deleteRecursively(partial);
        } catch (IOException e) {
            throw new StackException("cannot unpack Elasticsearch: " + e.getMessage(), e);
        }
        return home;
    }

    /** Elasticsearch writes its own log; point the stack's log name at it. */
    private void linkLog(Path esLog) {
        try {
            Files.deleteIfExists(log());
            Files.createSymbolicLink(log(), esLog);
        } catch (IOException | UnsupportedOperationException ignored) {
            // only a convenience
        }
    }

    @Override
    protected boolean ready() {
        // a cluster's node is ready once it has joined the others (after a restart too)
        String nodes = clustered() ? "&wait_for_nodes=" + config.topology().elasticsearchNodes() : "";
        return Processes.httpStatus(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s" + nodes) == 200;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
