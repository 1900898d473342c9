package io.zhibiao.query.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.zhibiao.query.indicators.FactFilter;
import io.zhibiao.query.indicators.IndicatorService;
import jakarta.inject.Inject;
import io.zhibiao.stack.ElasticsearchServer;
import io.zhibiao.stack.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full GDP panel over N generated reports (3 reports a region, 2022–2024, 26 facts each: 12
 * indicators' growth actual and target, GDP's level, a second mention of GDP's growth, and in one 2024
 * report in ten a revision of 2022), timed through the HTTP API on one client. Not part of the build:
 * {@code -Dzhibiao.bench.panel=10000 -Dtest=PanelBenchmarkTest}, alone (it replaces the facts index).
 */
@QuarkusTest
@WithTestResource(PanelBenchmarkTest.GeneratedFacts.class)
@EnabledIfSystemProperty(named = "zhibiao.bench.panel", matches = "\\d+")
class PanelBenchmarkTest {
    static final List<String> INDICATORS = List.of("gdp", "budget_revenue", "fixed_asset_investment",
            "industrial_value_added", "retail_sales", "foreign_trade", "exports", "cpi", "disposable_income",
            "urban_disposable_income", "rural_disposable_income", "tertiary_value_added");

    public static class GeneratedFacts implements QuarkusTestResourceLifecycleManager {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        static String url;
        static int regions;

        @Override
        public Map<String, String> start() {
            String n = System.getProperty("zhibiao.bench.panel");
            if (n == null) {
                return Map.of();
            }
            ElasticsearchServer es = TestServers.elasticsearch();
            url = es.url();
            regions = (Integer.parseInt(n) + 2) / 3;
            try {
                load();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:" + es.port());
        }

        static void load() throws IOException {
            send("DELETE", url + "/facts-v1", null);
            Path mapping = null;
            for (Path p = Path.of("").toAbsolutePath(); p != null && mapping == null; p = p.getParent()) {
                Path m = p.resolve("index-service/src/main/resources/elasticsearch/facts.json");
                mapping = Files.exists(m) ? m : null;
            }
            send("PUT", url + "/facts-v1", Files.readString(mapping));
            send("POST", url + "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"facts-v1\",\"alias\":\"facts\"}}]}");
            long t0 = System.nanoTime();
            StringBuilder bulk = new StringBuilder();
            int docs = 0;
            for (int r = 0; r < regions; r++) {
                String region = "第" + r + "市";
                String code = String.format(Locale.ROOT, "%06d", 110000 + r * 100);
                String province = "第" + (r % 31) + "省";
                for (int year = 2022; year <= 2024; year++) {
                    String doc = "r" + r + "y" + year;
                    int at = 0;
                    for (String ind : INDICATORS) {
                        double g = 3 + (r * 7 + year + ind.length()) % 50 / 10.0;
                        fact(bulk, doc + ":" + at, doc, region, code, province, year, ind, "actual", year - 1,
                                "growth_pct", g, ind.equals("gdp"), at++);
                        fact(bulk, doc + ":" + at, doc, region, code, province, year, ind, "target", year,
                                "growth_pct", g + 0.5, false, 5000 + at++);
                        docs += 2;
                    }
                    fact(bulk, doc + ":" + at, doc, region, code, province, year, "gdp", "level", year - 1,
                            "level", 1000 + r, false, at++);
                    fact(bulk, doc + ":" + at, doc, region, code, province, year, "gdp", "actual", year - 1,
                            "growth_pct", 5.1, false, 9000 + at++);
                    docs += 2;
                    if (year == 2024 && r % 10 == 0) {
                        fact(bulk, doc + ":" + at, doc, region, code, province, year, "gdp", "actual", 2022,
                                "growth_pct", 4.4, false, 9500 + at++);
                        docs++;
                    }
                    if (bulk.length() > 8_000_000) {
                        flush(bulk);
                    }
                }
            }
            flush(bulk);
            send("POST", url + "/facts-v1/_refresh", null);
            send("POST", url + "/facts-v1/_forcemerge?max_num_segments=1", null);
            System.out.printf(Locale.ROOT, "panel bench: %d reports, %d facts indexed in %.1f s%n", regions * 3, docs,
                    (System.nanoTime() - t0) / 1e9);
        }

        private static void fact(StringBuilder b, String id, String doc, String region, String code, String province,
                                 int reportYear, String indicator, String kind, int period, String measure, double value,
                                 boolean estimated, int start) {
            if (kind.equals("level")) {
                kind = "actual";
            }
            b.append("{\"index\":{\"_index\":\"facts-v1\",\"_id\":\"").append(id).append("\"}}\n");
            b.append(String.format(Locale.ROOT, "{\"documentId\":\"%s\",\"passageId\":\"%s:p1\",\"source\":\"bench\","
                            + "\"region\":\"%s\",\"regionCode\":\"%s\",\"province\":\"%s\",\"level\":\"prefecture\","
                            + "\"docType\":\"work_report\",\"reportYear\":%d,\"title\":\"%d年%s政府工作报告\",\"indicator\":\"%s\","
                            + "\"kind\":\"%s\",\"estimated\":%b,\"period\":%d,\"measure\":\"%s\",\"value\":%s,\"unit\":\"%s\","
                            + "\"quote\":\"%s增长%s%%\",\"start\":%d,\"end\":%d}%n",
                    doc, doc, region, code, province, reportYear, reportYear, region, indicator, kind, estimated, period,
                    measure, value, measure.equals("level") ? "亿元" : "%", indicator, value, start, start + 12));
        }

        private static void flush(StringBuilder bulk) throws IOException {
            if (bulk.length() > 0) {
                String result = send("POST", url + "/_bulk", bulk.toString());
                if (result.contains("\"errors\":true")) {
                    throw new IllegalStateException(result.substring(0, Math.min(2000, result.length())));
                }
                bulk.setLength(0);
            }
        }

        static String send(String method, String target, String body) throws IOException {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).header("Content-Type", "application/json");
                b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void stop() {
            // the facts index is left as it is; Fixture.load recreates it for the other tests
        }
    }

