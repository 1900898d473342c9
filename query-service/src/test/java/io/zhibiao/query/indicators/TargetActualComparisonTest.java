package io.zhibiao.query.indicators;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison, the series and the CSV on facts as the sample reports state them. */
class TargetActualComparisonTest {

    static Fact fact(String doc, int reportYear, String region, String indicator, String kind, int period, double value,
                     String qualifier, String quote, int start) {
        return new Fact(doc + ":f" + start, doc, doc + ":p3", "000.txt", region, null, "辽宁省", "prefecture", "work_report",
                reportYear, reportYear + "年" + region + "政府工作报告", indicator, kind, false, period, "growth_pct", value,
                null, "%", qualifier, quote, start, start + quote.length());
    }

    @Test
    void aTargetBesideTheNextYearsActual() {
        Fact target = fact("jz2023", 2023, "锦州市", "gdp", "target", 2023, 6, "about", "地区生产总值增长6%左右", 900);
        Fact laterMention = fact("jz2023", 2023, "锦州市", "gdp", "target", 2023, 6.5, "above", "力争增长6.5%以上", 1200);
        Fact actual = fact("jz2024", 2024, "锦州市", "gdp", "actual", 2023, 5.4, null, "地区生产总值增长5.4%", 342);
        Fact alone = fact("sy2023", 2023, "沈阳市", "gdp", "target", 2023, 6, null, "地区生产总值增长6%", 10);
        var t = TargetActualComparison.compare("gdp", 2023, "growth_pct", List.of(target, laterMention, alone), List.of(actual));
        assertThat(t.rows()).hasSize(2);
        var jinzhou = t.rows().get(0);
        assertThat(jinzhou.region()).isEqualTo("锦州市");
        assertThat(jinzhou.target().quote()).as("the first statement stands").isEqualTo("地区生产总值增长6%左右");
        assertThat(jinzhou.targetCandidates()).isEqualTo(2);
        assertThat(jinzhou.actual().documentId()).isEqualTo("jz2024");
        assertThat(jinzhou.gap()).isEqualTo(-0.6);
        assertThat(jinzhou.gapUnit()).isEqualTo("百分点");
        assertThat(jinzhou.status()).isEqualTo(TargetActualComparison.Status.missed);
        assertThat(t.rows().get(1).status()).isEqualTo(TargetActualComparison.Status.no_actual);
        assertThat(t.summary().missed()).isEqualTo(1);
        assertThat(t.summary().noActual()).isEqualTo(1);
    }

    @Test
    void ceilingsAndFallsAreMetAtOrBelow() {
        Fact cpiTarget = fact("a", 2023, "锦州市", "cpi", "target", 2023, 3, "about", "居民消费价格涨幅3%左右", 1);
        Fact cpiActual = fact("b", 2024, "锦州市", "cpi", "actual", 2023, 0.3, null, "居民消费价格上涨0.3%", 1);
        assertThat(TargetActualComparison.compare("cpi", 2023, "growth_pct", List.of(cpiTarget), List.of(cpiActual))
                .rows().get(0).status()).isEqualTo(TargetActualComparison.Status.met);
        // 单位地区生产总值能耗下降3%: a fall of 4.1% meets it
        Fact energyTarget = fact("a", 2023, "锦州市", "energy_intensity", "target", 2023, -3, null, "单位地区生产总值能耗下降3%", 1);
        Fact energyActual = fact("b", 2024, "锦州市", "energy_intensity", "actual", 2023, -4.1, null, "单位地区生产总值能耗下降4.1%", 1);
        assertThat(TargetActualComparison.compare("energy_intensity", 2023, "growth_pct", List.of(energyTarget), List.of(energyActual))
                .rows().get(0).status()).isEqualTo(TargetActualComparison.Status.met);
        // 城镇登记失业率控制在4.5%以内: a ceiling by its qualifier
        Fact jobsTarget = fact("a", 2023, "锦州市", "gdp", "target", 2023, 4.5, "at_most", "控制在4.5%以内", 1);
        Fact jobsActual = fact("b", 2024, "锦州市", "gdp", "actual", 2023, 4.6, null, "4.6%", 1);
        var row = TargetActualComparison.compare("gdp", 2023, "growth_pct", List.of(jobsTarget), List.of(jobsActual)).rows().get(0);
        assertThat(row.status()).isEqualTo(TargetActualComparison.Status.missed);
        assertThat(row.gap()).isEqualTo(0.1);
    }

    @Test
    void aSeriesTakesEachYearsTargetFromItsReportAndTheActualFromTheNext() {
        Fact t2023 = fact("jz2023", 2023, "锦州市", "gdp", "target", 2023, 6, "about", "地区生产总值增长6%左右", 900);
        Fact a2023early = fact("jz2024", 2024, "锦州市", "gdp", "actual", 2023, 5.4, null, "地区生产总值增长5.4%", 342);
        Fact a2023late = fact("jz2025", 2025, "锦州市", "gdp", "actual", 2023, 5.5, null, "2023年增长5.5%", 50);
        Fact t2024 = fact("jz2024", 2024, "锦州市", "gdp", "target", 2024, 6.5, null, "地区生产总值增长6.5%", 7455);
        var s = RegionSeries.of("锦州市", "gdp", List.of(t2024, a2023late, t2023, a2023early));
        assertThat(s.label().zh()).isEqualTo("地区生产总值");
        var points = s.measures().get(0).points();
        assertThat(points).extracting(RegionSeries.Point::period).containsExactly(2023, 2024);
        assertThat(points.get(0).actual().documentId()).isEqualTo("jz2024");
        assertThat(points.get(0).target().quote()).isEqualTo("地区生产总值增长6%左右");
        assertThat(points.get(0).gap()).isEqualTo(-0.6);
        assertThat(points.get(1).actual()).isNull();
        assertThat(s.measures().get(0).unit()).isEqualTo("%");
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndDefusesFormulas() {
        Fact f = fact("jz2024", 2024, "锦州市", "gdp", "actual", 2023, 5.4, null, "初步核算,地区生产总值增长\"5.4%\"", 13);
        String csv = new String(CsvExport.write(List.of(f)), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFregion,province,");
        assertThat(csv).contains(",\"初步核算,地区生产总值增长\"\"5.4%\"\"\",jz2024,");
        assertThat(CsvExport.text("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(CsvExport.number(-3.0)).isEqualTo("-3");
        assertThat(CsvExport.number(1000.24)).isEqualTo("1000.24");
    }
}
