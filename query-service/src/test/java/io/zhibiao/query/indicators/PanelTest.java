package io.zhibiao.query.indicators;

import io.zhibiao.query.indicators.TargetActualComparison.Status;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel on facts as reports state them: targets, first and revised actuals, gaps, the files. */
class PanelTest {

    /** A fact of 锦州市 (210700) unless said otherwise: growth in %, from the report {@code doc} of {@code reportYear}. */
    static Fact fact(String doc, int reportYear, String indicator, String kind, Integer period, double value,
                     Double valueMax, String qualifier, boolean estimated, String quote, int start) {
        return new Fact(doc + ":f" + start, doc, doc + ":p3", "fixture.txt", "锦州市", "210700", "辽宁省", "prefecture",
                "work_report", reportYear, reportYear + "年锦州市政府工作报告", indicator, kind, estimated, period,
                "growth_pct", value, valueMax, "%", qualifier, quote, start, start + quote.length());
    }

    static Fact target(String doc, int reportYear, String indicator, int period, double value, String qualifier, String quote) {
        return fact(doc, reportYear, indicator, "target", period, value, null, qualifier, false, quote, 900);
    }

    static Fact actual(String doc, int reportYear, String indicator, int period, double value, boolean estimated, String quote) {
        return fact(doc, reportYear, indicator, "actual", period, value, null, null, estimated, quote, 300);
    }

    static Fact in(Fact f, String region, String code) {
        return new Fact(f.id(), f.documentId(), f.passageId(), f.source(), region, code, f.province(), f.level(),
                f.docType(), f.reportYear(), f.title(), f.indicator(), f.kind(), f.estimated(), f.period(), f.measure(),
                f.value(), f.valueMax(), f.unit(), f.qualifier(), f.quote(), f.start(), f.end());
    }

    static Panel.Table panel(List<Fact> facts) {
        return Panel.of(List.of(), "growth_pct", null, null, facts);
    }

    static Panel.Row only(Panel.Table t) {
        assertThat(t.rows()).hasSize(1);
        return t.rows().get(0);
    }

    final Fact target2023 = target("jz2023", 2023, "gdp", 2023, 6, "about", "地区生产总值增长6%左右");
    final Fact estimated2023 = actual("jz2024", 2024, "gdp", 2023, 5.4, true, "预计地区生产总值增长5.4%");
    final Fact revised2023 = actual("jz2025", 2025, "gdp", 2023, 5.5, false, "2023年地区生产总值增长5.5%");

    @Test
    void aYearsTargetBesideTheFirstReportedActualMarkedEstimated() {
        Panel.Row r = only(panel(List.of(target2023, estimated2023)));
        assertThat(r.region()).isEqualTo("锦州市");
        assertThat(r.regionCode()).isEqualTo("210700");
        assertThat(r.province()).isEqualTo("辽宁省");
        assertThat(r.level()).isEqualTo("prefecture");
        assertThat(r.indicatorZh()).isEqualTo("地区生产总值");
        assertThat(r.year()).isEqualTo(2023);
        assertThat(r.target().quote()).isEqualTo("地区生产总值增长6%左右");
        assertThat(r.target().documentId()).isEqualTo("jz2023");
        assertThat(r.target().qualifier()).isEqualTo("about");
        assertThat(r.actual().documentId()).isEqualTo("jz2024");
        assertThat(r.actual().estimated()).isTrue();
        assertThat(r.revised()).isNull();
        assertThat(r.gap()).isEqualTo(-0.6);
        assertThat(r.gapUnit()).isEqualTo("百分点");
        assertThat(r.status()).isEqualTo(Status.missed);
        assertThat(r.revisedStatus()).isNull();
    }

    @Test
    void aLaterReportThatRestatesTheActualWithAnotherValueIsARevisionAndBothAreKept() {
        Fact interim = actual("jz2025b", 2025, "gdp", 2023, 5.5, false, "上年增长5.5%");
        Panel.Row r = only(panel(List.of(revised2023, target2023, estimated2023, interim)));
        assertThat(r.actual().value()).isEqualTo(5.4);
        assertThat(r.actual().estimated()).isTrue();
        assertThat(r.revised().value()).isEqualTo(5.5);
        assertThat(r.revised().documentId()).as("the first statement of the latest report").isEqualTo("jz2025");
        assertThat(r.revised().quote()).isEqualTo("2023年地区生产总值增长5.5%");
        assertThat(r.gap()).as("the gap is the first actual's").isEqualTo(-0.6);
        assertThat(r.revisedGap()).isEqualTo(-0.5);
        assertThat(r.revisedStatus()).isEqualTo(Status.missed);
        assertThat(panel(List.of(revised2023, target2023, estimated2023)).summary().revised()).isEqualTo(1);
    }