    @Inject
    IndicatorService indicators;

    @TestHTTPResource("/api/indicators/panel?indicator=gdp")
    URI panel;

    @Test
    void theFullGdpPanel() throws Exception {
        List<Double> read = new ArrayList<>();
        int facts = 0;
        for (int i = 0; i < 6; i++) {
            GeneratedFacts.send("POST", GeneratedFacts.url + "/facts/_cache/clear?request=true", null);
            long t0 = System.nanoTime();
            facts = indicators.panelFacts(FactFilter.none().withIndicator("gdp").withMeasures(List.of("growth_pct")),
                    null, null).size();
            read.add((System.nanoTime() - t0) / 1e6);
            assertThat(facts).isGreaterThan(GeneratedFacts.regions * 6);
        }
        System.out.printf(Locale.ROOT, "panel bench: %d reports, gdp panel facts read (%d), cache cleared %s ms"
                + " (median %.0f)%n", GeneratedFacts.regions * 3, facts, round(read), median(read.subList(1, 6)));
        HttpClient client = HttpClient.newHttpClient();
        for (String format : List.of("json", "csv", "xlsx")) {
            List<Double> cold = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            long bytes = 0;
            HttpRequest get = HttpRequest.newBuilder(URI.create(panel + "&format=" + format)).build();
            for (int i = 0; i < 6; i++) {
                GeneratedFacts.send("POST", GeneratedFacts.url + "/facts/_cache/clear?request=true", null);
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
                cold.add((System.nanoTime() - t0) / 1e6);
                assertThat(r.statusCode()).isEqualTo(200);
                bytes = r.body().length;
                long t1 = System.nanoTime();
                assertThat(client.send(get, HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
                cached.add((System.nanoTime() - t1) / 1e6);
            }
            // the first run warms the JVM; the median of the other five
            System.out.printf(Locale.ROOT, "panel bench: %d reports, gdp panel as %s (%.1f MB): cache cleared %s ms (median %.0f),"
                            + " request cache warm %s ms (median %.0f)%n", GeneratedFacts.regions * 3, format, bytes / 1e6,
                    round(cold), median(cold.subList(1, 6)), round(cached), median(cached.subList(1, 6)));
        }
        assertThat(given().get("/api/indicators/panel?indicator=gdp").jsonPath().getList("rows")).hasSize(GeneratedFacts.regions * 4);
    }

    private static List<Long> round(List<Double> ms) {
        return ms.stream().map(Math::round).toList();
    }

    private static double median(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
