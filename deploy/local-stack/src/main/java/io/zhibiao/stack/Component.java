package io.zhibiao.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One process of the stack. Starting is idempotent (a running component is left alone), stopping
 * touches only the process this component started, as its pid file records it.
 */
public abstract class Component {
    protected final StackConfig config;
    private Process launched;

    protected Component(StackConfig config) {
        this.config = config;
    }

    /** A short name: kafka, elasticsearch, postgres, ingest-service, … */
    public abstract String name();

    /** The port that proves it is up, and that must be free before it starts. */
    public abstract int port();

    /** Where people or clients reach it. */
    public abstract String url();

    /** Starts the process; returns it (or null when the launch command daemonizes and the pid file is written). */
    protected abstract Process launch();

    /** True once it serves requests. */
    protected abstract boolean ready();

    protected Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    protected Duration stopGrace() {
        return Duration.ofSeconds(20);
    }

    public Path pidFile() {
        return config.run().resolve(name() + ".pid");
    }

    public Path log() {
        return config.logs().resolve(name() + ".log");
    }

    public Optional<ProcessHandle> process() {
        return ProcessRecord.read(pidFile()).flatMap(ProcessRecord::live);
    }

    public boolean isRunning() {
        return process().isPresent();
    }

    /** Starts it unless it runs already, then waits until it is ready. */
    public final void start() {
        if (!isRunning()) {
            if (Processes.portOpen(port())) {
                throw new StackException(name() + ": port " + port() + " is taken by a process this stack did not start;"
                        + " stop it or choose another port (see README, Ports)");
            }
            launched = launch();
            if (launched != null) {
                ProcessRecord.of(launched.toHandle()).write(pidFile());
            }
        }
        awaitReady();
    }

    public final void awaitReady() {
        Processes.await(name(), startTimeout(), this::ready, launched, log());
    }

    /** Stops it if this stack started it; waits until the process is gone. */
    public void stop() {
        process().ifPresent(h -> Processes.stop(h, stopGrace()));
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // a stale pid file is harmless: its start time no longer matches any process
        }
    }

    /** A one-line account for {@code ./zhibiao status}. */
    public String describe() {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) {
            return String.format("%-16s stopped", name());
        }
        return String.format("%-16s running  pid %-8d %s", name(), p.get().pid(), url());
    }
}
