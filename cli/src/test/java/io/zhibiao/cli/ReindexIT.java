package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.zhibiao.cli.StackEndToEndIT.enc;
import static io.zhibiao.cli.StackEndToEndIT.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./zhibiao reindex --version 2} on the running stack: version 2 is filled by replaying the
 * topics beside version 1 while search keeps answering, the aliases switch at lag 0, and index-service
 * continues on version 2 with the same documents. Runs after the other end-to-end classes that read
 * the indices (the stack then serves version 2).
 */
@Order(900)
class ReindexIT {

    @Test
    void aNewVersionIsBuiltBesideTheOldAndSearchNeverStops() throws Exception {
        LocalStack stack = EndToEndStack.get();
        String es = stack.config().elasticsearchUrl();
        String search = stack.query().url() + "/api/search?q=" + enc("新能源汽车") + "&size=1";
        long reports = count(es, "reports");
        long passages = count(es, "passages");
        long facts = count(es, "facts");
        long hits = get(search).path("total").asLong();
        assertThat(reports).isGreaterThanOrEqualTo(28);

        // search, all the time the reindex runs: every answer complete, none missing
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        Thread searcher = new Thread(() -> {
            while (running.get()) {
                try {
                    answers.add(String.valueOf(get(search).path("total").asLong()));
                } catch (AssertionError | RuntimeException e) {
                    answers.add("failed: " + e.getMessage());
                }
                sleep(100);
            }
        }, "searcher");
        searcher.start();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(new TeeOutputStream(buffer, System.out), true, StandardCharsets.UTF_8)) {
            exit = ReindexCommand.reindex(stack, 2, Duration.ofMinutes(5), false, out);
        } finally {
            running.set(false);
            searcher.join();
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(answers).as("searches during the reindex").hasSizeGreaterThan(10).containsOnly(String.valueOf(hits));

        JsonNode aliases = get(es + "/_alias/reports,passages,facts");
        assertThat(aliases.has("reports-v2")).as(aliases.toString()).isTrue();
        assertThat(aliases.has("passages-v2")).isTrue();
        assertThat(aliases.has("facts-v2")).isTrue();
        assertThat(aliases.has("reports-v1")).as("v1 no longer served").isFalse();
        assertThat(count(es, "reports-v2")).isEqualTo(reports);
        assertThat(count(es, "passages-v2")).isEqualTo(passages);
        assertThat(count(es, "facts-v2")).isEqualTo(facts);
        assertThat(count(es, "reports-v1")).as("v1 kept for a rollback").isEqualTo(reports);

        // the stack's index-service now writes version 2 and has nothing left to read
        assertThat(LocalStack.indexVersion(stack.config())).isEqualTo(2);
        assertThat(stack.index().isRunning()).isTrue();
        JsonNode status = get(stack.index().url() + "/api/admin/status");
        assertThat(status.path("version").asInt()).isEqualTo(2);
        assertThat(status.path("indices").path("serving").asInt()).isEqualTo(2);
        assertThat(output).contains("aliases switched").contains("reindexed into version 2");

        // the same version again is refused with a reason, and search still answers
        assertThat(ReindexCommand.reindex(stack, 2, Duration.ofSeconds(5), false, new PrintStream(OutputStreamNull.INSTANCE))).isEqualTo(2);
        assertThat(get(search).path("total").asLong()).isEqualTo(hits);
        List<String> lines = output.lines().filter(l -> l.contains("-v2")).toList();
        assertThat(lines).isNotEmpty();
    }

    private static long count(String es, String index) throws IOException {
        get(es + "/" + index + "/_refresh");
        return get(es + "/" + index + "/_count").path("count").asLong();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
