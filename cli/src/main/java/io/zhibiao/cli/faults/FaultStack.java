package io.zhibiao.cli.faults;

import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.ServiceProcess;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.StackLayout;
import io.zhibiao.stack.Topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline of the local stack on free ports in a directory of its own, with nlp-service run as two
 * processes, one per stage (segment, extract), so that each stage can be killed alone: one of everything, or
 * the cluster ({@link Topology#cluster()}: 3 Kafka nodes, 2 Elasticsearch nodes, 2 instances of each stage).
 * Query-service is not needed and not started.
 */
public final class FaultStack implements AutoCloseable {
    private final LocalStack stack;
    private final Thread shutdownHook = new Thread(this::stopAll, "fault-stack-down");

    public FaultStack(StackLayout layout, Path dataDir, Topology topology) {
        this.stack = new LocalStack(StackConfig.forTests(layout, dataDir).withTopology(topology.withSplitNlp(true), true));
    }

    public FaultStack(StackLayout layout, Path dataDir) {
        this(layout, dataDir, Topology.SINGLE);
    }

    /** A fresh stack: what a previous run left running there is stopped, the directory emptied. */
    public static FaultStack fresh(StackLayout layout, Path dataDir, Topology topology) {
        LocalStack.wipe(dataDir);
        return new FaultStack(layout, dataDir, topology);
    }

    public static FaultStack fresh(StackLayout layout, Path dataDir) {
        return fresh(layout, dataDir, Topology.SINGLE);
    }

    public StackConfig config() {
        return stack.config();
    }

    public LocalStack stack() {
        return stack;
    }

    public Topology topology() {
        return stack.config().topology();
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
        return stack.stage(LocalStack.SEGMENT).get(0);
    }

    public ServiceProcess nlpExtract() {
        return stack.stage(LocalStack.EXTRACT).get(0);
    }

    public ServiceProcess index() {
        return stack.index();
    }

    /** Every instance of every stage. */
    public List<ServiceProcess> services() {
        return stack.pipeline();
    }

    /** The URLs of every ingest-service: the probe asks the first that answers. */
    public List<String> ingestUrls() {
        return stack.stage(LocalStack.INGEST).stream().map(ServiceProcess::url).toList();
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
            starts.add(CompletableFuture.runAsync(s::start, LocalStack::ownThread));
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
