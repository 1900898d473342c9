package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.Ports;
import io.zhibiao.stack.ServiceProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Callable;

import static io.zhibiao.cli.Clock.sleep;

/**
 * Reindex without downtime on the local stack: a second index-service writing version N replays the
 * topics from the beginning with consumer groups of its own (zhibiao-index-*-vN), beside the running
 * one; once both of its groups have lag 0 the aliases switch to version N in one atomic update, and
 * the stack's index-service continues as version N. Search answers from the old version throughout.
 */
@Command(name = "reindex", description = {
        "Build a new version of the Elasticsearch indices by replaying the Kafka topics beside the running one,",
        "switch the aliases to it once it caught up (consumer lag 0), and let index-service continue on it.",
        "Search keeps answering from the old version until the switch."})
public final class ReindexCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--version", required = true, description = "the new index version, e.g. 2 (any version not in use)")
    int version;

    @Option(names = "--timeout", description = "how long to wait for the new version to catch up, in seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 1800;

    @Option(names = "--delete-old", description = "delete the old version's indices after the switch (default: keep them for a rollback)")
    boolean deleteOld;

    @Override
    public Integer call() throws IOException {
        return reindex(StackCommands.openStack(), version, Duration.ofSeconds(timeoutSeconds), deleteOld, System.out);
    }

    /** What the command does, on any local stack (the end-to-end test runs it on its own). */
    public static int reindex(LocalStack stack, int version, Duration timeout, boolean deleteOld, PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        int current = LocalStack.indexVersion(stack.config());
        if (version < 1 || version > 9999) {
            out.println("zhibiao reindex: --version must be between 1 and 9999");
            return 2;
        }
        if (version == current) {
            out.println("zhibiao reindex: index-service already writes version " + version + "; choose another, e.g. --version " + (current + 1));
            return 2;
        }
        if (!stack.kafka().isRunning() || !stack.elasticsearch().isRunning() || !stack.index().isRunning()) {
            out.println("zhibiao reindex: the stack is not running (./zhibiao up first); see ./zhibiao status");
            return 1;
        }
        Admin admin = new Admin(LocalStack.apiKey(stack.config()));
        JsonNode before = admin.get(stack.index().url() + "/api/admin/indices");
        out.printf("index-service writes version %d; the aliases name version %s%n", current, before.path("serving").asText("?"));

        ServiceProcess next = stack.indexService(version, Ports.freePort());
        out.printf("starting %s on port %d: it replays reports.segmented and reports.indicators into version %d ...%n",
                next.name(), next.port(), version);
        boolean switched = false;
        // interrupted (Ctrl-C) before the switch: the second index-service must not outlive the command
        Thread cleanup = new Thread(next::stop, "reindex-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            next.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastLag = -1;
            int zeroes = 0;
            while (true) {
                JsonNode lag = admin.get(next.url() + "/api/admin/lag");
                long total = lag.path("total").asLong(-1);
                if (total != lastLag) {
                    StringBuilder groups = new StringBuilder();
                    lag.path("groups").forEach(g -> groups.append(String.format("  %s %d/%d", g.path("group").asText(),
                            g.path("committed").asLong(), g.path("endOffsets").asLong())));
                    out.printf("  lag %d:%s%n", total, groups);
                    lastLag = total;
                }
                // twice in a row, a second apart: committed offsets follow the acknowledged writes
                zeroes = total == 0 ? zeroes + 1 : 0;
                if (zeroes >= 2) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    out.printf("zhibiao reindex: version %d did not catch up within %d s (lag %d); the aliases stay on"
                            + " version %d. Its indices and consumer groups are left as they are: run the command again to"
                            + " continue, or delete them.%n", version, timeout.toSeconds(), total, current);
                    return 1;
                }
                sleep(1000);
            }
            JsonNode s = admin.post(next.url() + "/api/admin/aliases/switch?version=" + version);
            switched = true;
            out.println("aliases switched: " + s.path("after"));
        } finally {
            if (!switched) {
                next.stop();
                removeHook(cleanup);
            }
        }

        // the stack's index-service continues as the new version, from the new groups' offsets
        LocalStack.recordIndexVersion(stack.config(), version);
        stack.index().stop();
        next.stop();
        removeHook(cleanup);
        LocalStack reopened = LocalStack.open(stack.config());
        reopened.index().start();
        out.printf("index-service restarted on port %d writing version %d%n", reopened.index().port(), version);

        JsonNode after = admin.get(reopened.index().url() + "/api/admin/indices");
        for (JsonNode i : after.path("indices")) {
            out.printf("  %-16s %8d documents %10.1f kB%s%n", i.path("name").asText(), i.path("documents").asLong(),
                    i.path("storeBytes").asLong() / 1024.0, i.path("aliases").isEmpty() ? "" : "  ← " + i.path("aliases"));
        }
        if (deleteOld) {
            JsonNode deleted = admin.delete(reopened.index().url() + "/api/admin/versions/" + current);
            out.println("deleted the old version: " + deleted.path("deleted"));
        } else {
            out.printf("The version %d indices are kept for a rollback (POST %s/api/admin/aliases/switch?version=%d);%n"
                    + "delete them with: curl -X DELETE %s/api/admin/versions/%d%n", current, reopened.index().url(), current,
                    reopened.index().url(), current);
        }
        out.printf("reindexed into version %d in %.1f s%n", version, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    /** index-service's admin API. */
    static final class Admin {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String apiKey;

        Admin(String apiKey) {
            this.apiKey = apiKey;
        }

        JsonNode get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        JsonNode post(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
        }

        JsonNode delete(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
        }

        private JsonNode send(HttpRequest.Builder request) {
            return Http.ok(Http.send(http, request.timeout(Duration.ofSeconds(60)).header("X-API-Key", apiKey).build()));
        }
    }
}
