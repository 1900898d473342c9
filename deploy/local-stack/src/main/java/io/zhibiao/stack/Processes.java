package io.zhibiao.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starting, waiting for and stopping operating-system processes. */
final class Processes {

    /**
     * Starts a process in a session of its own (so a terminal's signals do not reach it and it outlives
     * the command that started it), output appended to a log file, input from /dev/null.
     */
    static Process spawn(List<String> command, Map<String, String> env, Path workDir, Path log) {
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            pb.environment().putAll(env);
            return pb.start();
        } catch (IOException e) {
            throw new StackException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion; fails with its output when it does not exit 0. */
    static String run(List<String> command, Map<String, String> env, Path workDir, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new StackException(String.join(" ", command) + " did not finish within " + timeout);
            }
            String text = new String(out);
            if (p.exitValue() != 0) {
                throw new StackException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + tail(text, 30));
            }
            return text;
        } catch (IOException e) {
            throw new StackException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    /** Stops a process: SIGTERM, then SIGKILL after the grace period. Waits until it is gone. */
    static void stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's check of the port
            }
        }
        // PostgreSQL's and Elasticsearch's helpers end with their parent; make sure
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    static int httpStatus(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            int status = c.getResponseCode();
            c.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until the condition holds; fails with the message and the log's tail when it does not. */
    static void await(String what, Duration timeout, BooleanSupplier condition, Process process, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive() && process.exitValue() != 0) {
                throw new StackException(what + ": the process exited with " + process.exitValue() + "\n" + logTail(log));
            }
            sleep(250);
        }
        throw new StackException(what + ": not ready after " + timeout.toSeconds() + " s\n" + logTail(log));
    }

    static String logTail(Path log) {
        if (log == null || !Files.isRegularFile(log)) {
            return "";
        }
        try {
            return "last lines of " + log + ":\n" + tail(Files.readString(log), 25);
        } catch (IOException e) {
            return "";
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    static void deleteRecursively(Path dir) {
        StackFiles.deleteRecursively(dir);
    }

    private Processes() {
    }
}