    @Test
    void aRestatementWithTheSameValueIsNoRevision() {
        Fact confirmed = actual("jz2025", 2025, "gdp", 2023, 5.4, false, "2023年增长5.4%");
        assertThat(only(panel(List.of(target2023, estimated2023, confirmed))).revised()).isNull();
    }

    @Test
    void aRevisionCanTurnMissedIntoMet() {
        Fact t = target("jz2023", 2023, "gdp", 2023, 5.5, null, "地区生产总值增长5.5%");
        Panel.Row r = only(panel(List.of(t, estimated2023, revised2023)));
        assertThat(r.status()).isEqualTo(Status.missed);
        assertThat(r.revisedStatus()).isEqualTo(Status.met);
        assertThat(r.revisedGap()).isEqualTo(0.0);
    }

    @Test
    void aRangeIsMetFromItsLowerBoundAndKeepsItsUpperBound() {
        Fact range = fact("jz2023", 2023, "gdp", "target", 2023, 6.5, 7.0, "range", false, "地区生产总值增长6.5%—7%", 900);
        Fact a = actual("jz2024", 2024, "gdp", 2023, 6.6, false, "地区生产总值增长6.6%");
        Panel.Row r = only(panel(List.of(range, a)));
        assertThat(r.target().value()).isEqualTo(6.5);
        assertThat(r.target().valueMax()).isEqualTo(7.0);
        assertThat(r.status()).isEqualTo(Status.met);
        assertThat(r.gap()).isEqualTo(0.1);
    }

    @Test
    void ceilingsAreMetAtOrBelow() {
        // 居民消费价格涨幅3%左右: prices are a ceiling, 0.3 meets it
        Panel.Row cpi = only(panel(List.of(target("jz2023", 2023, "cpi", 2023, 3, "about", "居民消费价格涨幅3%左右"),
                actual("jz2024", 2024, "cpi", 2023, 0.3, false, "居民消费价格上涨0.3%"))));
        assertThat(cpi.status()).isEqualTo(Status.met);
        assertThat(cpi.gap()).isEqualTo(-2.7);
        // 城镇调查失业率控制在5.5%以内: 5.6 misses it
        Panel.Row jobless = only(panel(List.of(target("jz2023", 2023, "unemployment_rate", 2023, 5.5, "at_most", "城镇调查失业率控制在5.5%以内"),
                actual("jz2024", 2024, "unemployment_rate", 2023, 5.6, false, "城镇调查失业率5.6%"))));
        assertThat(jobless.status()).isEqualTo(Status.missed);
        // a range ceiling is met up to its upper bound: 不超过3%—3.5%
        Fact ceiling = fact("jz2023", 2023, "cpi", "target", 2023, 3, 3.5, "range", false, "居民消费价格涨幅3%—3.5%", 900);
        assertThat(only(panel(List.of(ceiling, actual("jz2024", 2024, "cpi", 2023, 3.4, false, "上涨3.4%")))).status())
                .isEqualTo(Status.met);
    }

    @Test
    void aYearWithoutTargetOrWithoutActualIsStillARow() {
        Fact t2024 = target("jz2024", 2024, "gdp", 2024, 6.5, "about", "地区生产总值增长6.5%左右");
        Fact a2022 = actual("jz2023", 2023, "gdp", 2022, 3.1, false, "地区生产总值增长3.1%");
        Panel.Table t = panel(List.of(t2024, a2022));
        assertThat(t.rows()).extracting(Panel.Row::year).containsExactly(2022, 2024);
        assertThat(t.rows().get(0).status()).isEqualTo(Status.no_target);
        assertThat(t.rows().get(0).target()).isNull();
        assertThat(t.rows().get(1).status()).isEqualTo(Status.no_actual);
        assertThat(t.rows().get(1).actual()).isNull();
        assertThat(t.summary().noTarget()).isEqualTo(1);
        assertThat(t.summary().noActual()).isEqualTo(1);
        assertThat(t.summary().compared()).isZero();
    }

    @Test
    void onlyThatYearsReportSetsItsTargetAndOnlyALaterReportItsActual() {
        // a 2024 figure in the 2023 report is no 2024 target (a plan goal at most); a 2023 actual in the 2023 report is no outcome
        Fact early = target("jz2023", 2023, "gdp", 2024, 7, null, "到2024年增长7%");
        Fact sameYear = actual("jz2023", 2023, "gdp", 2023, 5, false, "一季度增长5%");
        assertThat(panel(List.of(early, sameYear)).rows()).isEmpty();
        // with the next year's report missing, the earliest later one gives the first actual
        Fact late = actual("jz2025", 2025, "gdp", 2023, 5.5, false, "2023年增长5.5%");
        Panel.Row r = only(panel(List.of(target2023, late)));
        assertThat(r.actual().reportYear()).isEqualTo(2025);
        assertThat(r.revised()).isNull();
    }

