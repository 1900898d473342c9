package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;
import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as a user runs it: real Kafka, Elasticsearch and PostgreSQL and the four packaged
 * services, started by the same code as {@code ./zhibiao up}, fed the sample corpus through the input topic.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackEndToEndIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** samples/: 28 reports in the five seed files, and six texts of the web corpus. */
    static final int SAMPLE_REPORTS = 34;
    private static LocalStack stack;

    @BeforeAll
    static void up() {
        stack = EndToEndStack.get();
        assertThat(EndToEndStack.upExit()).as(EndToEndStack.upOutput()).isZero();
    }

    @Test
    @Order(1)
    void everySampleDocumentIsIndexed() {
        JsonNode summary = get(stack.ingest().url() + "/api/reports/summary");
        assertThat(summary.path("documents").asLong()).as(summary.toString()).isEqualTo(SAMPLE_REPORTS);
        assertThat(summary.path("byStatus").path("indexed").asLong()).as(summary.toString()).isEqualTo(SAMPLE_REPORTS);
        assertThat(EndToEndStack.upOutput()).contains("indexed: " + SAMPLE_REPORTS + " reports");
    }
    @Test
    @Order(2)
    void searchFindsAHighlightedPassageOfJinzhou() {
        JsonNode result = get(stack.query().url() + "/api/search?q=" + enc("新能源") + "&size=50");
        assertThat(result.path("total").asLong()).isPositive();
        List<JsonNode> jinzhou = new ArrayList<>();
        result.path("items").forEach(i -> {
            if ("锦州市".equals(i.path("region").asText())) {
                jinzhou.add(i);
            }
        });
        assertThat(jinzhou).as(result.toString()).isNotEmpty();
        assertThat(jinzhou.get(0).path("highlights").get(0).asText()).contains("<em>新能源</em>");
    }

    @Test
    @Order(3)
    void indicatorsOfJinzhouAreQueryable() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode actual = get(stack.query().url() + "/api/indicators?region=" + enc("锦州市")
                    + "&indicator=gdp&kind=actual&period=2023");
            assertThat(values(actual, "growth_pct")).as(actual.toString()).contains(5.4);
            assertThat(actual.path("items").get(0).path("documentId").asText()).isNotBlank();
            JsonNode target = get(stack.query().url() + "/api/indicators?region=" + enc("锦州市")
                    + "&indicator=gdp&kind=target&period=2024");
            assertThat(values(target, "growth_pct")).as(target.toString()).contains(6.5);
        });
    }

    /** The samples hold targets that meet outcomes: 湖北省 and 合肥市 set 2024 targets and reported on 2024 a year later. */
    @Test
    @Order(3)
    void targetsMeetOutcomesFor2024() {
        JsonNode table = get(stack.query().url() + "/api/indicators/compare?indicator=gdp&period=2024");
        Map<String, JsonNode> compared = new java.util.TreeMap<>();
        table.path("rows").forEach(r -> {
            if (List.of("met", "missed").contains(r.path("status").asText())) {
                compared.put(r.path("region").asText(), r);
            }
        });
        assertThat(compared).as(table.toString()).containsKeys("湖北省", "合肥市");
        assertThat(compared.get("湖北省").path("status").asText()).isEqualTo("met");
        assertThat(compared.get("合肥市").path("status").asText()).isEqualTo("missed");
        assertThat(compared.get("合肥市").path("gap").asDouble()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
        for (JsonNode row : compared.values()) {
            for (String side : List.of("target", "actual")) {
                assertThat(row.path(side).path("quote").asText()).as(side + " of " + row).isNotBlank();
                assertThat(row.path(side).path("documentId").asText()).isNotBlank();
            }
        }
        // b02 and b08 never name their government or year: placed by the hints beside them, as a scraper sends them
        JsonNode catalog = get(stack.query().url() + "/api/catalog");
        assertThat(catalog.path("unplaced").path("facts").asLong()).as(catalog.path("unplaced").toString()).isZero();
    }

    @Test
    @Order(4)
    void upAgainIsHarmlessAndTheLedgerSurvivesARestart() throws IOException {
        int exit = UpCommand.up(stack, true, Duration.ofMinutes(3), new PrintStream(OutputStreamNull.INSTANCE));
        assertThat(exit).isZero();
        JsonNode summary = get(stack.ingest().url() + "/api/reports/summary");
        assertThat(summary.path("documents").asLong()).as("republishing the samples adds nothing").isEqualTo(SAMPLE_REPORTS);

        stack.ingest().stop();
        stack.postgres().stop();
        stack.postgres().start();
        stack.ingest().start();
        JsonNode after = get(stack.ingest().url() + "/api/reports/summary");
        assertThat(after.path("documents").asLong()).isEqualTo(SAMPLE_REPORTS);
        assertThat(after.path("byStatus").path("indexed").asLong()).isEqualTo(SAMPLE_REPORTS);
    }

    @Test
    @Order(5)
    void theIngestCommandSendsFilesAndSumsUpWhatCameOfThem(@TempDir Path dir) throws IOException {
        Path fresh = dir.resolve("new-report.txt");
        Files.writeString(fresh, "2024年锦州市政府工作报告\n各位代表:\n初步核算,地区生产总值增长5.4%。这是一份新的测试报告。\n");
        Path junk = dir.resolve("junk.txt");
        Files.write(junk, new byte[]{0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 7, 9});
        List<Path> files = new ArrayList<>(UpCommand.samples(stack.config().layout().samples()));
        files.add(fresh);
        files.add(junk);
        IngestCommand.Summary summary = IngestCommand.send(files, stack.ingest().url(),
                LocalStack.apiKey(stack.config()), new PrintStream(OutputStreamNull.INSTANCE));
        assertThat(summary.files).as("the eleven sample files (not their sidecars) and two more").isEqualTo(13);
        assertThat(summary.duplicates).as("the samples are in already").isEqualTo(SAMPLE_REPORTS);
        assertThat(summary.accepted).isEqualTo(1);
        assertThat(summary.rejected).hasSize(1);
        assertThat(summary.rejected.keySet().iterator().next()).startsWith("400 undecodable");
    }

    @Test
    @Order(6)
    void noSecretIsEverLogged() throws IOException {
        String key = LocalStack.apiKey(stack.config());
        try (var logs = Files.walk(stack.config().logs())) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).as(log.toString()).doesNotContain(key);
            }
        }
    }

    private static List<Double> values(JsonNode page, String measure) {
        List<Double> out = new ArrayList<>();
        page.path("items").forEach(i -> {
            if (measure.equals(i.path("measure").asText())) {
                out.add(i.path("value").asDouble());
            }
        });
        return out;
    }

    static JsonNode get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(url + " -> " + r.body()).isEqualTo(200);
            return Json.mapper().readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(url + ": " + e, e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
