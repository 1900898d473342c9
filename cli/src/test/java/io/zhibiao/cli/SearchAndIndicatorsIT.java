package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;
import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhibiao.cli.StackEndToEndIT.enc;
import static io.zhibiao.cli.StackEndToEndIT.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's acceptance on the sample corpus, through the query service of the running stack: search
 * with highlights and facets (counted again straight from Elasticsearch), the indicator CSV, the
 * target/actual comparison and a region's series, every number traced to its quote in its report.
 */
@Order(100)
class SearchAndIndicatorsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static String api;

    @BeforeAll
    static void stack() {
        stack = EndToEndStack.get();
        api = stack.query().url();
    }

    @Test
    void newEnergyVehiclesAreFoundInSeveralCitiesWithHighlights() {
        JsonNode r = get(api + "/api/search?q=" + enc("新能源汽车") + "&size=50");
        Set<String> regions = new HashSet<>();
        for (JsonNode hit : r.path("items")) {
            regions.add(hit.path("region").asText());
            assertThat(hit.path("highlights").toString()).as(hit.toString()).contains("<em>新能源汽车</em>");
        }
        assertThat(regions).as("regions of the hits").hasSizeGreaterThanOrEqualTo(5);
        assertThat(r.path("reports").asLong()).isGreaterThanOrEqualTo(5);
        // a hit opens its report at the passage: the offsets point at the text that matched
        JsonNode first = r.path("items").get(0);
        JsonNode report = get(api + "/api/reports/" + first.path("documentId").asText() + "?passage=" + first.path("paragraph").asInt());
        String text = report.path("text").asText();
        assertThat(text.substring(report.path("passage").path("start").asInt(), report.path("passage").path("end").asInt()))
                .contains("新能源汽车");
        assertThat(report.path("sections")).isNotEmpty();
    }

    @Test
    void provinceAndYearFacetsCountWhatElasticsearchCounts() throws IOException {
        JsonNode r = get(api + "/api/search?q=" + enc("新能源汽车"));
        long total = r.path("total").asLong();
        for (String facet : List.of("province", "year")) {
            long sum = 0;
            assertThat(r.path("facets").path(facet)).as(facet).isNotEmpty();
            for (JsonNode v : r.path("facets").path(facet)) {
                String value = v.path("value").asText();
                long count = v.path("count").asLong();
                sum += count;
                // the same question put to Elasticsearch directly
                String filter = facet.equals("year") ? "{\"term\":{\"year\":" + value + "}}"
                        : "{\"term\":{\"province\":" + Json.write(value) + "}}";
                assertThat(esCount("{\"query\":{\"bool\":{\"must\":{\"match_phrase\":{\"text\":\"新能源汽车\"}},\"filter\":" + filter + "}}}"))
                        .as(facet + " " + value).isEqualTo(count);
                // and choosing the value gives that many hits
                assertThat(get(api + "/api/search?q=" + enc("新能源汽车") + "&" + facet + "=" + enc(value)).path("total").asLong())
                        .as("filtered by " + facet + " " + value).isEqualTo(count);
            }
            assertThat(sum).as("every passage has one " + facet).isEqualTo(total);
        }
    }

    @Test
    void theIndicatorCsvOpensWithTheRightColumnsAndEveryRowHasItsSource() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/indicators?format=csv&region="
                + enc("锦州市"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
        byte[] body = r.body();
        assertThat(Arrays.copyOf(body, 3)).as("byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("region", "province", "level", "indicator", "indicator_zh", "kind",
                "estimated", "period", "measure", "value", "value_max", "unit", "qualifier", "quote", "document_id",
                "passage_id", "title", "report_year", "source", "start", "end", "page");
        long total = get(api + "/api/indicators?region=" + enc("锦州市") + "&size=1").path("total").asLong();
        assertThat(rows).hasSize((int) total + 1);
        assertThat(total).isGreaterThan(10);
        Map<String, String> texts = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(22);
            assertThat(row.get(0)).isEqualTo("锦州市");
            assertThat(row.get(21)).as("the samples are texts: no page").isEmpty();
            String doc = row.get(14);
            String text = texts.computeIfAbsent(doc, d -> get(api + "/api/reports/" + d).path("text").asText());
            assertThat(text.substring(Integer.parseInt(row.get(19)), Integer.parseInt(row.get(20))))
                    .as("the quote at its offsets").isEqualTo(row.get(13));
        }
        assertThat(rows).anySatisfy(row -> assertThat(row.subList(3, 10)).containsExactly("gdp", "地区生产总值", "actual",
                "true", "2023", "growth_pct", "5.4"));
    }

    @Test
    void compareAndSeriesGiveTheDocumentAndQuoteOfEveryNumber() {
        JsonNode t = get(api + "/api/indicators/compare?indicator=gdp&period=2023");
        assertThat(t.path("rows").size()).isGreaterThanOrEqualTo(20);
        int numbers = 0;
        Map<String, String> texts = new HashMap<>();
        for (JsonNode row : t.path("rows")) {
            for (String side : List.of("target", "actual")) {
                JsonNode v = row.path(side);
                if (v.isMissingNode() || v.isNull()) {
                    continue;
                }
                numbers++;
                assertProvenance(v, texts);
            }
            String status = row.path("status").asText();
            assertThat(status).isIn("met", "missed", "no_actual", "no_target", "not_comparable");
            if (status.equals("met") || status.equals("missed")) {
                assertThat(row.path("gap").isNumber()).isTrue();
            }
        }
        assertThat(numbers).isGreaterThanOrEqualTo(20);
        JsonNode 锦州 = find(t.path("rows"), "锦州市");
        assertThat(锦州.path("actual").path("value").asDouble()).isEqualTo(5.4);

        JsonNode s = get(api + "/api/indicators/series?region=" + enc("锦州市") + "&indicator=gdp&measure=growth_pct");
        JsonNode points = s.path("measures").get(0).path("points");
        Map<Integer, JsonNode> byYear = new HashMap<>();
        points.forEach(p -> byYear.put(p.path("period").asInt(), p));
        assertThat(byYear.get(2023).path("actual").path("value").asDouble()).isEqualTo(5.4);
        assertThat(byYear.get(2024).path("target").path("value").asDouble()).isEqualTo(6.5);
        for (JsonNode p : points) {
            for (String side : List.of("target", "actual")) {
                if (p.hasNonNull(side)) {
                    assertProvenance(p.path(side), texts);
                }
            }
        }
    }

    @Test
    void catalogAndRefusals() throws IOException, InterruptedException {
        JsonNode c = get(api + "/api/catalog");
        assertThat(c.path("reports").asLong()).as("the samples, and what other tests added").isGreaterThanOrEqualTo(28);
        assertThat(c.path("regions").size()).isGreaterThanOrEqualTo(25);
        assertThat(find(c.path("indicators"), null).isMissingNode()).isTrue();
        for (String bad : List.of("/api/search?q=", "/api/search?q=x&size=500", "/api/indicators?indicator=nope",
                "/api/indicators/compare?indicator=gdp", "/api/reports/a*b", "/api/search?q=x&index=facts")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + bad)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(bad + " -> " + r.body()).isIn(400, 404);
            assertThat(Json.mapper().readTree(r.body()).path("reason").asText()).as(bad).isNotBlank();
        }
    }

    @Test
    void searchAnswersQuickly() {
        List<Long> millis = new ArrayList<>();
        for (String q : List.of("新能源汽车", "营商环境", "乡村振兴", "\"地区生产总值\" 增长", "数字经济", "招商引资", "城市更新",
                "高质量发展", "民生", "科技创新")) {
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                get(api + "/api/search?q=" + enc(q) + "&province=" + enc("浙江省"));
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        millis.sort(null);
        long p50 = millis.get(millis.size() / 2);
        long p95 = millis.get((int) (millis.size() * 0.95) - 1);
        System.out.printf("search latency over %d queries with facets and highlights: p50 %d ms, p95 %d ms, max %d ms%n",
                millis.size(), p50, p95, millis.get(millis.size() - 1));
        assertThat(p95).as("p95 search latency, ms").isLessThan(2000);
    }

    private void assertProvenance(JsonNode v, Map<String, String> texts) {
        assertThat(v.path("documentId").asText()).as(v.toString()).isNotBlank();
        assertThat(v.path("quote").asText()).as(v.toString()).isNotBlank();
        assertThat(v.path("value").isNumber()).as(v.toString()).isTrue();
        String text = texts.computeIfAbsent(v.path("documentId").asText(), d -> get(api + "/api/reports/" + d).path("text").asText());
        assertThat(text.substring(v.path("start").asInt(), v.path("end").asInt())).as(v.toString())
                .isEqualTo(v.path("quote").asText());
    }

    private static JsonNode find(JsonNode array, String region) {
        for (JsonNode n : array) {
            if (region != null && region.equals(n.path("region").asText())) {
                return n;
            }
            if (region == null && n.path("zh").asText().isBlank()) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private long esCount(String body) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.config().elasticsearchUrl() + "/passages/_count"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(r.body()).path("count").asLong(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; rows end with CRLF. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (!row.isEmpty() || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
