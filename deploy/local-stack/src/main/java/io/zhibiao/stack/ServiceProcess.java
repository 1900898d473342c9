package io.zhibiao.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the four Quarkus services, run from its built {@code quarkus-app}, configured by environment. */
public final class ServiceProcess extends Component {
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
        this.environment = new LinkedHashMap<>(environment);
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

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected Process launch() {
        Path jar = config.layout().serviceJar(module);
        List<String> cmd = new ArrayList<>(List.of(JavaHomes.currentJava(), "-Xms32m", "-Xmx" + maxHeap,
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dzhibiao.stack=" + config.dataDir(),
                "-jar", jar.toString()));
        return Processes.spawn(cmd, environment, config.dataDir(), log());
    }

    @Override
    protected boolean ready() {
        return Processes.httpStatus(url() + "/q/health/ready") == 200;
    }
}
