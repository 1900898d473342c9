package io.zhibiao.query.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.zhibiao.query.Fixture;
import io.zhibiao.query.RealElasticsearch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(RealElasticsearch.class)
class IndicatorApiTest {

    static JsonPath get(String url) {
        return given().get(url).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void factsByFiltersWithTheirQuote() {
        JsonPath r = get("/api/indicators?region=锦州市&indicator=gdp&kind=actual&period=2023");
        assertThat(r.getLong("total")).isEqualTo(1);
        assertThat(r.getDouble("items[0].value")).isEqualTo(5.4);
        assertThat(r.getString("items[0].quote")).isEqualTo("初步核算,地区生产总值增长5.4%");
        assertThat(r.getString("items[0].documentId")).isEqualTo(Fixture.JINZHOU_2024);
        assertThat(r.getString("items[0].passageId")).isEqualTo(Fixture.JINZHOU_2024 + ":p1");
        // 锦州 2024 came from a PDF: the page of the quote; page 1 has a text layer, so no ocr
        assertThat(r.getInt("items[0].page")).isEqualTo(1);
        assertThat(r.getMap("items[0]")).doesNotContainKey("ocr");
        assertThat(get("/api/indicators?province=河北省&province=广东省&kind=target").getList("items.region"))
                .containsExactly("乐昌市", "邯郸市");
        assertThat(get("/api/indicators?level=prefecture&measure=growth_pct&indicator=gdp&sort=-value").getList("items.value", Double.class))
                .containsExactly(6.5, 6.5, 6.0, 5.4, 3.2, 3.1);
    }

    @Test
    void aFactFromAPagedReportHasThePageOfItsQuoteAndOcrWhenThatPageIsAScan() {
        JsonPath r = get("/api/indicators?region=锦州市&indicator=gdp&sort=period");
        List<Map<String, Object>> items = r.getList("items");
        assertThat(items).extracting(m -> m.get("documentId") + " " + m.get("quote") + " " + m.get("page") + " " + m.get("ocr"))
                .containsExactly(
                        Fixture.JINZHOU_2023 + " 地区生产总值增长3.1% null null",
                        Fixture.JINZHOU_2024 + " 经核实,2022年地区生产总值增长3.2% 2 null",
                        Fixture.JINZHOU_2024 + " 初步核算,地区生产总值增长5.4% 1 null",
                        Fixture.JINZHOU_2023 + " 地区生产总值增长6%左右 null null",
                        Fixture.JINZHOU_2024 + " 地区生产总值增长6.5%左右 3 true");
        // a text report's fact has neither key
        assertThat(items.get(0)).doesNotContainKeys("page", "ocr");
        // compare and series carry the page of every number
        JsonPath compare = get("/api/indicators/compare?indicator=gdp&period=2023");
        assertThat(compare.getInt("rows[0].actual.page")).isEqualTo(1);
        assertThat(compare.getMap("rows[0].target")).doesNotContainKeys("page", "ocr");
        JsonPath series = get("/api/indicators/series?region=锦州市&indicator=gdp");
        assertThat(series.getInt("measures[0].points[2].target.page")).isEqualTo(3);
        assertThat(series.getBoolean("measures[0].points[2].target.ocr")).isTrue();
    }

    @Test
    void csvIsUtf8WithBomAndHasTheColumnsOfTheSchemaAndTheProvenance() {
        Response r = given().get("/api/indicators?format=csv&region=锦州市&indicator=gdp&sort=period");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).contains("attachment");
        byte[] body = r.asByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("region,province,level,indicator,indicator_zh,kind,estimated,period,measure,value,"
                + "value_max,unit,qualifier,quote,document_id,passage_id,title,report_year,source,start,end,page");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).startsWith("锦州市,辽宁省,prefecture,gdp,地区生产总值,actual,false,2022,growth_pct,3.1,,%,,地区生产总值增长3.1%,"
                + Fixture.JINZHOU_2023);
        // a text report's fact has no page; one from the PDF has the page of its quote
        assertThat(lines[1]).endsWith(",");
        // a quote with a comma is quoted
        assertThat(lines[2]).contains("\"经核实,2022年地区生产总值增长3.2%\"").endsWith(",2");
        assertThat(lines[3]).contains("\"初步核算,地区生产总值增长5.4%\"").endsWith(",1");
        assertThat(lines[4]).contains("地区生产总值增长6%左右").endsWith(",");
        assertThat(lines[5]).contains("地区生产总值增长6.5%左右").endsWith(",3");
    }

    @Test
    void compareSetsEachTargetBesideTheNextYearsActualWithProvenance() {
        JsonPath r = get("/api/indicators/compare?indicator=gdp&period=2023");
        assertThat(r.getString("measure")).isEqualTo("growth_pct");
        assertThat(r.getInt("summary.regions")).isEqualTo(3);
        assertThat(r.getInt("summary.missed")).isEqualTo(1);
        assertThat(r.getInt("summary.noActual")).isEqualTo(2);
        assertThat(r.getString("rows[0].region")).isEqualTo("锦州市");
        assertThat(r.getString("rows[0].status")).isEqualTo("missed");
        assertThat(r.getDouble("rows[0].target.value")).isEqualTo(6.0);
        assertThat(r.getString("rows[0].target.documentId")).isEqualTo(Fixture.JINZHOU_2023);
        assertThat(r.getString("rows[0].target.quote")).isEqualTo("地区生产总值增长6%左右");
        assertThat(r.getDouble("rows[0].actual.value")).isEqualTo(5.4);
        assertThat(r.getString("rows[0].actual.documentId")).isEqualTo(Fixture.JINZHOU_2024);
        assertThat(r.getString("rows[0].actual.quote")).isEqualTo("初步核算,地区生产总值增长5.4%");
        assertThat(r.getBoolean("rows[0].actual.estimated")).isTrue();
        assertThat(r.getDouble("rows[0].gap")).isEqualTo(-0.6);
        assertThat(r.getString("rows[0].gapUnit")).isEqualTo("百分点");
        // every number of every row has its source
        for (String side : List.of("target", "actual")) {
            for (Object row : r.getList("rows." + side)) {
                if (row != null) {
                    assertThat((java.util.Map<String, Object>) row).containsKeys("documentId", "quote", "value");
                }
            }
        }
    }

    @Test
    void aPriceTargetIsACeiling() {
        JsonPath r = get("/api/indicators/compare?indicator=cpi&period=2023");
        assertThat(r.getBoolean("lowerIsBetter")).isTrue();
        assertThat(r.getString("rows[0].status")).isEqualTo("met");
        assertThat(r.getDouble("rows[0].gap")).isEqualTo(-2.7);
    }

    @Test
    void seriesGivesTargetsAndActualsPerYearWithProvenance() {
        JsonPath r = get("/api/indicators/series?region=锦州市&indicator=gdp");
        assertThat(r.getString("label.zh")).isEqualTo("地区生产总值");
        assertThat(r.getString("measures[0].measure")).isEqualTo("growth_pct");
        assertThat(r.getList("measures[0].points.period", Integer.class)).containsExactly(2022, 2023, 2024);
        assertThat(r.getDouble("measures[0].points[0].actual.value")).isEqualTo(3.1);
        assertThat(r.getDouble("measures[0].points[1].target.value")).isEqualTo(6.0);
        assertThat(r.getDouble("measures[0].points[1].actual.value")).isEqualTo(5.4);
        assertThat(r.getString("measures[0].points[1].actual.quote")).isEqualTo("初步核算,地区生产总值增长5.4%");
        assertThat(r.getString("measures[0].points[2].target.documentId")).isEqualTo(Fixture.JINZHOU_2024);
        assertThat(r.getDouble("measures[0].points[1].gap")).isEqualTo(-0.6);
    }

    @Test
    void badParametersAre400sWithReasons() {
        given().get("/api/indicators?indicator=gpd").then().statusCode(400).body("reason", containsString("gdp"));
        given().get("/api/indicators?kind=goal").then().statusCode(400).body("reason", containsString("plan_target"));
        given().get("/api/indicators?period=last").then().statusCode(400).body("reason", containsString("period"));
        given().get("/api/indicators?size=0").then().statusCode(400);
        given().get("/api/indicators?sort=quote").then().statusCode(400).body("reason", containsString("sort"));
        given().get("/api/indicators?format=xlsx").then().statusCode(400).body("reason", containsString("csv"));
        given().get("/api/indicators?format=csv&size=10").then().statusCode(400);
        given().get("/api/indicators/compare?indicator=gdp").then().statusCode(400).body("reason", containsString("period"));
        given().get("/api/indicators/compare?period=2023").then().statusCode(400).body("reason", containsString("indicator"));
        given().get("/api/indicators/series?indicator=gdp").then().statusCode(400).body("reason", containsString("region"));
        given().get("/api/indicators/series?region=锦州市&indicator=gdp&query=x").then().statusCode(400);
    }
}
