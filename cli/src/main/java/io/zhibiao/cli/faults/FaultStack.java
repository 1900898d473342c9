package io.zhibiao.cli.faults;

import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.Ports;
import io.zhibiao.stack.ServiceProcess;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.StackLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline of the local stack on free ports in a directory of its own, with nlp-service run as two
 * processes, one per stage (segment, extract), so that each stage can be killed alone. Query-service is
 * not needed and not started.
 */
public final class FaultStack implements AutoCloseable {
    private final LocalStack stack;
    private final ServiceProcess nlpSegment;
    private final ServiceProcess nlpExtract;
    private final Thread shutdownHook = new Thread(this::stopAll, "fault-stack-down");

    public FaultStack(StackLayout layout, Path dataDir) {
        this.stack = new LocalStack(StackConfig.forTests(layout, dataDir));
        StackConfig config = stack.config();
        this.nlpSegment = new ServiceProcess(config, "nlp-service", "nlp-segment", config.ports().nlp(), "512m", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                // segment only: the extract stage's consumer is off
                "MP_MESSAGING_INCOMING_REPORTS_SEGMENTED_ENABLED", "false"));
        this.nlpExtract = new ServiceProcess(config, "nlp-service", "nlp-extract", Ports.freePort(), "512m", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                "MP_MESSAGING_INCOMING_REPORTS_INGESTED_ENABLED", "false"));
    }

    /** A fresh stack: what a previous run left running there is stopped, the directory emptied. */
    public static FaultStack fresh(StackLayout layout, Path dataDir) {
        LocalStack.wipe(dataDir);
        return new FaultStack(layout, dataDir);
    }

    public StackConfig config() {
        return stack.config();
    }

    public LocalStack stack() {
        return stack;
    }

    public Component kafka() {
        return stack.kafka();
    }

    public Component elasticsearch() {
        return stack.elasticsearch();
    }

    public Component postgres() {
        return stack.postgres();
    }

    public ServiceProcess ingest() {
        return stack.ingest();
    }

    public ServiceProcess nlpSegment() {
        return nlpSegment;
    }

    public ServiceProcess nlpExtract() {
        return nlpExtract;
    }

    public ServiceProcess index() {
        return stack.index();
    }

    public List<ServiceProcess> services() {
        return List.of(ingest(), nlpSegment, nlpExtract, index());
    }

    /** Starts everything; the processes are stopped when this JVM exits, should {@link #close} not be reached. */
    public void start() {
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalArgumentException alreadyAdded) {
            // started before
        }
        stack.startInfrastructure();
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (ServiceProcess s : services()) {
            starts.add(CompletableFuture.runAsync(s::start));
        }
        starts.forEach(CompletableFuture::join);
    }

    /** Stops everything it started, services first; never fails. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
            // the hook runs or never was added
        }
        stopAll();
    }

    private void stopAll() {
        List<Component> order = new ArrayList<>(services());
        order.addAll(stack.infrastructure());
        for (Component c : order) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                System.err.println("fault stack: could not stop " + c.name() + ": " + e.getMessage());
            }
        }
    }

    public Path logs() {
        return stack.config().logs();
    }
}
