package io.zhibiao.query.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.zhibiao.query.Fixture;
import io.zhibiao.query.RealElasticsearch;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(RealElasticsearch.class)
class ReportAndCatalogApiTest {

    @Test
    void aReportWithItsSectionTreeParagraphsAndAPassageInContext() {
        JsonPath r = given().get("/api/reports/" + Fixture.JINZHOU_2024 + "?passage=2").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("metadata.title")).isEqualTo("2024年锦州市政府工作报告");
        assertThat(r.getString("metadata.province")).isEqualTo("辽宁省");
        assertThat(r.getList("sections.heading")).containsExactly("一、2023年工作回顾", "二、2024年主要目标");
        assertThat(r.getList("paragraphs")).hasSize(6);
        String text = r.getString("text");
        int start = r.getInt("passage.start");
        int end = r.getInt("passage.end");
        assertThat(text.substring(start, end)).isEqualTo("新能源汽车产业加快发展,新能源汽车产量增长30%。");
        assertThat(r.getString("passage.passageId")).isEqualTo(Fixture.JINZHOU_2024 + ":p2");
        assertThat(r.getList("passage.sectionPath")).containsExactly("一、2023年工作回顾");
    }

    @Test
    void aPagedReportSaysWhereItsPagesBeginWhichWereReadByOcrAndThePageOfEachParagraph() {
        JsonPath r = given().get("/api/reports/" + Fixture.JINZHOU_2024 + "?passage=2").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("metadata.format")).isEqualTo("pdf");
        assertThat(r.getInt("metadata.pageCount")).isEqualTo(3);
        assertThat(r.getBoolean("metadata.ocr")).isTrue();
        assertThat(r.getDouble("metadata.ocrConfidence")).isEqualTo(87.0);
        String text = r.getString("text");
        assertThat(r.getList("pages.page", Integer.class)).containsExactly(1, 2, 3);
        assertThat(text.substring(r.getInt("pages[1].start"))).startsWith("经核实,2022年");
        assertThat(text.substring(r.getInt("pages[2].start"))).startsWith("二、2024年主要目标");
        assertThat(r.getMap("pages[0]")).doesNotContainKey("ocr");
        assertThat(r.getBoolean("pages[2].ocr")).isTrue();
        // each paragraph with the page it begins on; the review's paragraph runs over onto page 2
        assertThat(r.getList("paragraphs.page", Integer.class)).containsExactly(1, 1, 2, 3, 3, 3);
        assertThat(r.getMap("paragraphs[1]")).doesNotContainKey("ocr");
        assertThat(r.getBoolean("paragraphs[4].ocr")).isTrue();
        assertThat(r.getInt("passage.page")).isEqualTo(2);
        assertThat(r.getMap("passage")).doesNotContainKey("ocr");

        // a text report has none of it
        JsonPath t = given().get("/api/reports/" + Fixture.JINZHOU_2023).then().statusCode(200).extract().jsonPath();
        assertThat(t.getMap("metadata")).doesNotContainKeys("format", "pageCount", "ocr", "ocrConfidence");
        assertThat(t.getMap("$")).doesNotContainKey("pages");
        assertThat(t.getList("paragraphs", java.util.Map.class)).allSatisfy(p -> assertThat(p).doesNotContainKeys("page", "ocr"));
    }

    @Test
    void withoutTextAndMistakes() {
        JsonPath r = given().get("/api/reports/" + Fixture.HANDAN_2023 + "?text=false").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("text")).isNull();
        given().get("/api/reports/nosuchreport").then().statusCode(404).body("reason", containsString("nosuchreport"));
        given().get("/api/reports/" + Fixture.HANDAN_2023 + "?passage=99").then().statusCode(400).body("reason", containsString("99"));
        given().get("/api/reports/a%20b").then().statusCode(400);
        given().get("/api/reports/" + Fixture.HANDAN_2023 + "?passage=-1").then().statusCode(400);
    }

    @Test
    void catalogLabelsIndicatorsAndCountsRegions() {
        JsonPath r = given().get("/api/catalog").then().statusCode(200).extract().jsonPath();
        assertThat(r.getLong("reports")).isEqualTo(5);
        assertThat(r.getLong("facts")).isEqualTo(12);
        assertThat(r.getString("indicators.find { it.id == 'gdp' }.zh")).isEqualTo("地区生产总值");
        assertThat(r.getString("indicators.find { it.id == 'gdp' }.en")).isEqualTo("Regional GDP");
        assertThat(r.getInt("indicators.find { it.id == 'gdp' }.facts")).isEqualTo(7);
        assertThat(r.getInt("regions.find { it.name == '锦州市' }.reports")).isEqualTo(2);
        assertThat(r.getInt("regions.find { it.name == '锦州市' }.facts")).isEqualTo(8);
        assertThat(r.getString("regions.find { it.name == '锦州市' }.province")).isEqualTo("辽宁省");
        assertThat(r.getList("regions.find { it.name == '锦州市' }.years", Integer.class)).containsExactly(2023, 2024);
        assertThat(r.getString("kinds.find { it.value == 'target' }.zh")).isEqualTo("年度目标");
        // facts no table can place: one without a period (邯郸's jobs), one from a page that names no government
        assertThat(r.getLong("unplaced.facts")).isEqualTo(2);
        assertThat(r.getLong("unplaced.noRegion")).isEqualTo(1);
        assertThat(r.getLong("unplaced.noPeriod")).isEqualTo(1);
        given().get("/api/catalog?x=1").then().statusCode(400);
    }

    @Test
    void openApiAndTheWebPageAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/indicators/compare"))
                .body(containsString("/api/indicators/panel"));
        // the report reader's OCR notice, which app.js fills for a report read by OCR
        given().get("/").then().statusCode(200).body(containsString("指标")).body(containsString("id=\"report-ocr\""));
        given().get("/app.js").then().statusCode(200).body(containsString("OCR识别"));
        given().get("/_static/echarts/6.0.0/dist/echarts.min.js").then().statusCode(200);
    }
}