    @Test
    void theFirstStatementOfAReportStands() {
        Fact headline = target("jz2023", 2023, "gdp", 2023, 6, "about", "地区生产总值增长6%左右");
        Fact later = fact("jz2023", 2023, "gdp", "target", 2023, 6.5, null, "above", false, "力争增长6.5%以上", 1200);
        assertThat(only(panel(List.of(later, headline))).target().quote()).isEqualTo("地区生产总值增长6%左右");
    }

    @Test
    void unplacedFactsOtherMeasuresAndYearsOutsideTheRangeAreLeftOut() {
        Fact noRegion = in(target2023, null, null);
        Fact noPeriod = fact("jz2024", 2024, "gdp", "actual", null, 5.4, null, null, false, "增长5.4%", 10);
        Fact level = new Fact("x", "jz2024", "jz2024:p1", "f", "锦州市", "210700", "辽宁省", "prefecture", "work_report",
                2024, "t", "gdp", "actual", false, 2023, "level", 1200, null, "亿元", null, "地区生产总值1200亿元", 0, 10);
        assertThat(panel(List.of(noRegion, noPeriod, level)).rows()).isEmpty();
        Fact t2024 = target("jz2024", 2024, "gdp", 2024, 6.5, "about", "地区生产总值增长6.5%左右");
        assertThat(Panel.of(List.of(), "growth_pct", 2024, 2024, List.of(target2023, estimated2023, t2024)).rows())
                .extracting(Panel.Row::year).containsExactly(2024);
        assertThat(Panel.of(List.of("cpi"), "growth_pct", null, null, List.of(target2023)).rows()).isEmpty();
    }

    @Test
    void regionsThenYearsInTheIndicatorsOrder() {
        Fact handan = in(target("hd2023", 2023, "gdp", 2023, 6.5, "above", "生产总值增长6.5%以上"), "邯郸市", "130400");
        Fact cpi = target("jz2023", 2023, "cpi", 2023, 3, "about", "居民消费价格涨幅3%左右");
        Panel.Table t = Panel.of(List.of("cpi", "gdp"), "growth_pct", null, null, List.of(target2023, handan, cpi, estimated2023));
        assertThat(t.rows()).extracting(r -> r.indicator() + " " + r.region())
                .containsExactly("cpi 锦州市", "gdp 邯郸市", "gdp 锦州市");
        assertThat(t.indicators()).extracting(Panel.IndicatorInfo::id).containsExactly("cpi", "gdp");
        assertThat(t.indicators().get(0).lowerIsBetter()).isTrue();
        assertThat(t.summary().regions()).isEqualTo(2);
        assertThat(t.summary().estimated()).isEqualTo(1);
    }

    @Test
    void theWideShapeHasOneRowPerRegionAndYearAndAColumnGroupPerIndicator() {
        Fact cpi = target("jz2023", 2023, "cpi", 2023, 3, "about", "居民消费价格涨幅3%左右");
        Panel.Wide w = Panel.wide(Panel.of(List.of("gdp", "cpi"), "growth_pct", null, null, List.of(target2023, cpi, estimated2023)));
        assertThat(w.rows()).hasSize(1);
        assertThat(w.rows().get(0).indicators()).containsOnlyKeys("gdp", "cpi");
        assertThat(w.rows().get(0).indicators().get("gdp").status()).isEqualTo(Status.missed);
        PanelSheet sheet = PanelSheet.wideShape(w);
        List<String> names = sheet.columns().stream().map(PanelSheet.Column::name).toList();
        assertThat(names).startsWith("region", "region_code", "province", "level", "year", "gdp_unit", "gdp_target");
        assertThat(names).contains("cpi_target", "cpi_status", "gdp_revised_quote");
        assertThat(sheet.rows().get(0).get(names.indexOf("gdp_actual"))).isEqualTo(5.4);
        assertThat(sheet.rows().get(0).get(names.indexOf("cpi_actual"))).isNull();
        assertThat(sheet.columns().get(names.indexOf("gdp_target")).zh()).startsWith("地区生产总值：");
    }

