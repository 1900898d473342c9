package io.zhibiao.ingest.domain.split;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTitleTest {
    @Test
    void workReportTitles() {
        ReportTitle t = ReportTitle.parse("2023年彬州市政府工作报告").orElseThrow();
        assertThat(t.kind()).isEqualTo(ReportTitle.Kind.WORK_REPORT);
        assertThat(t.year()).isEqualTo(2023);
        assertThat(t.issuer()).isEqualTo("彬州市");

        assertThat(ReportTitle.parse("2023年泸州市人民政府工作报告").orElseThrow().issuer()).isEqualTo("泸州市");
        assertThat(ReportTitle.parse("广东省政府工作报告").orElseThrow().year()).isNull();
        assertThat(ReportTitle.parse("政府工作报告").orElseThrow().issuer()).isEmpty();
        ReportTitle written = ReportTitle.parse("二〇二四年锦州市政府工作报告").orElseThrow();
        assertThat(written.year()).isEqualTo(2024);
        assertThat(written.issuer()).isEqualTo("锦州市");
    }

    @Test
    void planTitles() {
        ReportTitle t = ReportTitle.parse("(辽宁省)锦州市凌河区国民经济和社会发展十四五规划(2022年更新)").orElseThrow();
        assertThat(t.kind()).isEqualTo(ReportTitle.Kind.FIVE_YEAR_PLAN);
        assertThat(t.scope()).isEqualTo("辽宁省");
        assertThat(t.issuer()).isEqualTo("锦州市凌河区");
        assertThat(t.updateYear()).isEqualTo(2022);
        assertThat(t.period()).isEqualTo("十四五");

        ReportTitle full = ReportTitle.parse("锦州市凌河区国民经济和社会发展第十四个五年规划和2035年远景目标纲要").orElseThrow();
        assertThat(full.period()).isEqualTo("十四五");
        assertThat(full.year()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "第二节 “十三五”规划纲要实施情况",
            "第十四个五年规划和二〇三五年 远景目标纲要",
            "锦州市凌河区国民经济和社会发展",
            "现在,我代表金华市人民政府,向大会作政府工作报告,请予审议,并请市政协委员和其他列席人员提出意见。",
            "一、2022年工作回顾",
            "2022年政府工作报告确定的主要目标任务全面完成"
    })
    void headingsAndSentencesAreNoTitles(String line) {
        assertThat(ReportTitle.parse(line)).isEmpty();
    }

    @Test
    void fiveYearPeriodsStartInTheirYear() {
        assertThat(ReportTitle.periodStart("十一五")).isEqualTo(2006);
        assertThat(ReportTitle.periodStart("十三五")).isEqualTo(2016);
        assertThat(ReportTitle.periodStart("十四五")).isEqualTo(2021);
        assertThat(ReportTitle.periodStart("十五五")).isEqualTo(2026);
        assertThat(ReportTitle.periodStart(null)).isNull();
    }
}
