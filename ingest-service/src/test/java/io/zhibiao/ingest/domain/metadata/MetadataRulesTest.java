package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.region.RegionResolver;
import io.zhibiao.ingest.domain.split.BundleSplitter;
import io.zhibiao.ingest.domain.split.ReportTitle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataRulesTest {
    private final MetadataDetector detector = new MetadataDetector(RegionResolver.standard());

    private ReportMetadata detect(RawReport.Hints hints, String... lines) {
        BundleSplitter.Segment segment = new BundleSplitter().split(List.of(lines)).get(0);
        return detector.detect(segment, new MetadataDetector.PageContext("https://example.gov.cn/r", "r.txt", hints, null, null));
    }

    @Test
    void speakerLines() {
        assertThat(SpeakerLine.parse("锦州市人民政府市长 王心宇"))
                .contains(new SpeakerLine("锦州市人民政府", "市长", "王心宇"));
        assertThat(SpeakerLine.parse("——2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强"))
                .contains(new SpeakerLine("国务院", "总理", "李强"));
        assertThat(SpeakerLine.parse("代市长 张三")).contains(new SpeakerLine("", "代市长", "张三"));
        assertThat(SpeakerLine.parse("现在,我代表市政府向大会报告工作,请予审议,并请市政协各位委员提出意见。")).isEmpty();
        assertThat(new SpeakerLine("沈阳市人民政府", "市长", "吕志成").display()).isEqualTo("沈阳市人民政府市长 吕志成");
    }

    @Test
    void documentKinds() {
        assertThat(DocumentKind.of(ReportTitle.parse("2023年彬州市政府工作报告"), "")).isEqualTo(DocumentKind.WORK_REPORT);
        assertThat(DocumentKind.of(Optional.empty(), "沈阳市人民政府市长 吕志成\n各位代表:\n现在,我代表沈阳市人民政府,向大会报告工作,请予审议"))
                .isEqualTo(DocumentKind.WORK_REPORT);
        assertThat(DocumentKind.of(Optional.empty(), "在此,我代表市人民政府,向全市人民,向全体人大代表、政协委员…表示衷心的感谢!"))
                .isEqualTo(DocumentKind.WORK_REPORT);
        assertThat(DocumentKind.of(Optional.empty(), "锦州市凌河区国民经济和社会发展\n第十四个五年规划和二〇三五年 远景目标纲要"))
                .isEqualTo(DocumentKind.FIVE_YEAR_PLAN);
        assertThat(DocumentKind.of(Optional.empty(), "各位代表:\n今年是实施“十四五”规划纲要的关键一年。\n一、2023年工作回顾"))
                .isEqualTo(DocumentKind.WORK_REPORT);
        assertThat(DocumentKind.of(Optional.empty(), "锦州市召开全市经济工作会议。")).isEqualTo(DocumentKind.OTHER);
    }

    @Test
    void yearsOfAWorkReport() {
        List<String> shenyang = List.of("沈阳市人民政府市长 吕志成", "各位代表:", "一、2023年工作回顾", "二、2024年重点工作安排");
        assertThat(ReportYears.of(DocumentKind.WORK_REPORT, Optional.empty(), shenyang, null, null))
                .extracting(ReportYears::year, ReportYears::reviewedYear).containsExactly(2024, 2023);
        List<String> session = List.of("政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强");
        assertThat(ReportYears.of(DocumentKind.WORK_REPORT, Optional.empty(), session, null, null).year()).isEqualTo(2024);
        List<String> handan = List.of("各位代表:", "回顾2022年工作", "做好2023年工作");
        assertThat(ReportYears.of(DocumentKind.WORK_REPORT, Optional.empty(), handan, null, null))
                .extracting(ReportYears::year, ReportYears::reviewedYear).containsExactly(2023, 2022);
    }

    @Test
    void aReviewThatComparesWith2022ReviewsALaterYear() {
        List<String> fragment = List.of("(三)持续深化改革。行政机关负责人出庭应诉率由2022年的40%提高到100%,进一步提升。");
        assertThat(ReportYears.of(DocumentKind.WORK_REPORT, Optional.empty(), fragment, null, null))
                .extracting(ReportYears::year, ReportYears::reviewedYear).containsExactly(2024, 2023);
        // the title and the hint outrank that guess
        assertThat(ReportYears.of(DocumentKind.WORK_REPORT, Optional.empty(), fragment, 2025, null).year()).isEqualTo(2025);
    }

    @Test
    void yearsOfAPlan() {
        Optional<ReportTitle> updated = ReportTitle.parse("(辽宁省)锦州市凌河区国民经济和社会发展十四五规划(2022年更新)");
        assertThat(ReportYears.of(DocumentKind.FIVE_YEAR_PLAN, updated, List.of(), null, null))
                .extracting(ReportYears::year, ReportYears::reviewedYear).containsExactly(2022, null);
        Optional<ReportTitle> original = ReportTitle.parse("锦州市凌河区国民经济和社会发展第十四个五年规划和2035年远景目标纲要");
        assertThat(ReportYears.of(DocumentKind.FIVE_YEAR_PLAN, original, List.of(), null, "2021-03-18").year()).isEqualTo(2021);
        assertThat(ReportYears.of(DocumentKind.FIVE_YEAR_PLAN, original, List.of(), null, null).year()).isEqualTo(2021);
    }

    @Test
    void fragments() {
        assertThat(FragmentStart.isFragment(Optional.empty(), List.of("(四)积极调整产业结构,产业集群加速壮大。"), DocumentKind.WORK_REPORT)).isTrue();
        assertThat(FragmentStart.isFragment(Optional.empty(), List.of(",推动经济持续回升向好。"), DocumentKind.OTHER)).isTrue();
        assertThat(FragmentStart.isFragment(Optional.empty(), List.of("沈阳市人民政府市长 吕志成", "各位代表:"), DocumentKind.WORK_REPORT)).isFalse();
        assertThat(FragmentStart.isFragment(Optional.empty(), List.of("各位代表:", "现在,我代表市人民政府向大会报告工作。"), DocumentKind.WORK_REPORT)).isFalse();
        assertThat(FragmentStart.isFragment(ReportTitle.parse("2023年彬州市政府工作报告"), List.of("2023年彬州市政府工作报告"), DocumentKind.WORK_REPORT)).isFalse();
        assertThat(FragmentStart.isFragment(Optional.empty(), List.of("(一)强化创新引领,产业转型升级持续推进"), DocumentKind.OTHER)).isFalse();
    }

    @Test
    void anUntitledReportGetsItsTitleRebuilt() {
        ReportMetadata m = detect(null, "沈阳市人民政府市长 吕志成", "各位代表:",
                "现在,我代表沈阳市人民政府,向大会报告工作,请予审议,并请市政协委员提出意见。", "一、2023年工作回顾");
        assertThat(m.title()).isEqualTo("2024年沈阳市政府工作报告");
        assertThat(m.region()).isEqualTo(new Region("沈阳市", "210100", "辽宁省", "prefecture"));
        assertThat(m.speaker()).isEqualTo("沈阳市人民政府市长 吕志成");
    }

    @Test
    void theOpeningSentenceNamesTheGovernment() {
        ReportMetadata m = detect(null, "各位代表:", "现在,我代表金华市人民政府,向大会作政府工作报告,请予审议。");
        assertThat(m.region().code()).isEqualTo("330700");
        assertThat(m.docType()).isEqualTo("work_report");
    }

    @Test
    void theNationalReportIsTheCountrys() {
        ReportMetadata m = detect(null, "政府工作报告",
                "——2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强", "各位代表:", "现在,我代表国务院,向大会报告政府工作。");
        assertThat(m.region()).isEqualTo(RegionResolver.CHINA);
        assertThat(m.year()).isEqualTo(2024);
        assertThat(m.reviewedYear()).isEqualTo(2023);
        assertThat(m.speaker()).isEqualTo("国务院总理 李强");
    }

    @Test
    void hintsSpeakWhenTheTextIsSilent() {
        RawReport.Hints hints = new RawReport.Hints("凌源市2024年政府工作报告", "凌源市", 2024);
        ReportMetadata m = detect(hints, "各位代表:", "现在,我代表市人民政府向大会报告工作,请予审议。", "一年来,全市上下团结奋斗。");
        assertThat(m.title()).isEqualTo("凌源市2024年政府工作报告");
        assertThat(m.region()).isEqualTo(new Region("凌源市", "211382", "辽宁省", "county_city"));
        assertThat(m.year()).isEqualTo(2024);
        // the title of the text outranks the hint
        ReportMetadata titled = detect(hints, "2023年彬州市政府工作报告", "各位代表:");
        assertThat(titled.region().name()).isEqualTo("彬州市");
        assertThat(titled.year()).isEqualTo(2023);
    }
}
