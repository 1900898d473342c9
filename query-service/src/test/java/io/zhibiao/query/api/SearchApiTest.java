package io.zhibiao.query.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.zhibiao.query.RealElasticsearch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(RealElasticsearch.class)
class SearchApiTest {

    static JsonPath search(String query) {
        return given().when().get("/api/search?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPhraseIsASubstringAndEveryHitIsHighlighted() {
        JsonPath r = search("q=新能源汽车&size=50");
        // 锦州 2024 (one passage), 锦州 2023, 邯郸, 乐昌: 新能源的汽车 is not 新能源汽车
        assertThat(r.getLong("total")).isEqualTo(4);
        assertThat(r.getLong("reports")).isEqualTo(4);
        assertThat(r.getList("items.region", String.class)).containsOnly("锦州市", "邯郸市", "乐昌市");
        for (List<String> h : r.getList("items.highlights", List.class).stream().map(l -> (List<String>) l).toList()) {
            assertThat(String.join("", h)).contains("<em>新能源汽车</em>");
        }
        assertThat(r.getList("query.words", String.class)).isNotEmpty();
    }

    @Test
    void aHitFromAPagedReportHasItsPageAndOcrWhenReadByOcr() {
        JsonPath r = search("q=新能源汽车&region=锦州市&size=50");
        assertThat(r.getList("items", Map.class)).hasSize(2);
        // 锦州 2024, a PDF: the passage begins on page 2, which has a text layer
        assertThat(r.getInt("items.find { it.year == 2024 }.page")).isEqualTo(2);
        assertThat(r.getMap("items.find { it.year == 2024 }")).doesNotContainKey("ocr");
        // 锦州 2023, a text: no page
        assertThat(r.getMap("items.find { it.year == 2023 }")).doesNotContainKeys("page", "ocr");
        // the targets of 2024 are on page 3, a scan read by OCR
        JsonPath ocr = search("q=零部件");
        assertThat(ocr.getInt("items[0].page")).isEqualTo(3);
        assertThat(ocr.getBoolean("items[0].ocr")).isTrue();
    }

    @Test
    void facetsCountPassagesAndReportsWithEveryOtherFilter() {
        JsonPath r = search("q=新能源汽车&province=辽宁省");
        assertThat(r.getLong("total")).isEqualTo(2);
        assertThat(r.getList("items.province", String.class)).containsOnly("辽宁省");
        // the province facet ignores its own filter: the other provinces stay visible with their counts
        Map<String, Integer> provinces = counts(r, "province");
        assertThat(provinces).containsEntry("辽宁省", 2).containsEntry("河北省", 1).containsEntry("广东省", 1);
        // the year facet applies the province filter: both of 锦州's reports
        assertThat(counts(r, "year")).containsEntry("2024", 1).containsEntry("2023", 1).hasSize(2);
        assertThat(r.getInt("facets.region.find { it.value == '锦州市' }.reports")).isEqualTo(2);
    }

    @Test
    void filtersCombineAndYearSortsNewestFirst() {
        JsonPath r = search("q=新能源汽车&year=2023&sort=year");
        assertThat(r.getLong("total")).isEqualTo(3);
        JsonPath both = search("q=新能源汽车&year=2023&province=河北省&province=广东省");
        assertThat(both.getList("items.region", String.class)).containsExactlyInAnyOrder("邯郸市", "乐昌市");
        JsonPath newest = search("q=新能源汽车&sort=year");
        assertThat(newest.getInt("items[0].year")).isEqualTo(2024);
        JsonPath level = search("q=新能源汽车&level=county_city");
        assertThat(level.getList("items.region", String.class)).containsExactly("乐昌市");
    }

    @Test
    void aTermMatchesExactlyWhereItIsASubstring() {
        assertThat(search("q=生产总值").getLong("total")).isEqualTo(6);
        assertThat(search("q=涨").getLong("total")).as("one character").isEqualTo(3);
        assertThat(search("q=增长5.4%").getLong("total")).as("characters and a number").isEqualTo(1);
        JsonPath r = search("q=\"地区生产总值\" 增长");
        assertThat(r.getLong("total")).isEqualTo(5);
        assertThat(String.join("", r.getList("items[0].highlights", String.class))).contains("<em>地区生产总值</em>");
    }

    @Test
    void excludedTermsAndSeveralTerms() {
        assertThat(search("q=新能源 -汽车").getList("items.documentId", String.class)).isEmpty();
        JsonPath r = search("q=新能源 零部件");
        assertThat(r.getLong("total")).isEqualTo(1);
        // text from the index is escaped; only the highlight tags are markup
        String h = String.join("", r.getList("items[0].highlights", String.class));
        assertThat(h).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void pagesAreBounded() {
        JsonPath page = search("q=新能源汽车&from=1&size=2");
        assertThat(page.getList("items")).hasSize(2);
        assertThat(page.getLong("total")).isEqualTo(4);
        given().get("/api/search?q=新能源&size=51").then().statusCode(400).body("reason", containsString("size"));
        given().get("/api/search?q=新能源&from=990&size=20").then().statusCode(400).body("reason", containsString("1000"));
    }

    @Test
    void everyBadParameterIsA400WithItsReason() {
        given().get("/api/search").then().statusCode(400).body("reason", containsString("q"));
        given().get("/api/search?q=新能源&regoin=锦州市").then().statusCode(400).body("reason", containsString("regoin"));
        given().get("/api/search?q=新能源&year=20x4").then().statusCode(400).body("reason", containsString("year"));
        given().get("/api/search?q=新能源&year=3024").then().statusCode(400).body("reason", containsString("2100"));
        given().get("/api/search?q=新能源&level=city").then().statusCode(400).body("reason", containsString("prefecture"));
        given().get("/api/search?q=新能源&sort=_score").then().statusCode(400).body("reason", containsString("relevance"));
        given().get("/api/search?q=新能源&q=汽车").then().statusCode(400).body("reason", containsString("once"));
        given().get("/api/search?q=" + "字".repeat(201)).then().statusCode(400).body("reason", containsString("200"));
        // JSON that looks like a query is searched for as text, never passed on
        given().queryParam("q", "{\"match_all\":{}}").get("/api/search").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(0));
    }

    private static Map<String, Integer> counts(JsonPath r, String facet) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> values = r.getList("facets." + facet);
        for (Map<String, Object> v : values) {
            out.put(String.valueOf(v.get("value")), ((Number) v.get("count")).intValue());
        }
        return out;
    }
}
