package io.zhibiao.cli.faults;

import io.zhibiao.stack.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.zhibiao.cli.Clock.secondsSince;
import static io.zhibiao.cli.Clock.sleep;

/** One fault, injected into a running {@link FaultStack} while it works through a load. */
public enum Scenario {
    NONE("no fault (baseline)", null),
    KILL_INGEST("kill -9 ingest-service, restart it", FaultStack::ingest),
    KILL_NLP_SEGMENT("kill -9 nlp-service (stage segment), restart it", FaultStack::nlpSegment),
    KILL_NLP_EXTRACT("kill -9 nlp-service (stage extract), restart it", FaultStack::nlpExtract),
    KILL_INDEX("kill -9 index-service, restart it", FaultStack::index),
    ELASTICSEARCH_STOPPED("Elasticsearch stopped for 60 s, then started", FaultStack::elasticsearch),
    KAFKA_RESTART("Kafka broker restarted", FaultStack::kafka),
    POSTGRES_RESTART("PostgreSQL restarted (fast shutdown)", FaultStack::postgres),
    // on a cluster (./zhibiao faults --cluster): the rest of it carries on while one part is away
    KILL_KAFKA_LEADER("kill -9 the Kafka broker leading most partitions, restart it after 30 s", null),
    KILL_KAFKA_CONTROLLER("kill -9 the active KRaft controller, restart it after 30 s", null),
    KILL_ELASTICSEARCH_NODE("kill -9 an Elasticsearch node (not the elected master), restart it after 30 s", null),
    KILL_STAGE_INSTANCES("kill -9 one of the two instances of every stage at once, restart them after 30 s", null),
    ROLLING_RESTART("rolling restart of every stage, one instance at a time (SIGTERM, start, ready)", null);

    /** How long a killed part of a cluster stays away: three session timeouts, so that the others take over. */
    public static final Duration CLUSTER_AWAY = Duration.ofSeconds(30);

    /** How long Elasticsearch stays away. */
    public static final Duration ELASTICSEARCH_AWAY = Duration.ofSeconds(60);

    private final String description;
    private final Function<FaultStack, Component> target;

    Scenario(String description, Function<FaultStack, Component> target) {
        this.description = description;
        this.target = target;
    }

    public String description() {
        return description;
    }

    /**
     * What an injection did: how long the component was away, until it was ready again; and, on a cluster, how
     * soon after the fault the rest of the pipeline indexed a document (null: not while it was away).
     */
    public record Injection(double downSeconds, String detail, Double progressWhileAway) {
        public Injection(double downSeconds, String detail) {
            this(downSeconds, detail, null);
        }
    }

    /** True for the faults of a cluster, which the rest of it is to carry on through. */
    public boolean forCluster() {
        return ordinal() >= KILL_KAFKA_LEADER.ordinal();
    }

    /**
     * Injects the fault and returns once the component is back and ready.
     *
     * @param progress documents indexed so far (the ledger), to see the pipeline carry on during a cluster's fault
     */
    public Injection inject(FaultStack stack, java.util.function.LongSupplier progress) {
        if (forCluster()) {
            return ClusterFaults.inject(this, stack, progress);
        }
        return inject(stack);
    }

    /** Injects the fault and returns once the component is back and ready. */
    public Injection inject(FaultStack stack) {
        long t0 = System.nanoTime();
        if (this == NONE) {
            return new Injection(0, "");
        }
        if (forCluster()) {
            return ClusterFaults.inject(this, stack, () -> 0);
        }
        Component c = target.apply(stack);
        String detail;
        switch (this) {
            case ELASTICSEARCH_STOPPED -> {
                c.stop();
                sleep(ELASTICSEARCH_AWAY.toMillis());
                detail = "stopped (SIGTERM), away " + ELASTICSEARCH_AWAY.toSeconds() + " s";
            }
            case KAFKA_RESTART -> {
                c.stop();
                detail = "stopped (SIGTERM)";
            }
            case POSTGRES_RESTART -> {
                detail = fastShutdown(c);
            }
            default -> detail = killHard(c);
        }
        c.start();
        return new Injection(secondsSince(t0), detail);
    }

    /** kill -9: the process gets no chance to finish anything. */
    static String killHard(Component c) {
        ProcessHandle h = c.process().orElseThrow(() -> new IllegalStateException(c.name() + " does not run"));
        h.destroyForcibly();
        await(h);
        return "SIGKILL to pid " + h.pid();
    }

    /** PostgreSQL's fast shutdown (SIGINT, what pg_ctl stop -m fast sends): sessions are ended, then it stops. */
    static String fastShutdown(Component c) {
        ProcessHandle h = c.process().orElseThrow(() -> new IllegalStateException(c.name() + " does not run"));
        try {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(h.pid())).inheritIO().start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + c.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        await(h);
        c.stop(); // the pid file
        return "SIGINT (fast shutdown) to pid " + h.pid();
    }

    private static void await(ProcessHandle h) {
        try {
            h.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("pid " + h.pid() + " did not exit: " + e, e);
        }
    }

    static Optional<Scenario> parse(String s) {
        for (Scenario sc : values()) {
            if (sc.name().equalsIgnoreCase(s.replace('-', '_'))) {
                return Optional.of(sc);
            }
        }
        return Optional.empty();
    }
}
