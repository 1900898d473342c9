package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a scraper written with the official CloudEvents JavaScript SDK (npm {@code cloudevents}) and
 * {@code kafkajs} publishes, in structured, binary and batch mode, comes out indexed on the real stack.
 * Structured mode used to stop the {@code reports.raw} consumer for good. The script the test runs,
 * {@code cli/src/test/node/publish-cloudevents.mjs}, is the one docs/INPUT.md prints
 * ({@code InputDocTest} keeps them the same). Skipped, saying so, where node or npm is missing.
 */
@Order(300)
class CloudEventsClientsIT {
    private static final Path NODE_SOURCES = Path.of("src/test/node");
    private static final Path NODE_DIR = Path.of("target/node-clients");
    private static LocalStack stack;

    @BeforeAll
    static void installTheSdks() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not installed: the CloudEvents SDK contract test is skipped (apt-get install nodejs npm)");
        Files.createDirectories(NODE_DIR);
        for (String f : List.of("package.json", "publish-cloudevents.mjs")) {
            Files.copy(NODE_SOURCES.resolve(f), NODE_DIR.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/cloudevents"))
                || !Files.isDirectory(NODE_DIR.resolve("node_modules/kafkajs"))) {
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), Duration.ofMinutes(4));
        }
        stack = EndToEndStack.get();
        assertThat(EndToEndStack.upExit()).as(EndToEndStack.upOutput()).isZero();
    }

    @Test
    void structuredModeIsIndexed() throws Exception {
        publishAndAwaitIndexed("structured", 1);
    }

    @Test
    void binaryModeIsIndexed() throws Exception {
        publishAndAwaitIndexed("binary", 1);
    }

    @Test
    void batchModeIsOneReportPerEventAndAllAreIndexed() throws Exception {
        publishAndAwaitIndexed("batch", 2);
    }

    private static void publishAndAwaitIndexed(String mode, int reports) throws Exception {
        String run = mode + "-" + UUID.randomUUID();
        List<RawReport> raw = reports("node-sdk", run, reports);
        Path file = NODE_DIR.resolve(run + ".json");
        Files.writeString(file, Json.write(raw), StandardCharsets.UTF_8);
        String out = run(List.of("node", "publish-cloudevents.mjs", stack.config().kafkaBootstrap(), mode, file.getFileName().toString()),
                Duration.ofMinutes(1));
        assertThat(out).contains("published");
        awaitIndexed(stack, raw, mode);
    }

    /** Short reports of their own (the id is the text's hash): a title, the speaker's opening, two facts. */
    static List<RawReport> reports(String client, String run, int n) {
        List<RawReport> raw = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = "https://example.gov.cn/" + client + "/" + run + "/" + i + ".html";
            raw.add(RawReport.text(url, run + "-" + i + ".txt", "2024年锦州市政府工作报告\n各位代表:\n"
                    + "现在,我代表市人民政府向大会报告工作。2023年,全市地区生产总值增长5.4%,城镇新增就业1." + (i + 2) + "万人。"
                    + "(" + run + ")"));
        }
        return raw;
    }

    /** Every report in the ledger as indexed, with its region, and ingest-service still consuming (liveness UP). */
    static void awaitIndexed(LocalStack stack, List<RawReport> raw, String mode) throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode listing = StackEndToEndIT.get(stack.ingest().url() + "/api/reports?limit=500");
            for (RawReport report : raw) {
                String url = report.sourceUrl();
                JsonNode doc = null;
                for (JsonNode item : listing.path("items")) {
                    if (url.equals(item.path("sourceUrl").asText())) {
                        doc = item;
                    }
                }
                assertThat(doc).as("%s in the ledger after a %s-mode event", url, mode).isNotNull();
                assertThat(doc.path("status").asText()).as(doc.toString()).isEqualTo("indexed");
                assertThat(doc.path("region").asText()).isEqualTo("锦州市");
            }
        });
        JsonNode live = StackEndToEndIT.get(stack.ingest().url() + "/q/health/live");
        assertThat(live.path("status").asText()).isEqualTo("UP");
    }

    private static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true);
        pb.environment().put("KAFKAJS_NO_PARTITIONER_WARNING", "1");
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("%s finished", command).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s: %s", command, text).isZero();
        return text;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
