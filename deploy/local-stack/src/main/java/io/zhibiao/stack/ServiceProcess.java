package io.zhibiao.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the four Quarkus services, run from its built {@code quarkus-app}, configured by environment.
 * Extra JVM options (a profiler, other GC flags) come from {@value #JAVA_OPTS}, in this process's
 * environment or the service's own: whitespace-separated, {@code {name}} replaced by the service's name,
 * e.g. {@code ZHIBIAO_SERVICE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/{name}.jfr,settings=profile'}.
 */
public final class ServiceProcess extends Component {
    /** The environment variable with extra JVM options for every service. */
    public static final String JAVA_OPTS = "ZHIBIAO_SERVICE_JAVA_OPTS";

    private final String module;
    private final String name;
    private final int port;
    private final String maxHeap;
    private final Map<String, String> environment;

    public ServiceProcess(StackConfig config, String module, int port, String maxHeap, Map<String, String> environment) {
        this(config, module, module, port, maxHeap, environment);
    }

    /** A second process of a module under a name of its own (its pid file and log), e.g. index-service-v2. */
    public ServiceProcess(StackConfig config, String module, String name, int port, String maxHeap,
                          Map<String, String> environment) {
        super(config);
        this.module = module;
        this.name = name;
        this.port = port;
        this.maxHeap = maxHeap;
        this.environment = new LinkedHashMap<>();
        this.environment.putAll(LeanJvm.ENVIRONMENT);
        this.environment.putAll(environment);
        this.environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** Sets an environment variable of the process from its next start on (e.g. a setting for a benchmark). */
    public ServiceProcess putEnvironment(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** The extra JVM options: the service's {@value #JAVA_OPTS}, else this process's, {@code {name}} filled in. */
    List<String> extraJavaOptions() {
        String opts = environment.getOrDefault(JAVA_OPTS, System.getenv(JAVA_OPTS));
        if (opts == null || opts.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String o : opts.trim().split("\\s+")) {
            out.add(o.replace("{name}", name));
        }
        return out;
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected Process launch() {
        Path jar = config.layout().serviceJar(module);
        List<String> cmd = new ArrayList<>(List.of(JavaHomes.currentJava()));
        cmd.addAll(LeanJvm.options("32m", maxHeap));
        cmd.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Dzhibiao.stack=" + config.dataDir()));
        // later options win: the extra ones may override the heap or the collector
        cmd.addAll(extraJavaOptions());
        cmd.addAll(List.of("-jar", jar.toString()));
        return Processes.spawn(cmd, environment, config.dataDir(), log());
    }

    @Override
    protected boolean ready() {
        return Processes.httpStatus(url() + "/q/health/ready") == 200;
    }
}
