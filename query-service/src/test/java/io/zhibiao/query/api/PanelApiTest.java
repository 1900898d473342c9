package io.zhibiao.query.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.zhibiao.query.Fixture;
import io.zhibiao.query.RealElasticsearch;
import io.zhibiao.query.indicators.Fact;
import io.zhibiao.query.indicators.FactFilter;
import io.zhibiao.query.indicators.IndicatorService;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The panel of regions × years and the unplaced facts, on the fixture in a real Elasticsearch. */
@QuarkusTest
@WithTestResource(RealElasticsearch.class)
class PanelApiTest {

    @Inject
    IndicatorService indicators;

    static JsonPath get(String url) {
        return given().get(url).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void oneRowPerRegionAndYearWithTargetFirstAndRevisedActualAndTheirSources() {
        JsonPath r = get("/api/indicators/panel?indicator=gdp");
        assertThat(r.getString("measure")).isEqualTo("growth_pct");
        assertThat(r.getList("rows", Map.class)).extracting(m -> m.get("region") + " " + m.get("year"))
                .containsExactly("乐昌市 2023", "邯郸市 2023", "锦州市 2022", "锦州市 2023", "锦州市 2024");
        // 锦州 2023: the 2023 report's target beside the 2024 report's first actual (初步核算: estimated)
        String y2023 = "rows.find { it.region == '锦州市' && it.year == 2023 }.";
        assertThat(r.getString(y2023 + "regionCode")).isEqualTo("210700");
        assertThat(r.getString(y2023 + "province")).isEqualTo("辽宁省");
        assertThat(r.getString(y2023 + "level")).isEqualTo("prefecture");
        assertThat(r.getDouble(y2023 + "target.value")).isEqualTo(6.0);
        assertThat(r.getString(y2023 + "target.qualifier")).isEqualTo("about");
        assertThat(r.getString(y2023 + "target.documentId")).isEqualTo(Fixture.JINZHOU_2023);
        assertThat(r.getString(y2023 + "target.quote")).isEqualTo("地区生产总值增长6%左右");
        assertThat(r.getDouble(y2023 + "actual.value")).isEqualTo(5.4);
        assertThat(r.getBoolean(y2023 + "actual.estimated")).isTrue();
        assertThat(r.getString(y2023 + "actual.documentId")).isEqualTo(Fixture.JINZHOU_2024);
        assertThat(r.getString(y2023 + "actual.quote")).isEqualTo("初步核算,地区生产总值增长5.4%");
        // the 2024 report came from a PDF: the page of the quote; the 2023 report is a text, without pages
        assertThat(r.getInt(y2023 + "actual.page")).isEqualTo(1);
        assertThat(r.getMap(y2023 + "target")).doesNotContainKeys("page", "ocr");
        assertThat(r.getDouble(y2023 + "gap")).isEqualTo(-0.6);
        assertThat(r.getString(y2023 + "gapUnit")).isEqualTo("百分点");
        assertThat(r.getString(y2023 + "status")).isEqualTo("missed");
        // 锦州 2022: no target in the corpus; 3.1 first (2023 report), restated as 3.2 by the 2024 report
        String y2022 = "rows.find { it.region == '锦州市' && it.year == 2022 }.";
        assertThat(r.getString(y2022 + "status")).isEqualTo("no_target");
        assertThat(r.getDouble(y2022 + "actual.value")).isEqualTo(3.1);
        assertThat(r.getString(y2022 + "actual.documentId")).isEqualTo(Fixture.JINZHOU_2023);
        assertThat(r.getDouble(y2022 + "revised.value")).isEqualTo(3.2);
        assertThat(r.getString(y2022 + "revised.documentId")).isEqualTo(Fixture.JINZHOU_2024);
        assertThat(r.getString(y2022 + "revised.quote")).isEqualTo("经核实,2022年地区生产总值增长3.2%");
        assertThat(r.getString("rows.find { it.region == '邯郸市' }.target.qualifier")).isEqualTo("above");
        assertThat(r.getString("rows.find { it.region == '邯郸市' }.status")).isEqualTo("no_actual");
        assertThat(r.getInt("summary.compared")).isEqualTo(1);
        assertThat(r.getInt("summary.revised")).isEqualTo(1);
        // the same rules as compare: its row for 2023 is the panel's
        JsonPath compare = get("/api/indicators/compare?indicator=gdp&period=2023");
        assertThat(compare.getDouble("rows.find { it.region == '锦州市' }.gap")).isEqualTo(r.getDouble(y2023 + "gap"));
        assertThat(compare.getString("rows.find { it.region == '锦州市' }.status")).isEqualTo(r.getString(y2023 + "status"));
    }

    @Test
    void thePanelReadsEachReportsFirstStatementPageByPage() throws IOException {
        List<Fact> onePage = indicators.panelFacts(FactFilter.none().withMeasures(List.of("growth_pct")), null, null);
        // gdp and cpi of 锦州, 邯郸, 乐昌: one fact per indicator, region, year, kind and report (the fragment has no region)
        assertThat(onePage).hasSize(10).allSatisfy(f -> assertThat(f.region()).isNotNull());
        List<Fact> cellByCell = indicators.panelFacts(FactFilter.none().withMeasures(List.of("growth_pct")), null, null, 1);
        assertThat(cellByCell).containsExactlyElementsOf(onePage);
        assertThat(indicators.panelFacts(FactFilter.none().withMeasures(List.of("growth_pct")), 2024, 2024, 1))
                .extracting(Fact::period).containsOnly(2024);
    }

    @Test
    void filtersAndTheYearRange() {
        assertThat(get("/api/indicators/panel?indicator=gdp&from=2023&to=2023").getList("rows.region"))
                .containsExactly("乐昌市", "邯郸市", "锦州市");
        assertThat(get("/api/indicators/panel?indicator=gdp&province=辽宁省&from=2023").getList("rows.year", Integer.class))
                .containsExactly(2023, 2024);
        assertThat(get("/api/indicators/panel?indicator=gdp&level=county_city").getList("rows.region"))
                .containsExactly("乐昌市");
        assertThat(get("/api/indicators/panel?indicator=gdp&measure=level").getList("rows")).isEmpty();
        // without indicator: every indicator with placed facts of the measure (the fragment's budget revenue has no region)
        assertThat(get("/api/indicators/panel").getList("indicators.id")).containsExactly("gdp", "cpi");
    }

    @Test
    void theWideShapeHasAColumnGroupPerIndicator() {
        JsonPath r = get("/api/indicators/panel?indicator=gdp,cpi&shape=wide&region=锦州市&from=2023&to=2023");
        assertThat(r.getList("rows")).hasSize(1);
        assertThat(r.getString("rows[0].indicators.gdp.status")).isEqualTo("missed");
        assertThat(r.getString("rows[0].indicators.cpi.status")).isEqualTo("met");
        assertThat(r.getDouble("rows[0].indicators.cpi.actual.value")).isEqualTo(0.3);

        Response csv = given().get("/api/indicators/panel?indicator=gdp&indicator=cpi&shape=wide&format=csv&bom=false");
        String[] lines = new String(csv.asByteArray(), StandardCharsets.UTF_8).split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        assertThat(header).startsWith("region", "region_code", "province", "level", "year", "gdp_unit", "gdp_target");
        assertThat(header).contains("cpi_target", "cpi_status");
        assertThat(header.indexOf("gdp_target")).isLessThan(header.indexOf("cpi_target"));
        assertThat(lines).hasSize(6);
    }

    @Test
    void csvWithAByteOrderMarkForExcelAndWithoutForStataChineseIntact() {
        Response r = given().get("/api/indicators/panel?indicator=gdp&format=csv&from=2022&to=2024");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"zhibiao-panel-gdp-growth_pct-2022-2024-long.csv\"");
        byte[] body = r.asByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("indicator,indicator_zh,measure,region,region_code,province,level,year,unit,target,");
        assertThat(lines).hasSize(6);
        // each quote with its page: none for the text of 2023, page 1 of the 2024 PDF
        assertThat(lines[4]).startsWith("gdp,地区生产总值,growth_pct,锦州市,210700,辽宁省,prefecture,2023,%,6,,about,"
                + Fixture.JINZHOU_2023 + ",地区生产总值增长6%左右,,5.4,true,2024," + Fixture.JINZHOU_2024
                + ",\"初步核算,地区生产总值增长5.4%\",1,");
        assertThat(lines[4]).endsWith(",-0.6,百分点,missed,,");
        assertThat(lines[3]).contains(",3.1,false,2023,", ",3.2,2024,", "\"经核实,2022年地区生产总值增长3.2%\",2,", "no_target");

        byte[] stata = given().get("/api/indicators/panel?indicator=gdp&format=csv&from=2022&to=2024&bom=false").asByteArray();
        assertThat(new String(stata, StandardCharsets.UTF_8)).startsWith("indicator,")
                .isEqualTo(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void xlsxOpensWithItsHeadersRowsAndAReadmeThatExplainsEveryColumn() throws IOException {
        Response r = given().get("/api/indicators/panel?indicator=gdp&format=xlsx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.header("Content-Disposition")).contains("zhibiao-panel-gdp-growth_pct-all-years-long.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            Sheet panel = wb.getSheetAt(0);
            assertThat(panel.getSheetName()).isEqualTo("panel");
            List<String> header = new ArrayList<>();
            panel.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).startsWith("indicator", "indicator_zh", "measure", "region", "region_code", "province");
            assertThat(header).contains("target", "actual", "actual_estimated", "revised", "gap", "status", "target_quote",
                    "target_page", "actual_page", "revised_page");
            assertThat(header.indexOf("actual_page")).isEqualTo(header.indexOf("actual_quote") + 1);
            assertThat(panel.getLastRowNum()).isEqualTo(5);
            Row jinzhou2023 = panel.getRow(4);
            assertThat(jinzhou2023.getCell(header.indexOf("region")).getStringCellValue()).isEqualTo("锦州市");
            assertThat(jinzhou2023.getCell(header.indexOf("year")).getNumericCellValue()).isEqualTo(2023);
            assertThat(jinzhou2023.getCell(header.indexOf("target")).getNumericCellValue()).isEqualTo(6.0);
            assertThat(jinzhou2023.getCell(header.indexOf("actual")).getNumericCellValue()).isEqualTo(5.4);
            assertThat(jinzhou2023.getCell(header.indexOf("actual_estimated")).getBooleanCellValue()).isTrue();
            assertThat(jinzhou2023.getCell(header.indexOf("actual_quote")).getStringCellValue()).isEqualTo("初步核算,地区生产总值增长5.4%");
            assertThat(jinzhou2023.getCell(header.indexOf("actual_page")).getNumericCellValue()).isEqualTo(1);
            assertThat(jinzhou2023.getCell(header.indexOf("gap_unit")).getStringCellValue()).isEqualTo("百分点");
            assertThat(jinzhou2023.getCell(header.indexOf("status")).getStringCellValue()).isEqualTo("missed");

            Sheet readme = wb.getSheet("README");
            DataFormatter f = new DataFormatter();
            List<String> explained = new ArrayList<>();
            String targetZh = null;
            for (Row row : readme) {
                if (row.getCell(0) != null && row.getCell(1) != null && row.getCell(2) != null) {
                    explained.add(f.formatCellValue(row.getCell(0)));
                    if (f.formatCellValue(row.getCell(0)).equals("target")) {
                        targetZh = f.formatCellValue(row.getCell(1));
                    }
                }
            }
            assertThat(explained).containsAll(header);
            assertThat(targetZh).contains("年度目标");
        }
    }

    @Test
    void unplacedFactsAreListedWithWhy() {
        JsonPath r = get("/api/indicators?unplaced=true");
        assertThat(r.getLong("total")).isEqualTo(2);
        assertThat(r.getList("items.why", List.class)).containsExactly(List.of("no_period"), List.of("no_region"));
        assertThat(r.getString("items[0].region")).isEqualTo("邯郸市");
        assertThat(r.getString("items[0].quote")).isEqualTo("城镇新增就业3.2万人");
        assertThat(r.getString("items[0].documentId")).isEqualTo(Fixture.HANDAN_2023);
        assertThat(r.getString("items[1].quote")).isEqualTo("一般公共预算收入增长8.2%");
        assertThat(r.getString("items[1].documentId")).isEqualTo(Fixture.FRAGMENT_2023);
        assertThat(get("/api/indicators?unplaced=true&indicator=budget_revenue").getLong("total")).isEqualTo(1);
        assertThat(get("/api/indicators?unplaced=false").getLong("total")).isEqualTo(12);
        given().get("/api/indicators?unplaced=maybe").then().statusCode(400).body("reason", containsString("unplaced"));
    }

    @Test
    void unknownParametersAndBadValuesAre400sWithReasons() {
        given().get("/api/indicators/panel?indicator=gdp&period=2023").then().statusCode(400)
                .body("reason", containsString("unknown parameter period"));
        given().get("/api/indicators/panel?indicater=gdp").then().statusCode(400).body("reason", containsString("indicater"));
        given().get("/api/indicators/panel?indicator=gdp,fiscal_revenue").then().statusCode(400)
                .body("reason", containsString("fiscal_revenue"));
        given().get("/api/indicators/panel?from=2024&to=2023").then().statusCode(400).body("reason", containsString("after"));
        given().get("/api/indicators/panel?from=twenty").then().statusCode(400).body("reason", containsString("from"));
        given().get("/api/indicators/panel?to=3000").then().statusCode(400).body("reason", containsString("2100"));
        given().get("/api/indicators/panel?format=pdf").then().statusCode(400).body("reason", containsString("xlsx"));
        given().get("/api/indicators/panel?shape=tall").then().statusCode(400).body("reason", containsString("wide"));
        given().get("/api/indicators/panel?measure=speed").then().statusCode(400).body("reason", containsString("growth_pct"));
        given().get("/api/indicators/panel?level=city").then().statusCode(400).body("reason", containsString("prefecture"));
        given().get("/api/indicators/panel?bom=false").then().statusCode(400).body("reason", containsString("format=csv"));
        given().get("/api/indicators/panel?format=csv&bom=perhaps").then().statusCode(400).body("reason", containsString("bom"));
        given().get("/api/indicators/panel?from=2023&from=2024").then().statusCode(400).body("reason", containsString("once"));
    }
}