    @Test
    void csvWithAndWithoutByteOrderMarkChineseIntact() {
        PanelSheet sheet = PanelSheet.longShape(panel(List.of(target2023, estimated2023, revised2023)));
        byte[] excel = sheet.csv(true);
        assertThat(Arrays.copyOf(excel, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        byte[] stata = sheet.csv(false);
        assertThat(stata[0]).isEqualTo((byte) 'i');
        String[] lines = new String(stata, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("indicator,indicator_zh,measure,region,region_code,province,level,year,unit,target,"
                + "target_max,target_qualifier,target_document_id,target_quote,target_page,actual,actual_estimated,"
                + "actual_report_year,actual_document_id,actual_quote,actual_page,revised,revised_report_year,"
                + "revised_document_id,revised_quote,revised_page,gap,gap_unit,status,revised_gap,revised_status");
        // texts: no pages
        assertThat(lines[1]).isEqualTo("gdp,地区生产总值,growth_pct,锦州市,210700,辽宁省,prefecture,2023,%,6,,about,jz2023,"
                + "地区生产总值增长6%左右,,5.4,true,2024,jz2024,预计地区生产总值增长5.4%,,5.5,2025,jz2025,2023年地区生产总值增长5.5%,,"
                + "-0.6,百分点,missed,-0.5,missed");
        assertThat(new String(excel, 3, excel.length - 3, StandardCharsets.UTF_8)).isEqualTo(new String(stata, StandardCharsets.UTF_8));
    }

    @Test
    void aNumberFromAPagedReportHasThePageOfItsQuoteInTheRowAndTheFiles() {
        Fact f = revised2023;
        Fact onPage12 = new Fact(f.id(), f.documentId(), f.passageId(), f.source(), f.region(), f.regionCode(),
                f.province(), f.level(), f.docType(), f.reportYear(), f.title(), f.indicator(), f.kind(), f.estimated(),
                f.period(), f.measure(), f.value(), f.valueMax(), f.unit(), f.qualifier(), f.quote(), f.start(), f.end(),
                12, true);
        Panel.Row r = only(panel(List.of(target2023, estimated2023, onPage12)));
        assertThat(r.revised().page()).isEqualTo(12);
        assertThat(r.revised().ocr()).isTrue();
        assertThat(r.target().page()).isNull();
        PanelSheet sheet = PanelSheet.longShape(panel(List.of(target2023, estimated2023, onPage12)));
        List<String> names = sheet.columns().stream().map(PanelSheet.Column::name).toList();
        assertThat(sheet.rows().get(0).get(names.indexOf("revised_page"))).isEqualTo(12);
        assertThat(sheet.rows().get(0).get(names.indexOf("actual_page"))).isNull();
        // ocr is said only when true
        assertThat(new Fact(f.id(), f.documentId(), f.passageId(), f.source(), f.region(), f.regionCode(), f.province(),
                f.level(), f.docType(), f.reportYear(), f.title(), f.indicator(), f.kind(), f.estimated(), f.period(),
                f.measure(), f.value(), f.valueMax(), f.unit(), f.qualifier(), f.quote(), f.start(), f.end(), 3, false)
                .ocr()).isNull();
    }

    @Test
    void theWorkbookHasThePanelAndAReadmeThatExplainsEveryColumn() throws IOException {
        PanelSheet sheet = PanelSheet.longShape(panel(List.of(target2023, estimated2023, revised2023)));
        byte[] xlsx = PanelWorkbook.write(sheet, List.of("indicator=gdp"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet data = wb.getSheet("panel");
            assertThat(wb.getSheetIndex("panel")).isZero();
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("indicator");
            assertThat(data.getRow(1).getCell(3).getStringCellValue()).isEqualTo("锦州市");
            int target = sheet.columns().stream().map(PanelSheet.Column::name).toList().indexOf("target");
            assertThat(data.getRow(1).getCell(target).getNumericCellValue()).isEqualTo(6.0);
            int estimated = sheet.columns().stream().map(PanelSheet.Column::name).toList().indexOf("actual_estimated");
            assertThat(data.getRow(1).getCell(estimated).getBooleanCellValue()).isTrue();
            Sheet readme = wb.getSheet("README");
            DataFormatter f = new DataFormatter();
            List<String> described = new ArrayList<>();
            for (var row : readme) {
                if (row.getCell(0) != null && row.getCell(1) != null && row.getCell(2) != null) {
                    described.add(f.formatCellValue(row.getCell(0)));
                }
            }
            assertThat(described).containsAll(sheet.columns().stream().map(PanelSheet.Column::name).toList());
            assertThat(f.formatCellValue(readme.getRow(2).getCell(1))).isEqualTo("indicator=gdp");
        }
    }
}
