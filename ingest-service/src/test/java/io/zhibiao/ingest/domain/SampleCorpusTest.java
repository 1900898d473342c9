package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.ReportMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five sample files give 28 reports. The expected table was written by reading each document:
 * its title line (2023年彬州市政府工作报告…), the speaker line of 002 (沈阳市人民政府市长 吕志成), the title
 * of 003 ((辽宁省)锦州市凌河区…十四五规划(2022年更新)) and the places 004 names (兴城市, 绥中县, 建昌县,
 * 葫芦岛港…), with the division codes of GB/T 2260.
 */
class SampleCorpusTest {
    private static final Map<String, List<IngestedDocument>> BY_SOURCE = new LinkedHashMap<>();

    @BeforeAll
    static void ingestSamples() {
        ReportIngestor ingestor = ReportIngestor.standard();
        for (String name : Samples.ALL) {
            BY_SOURCE.put(name, ingestor.ingest(Samples.raw(name)));
        }
    }

    @Test
    void theFiveSamplesHold28Reports() {
        assertThat(BY_SOURCE.values().stream().mapToInt(List::size).sum()).isEqualTo(28);
        assertThat(BY_SOURCE.get(Samples.BUNDLE_2023)).hasSize(24);
        List<String> ids = new ArrayList<>();
        BY_SOURCE.values().forEach(docs -> docs.forEach(d -> ids.add(d.documentId())));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{24}"));
    }

    @ParameterizedTest(name = "{0} #{1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # source                  | # | region   | code   | province       | level       | docType        | year | reviewed | fragment
            000_ad8bd8fded9599e0.txt  | 0 | 锦州市    | 210700 | 辽宁省          | prefecture  | work_report    | 2024 | 2023     | false
            001_6b340ccef4bd5f14.txt  | 0 | 彬州市    | 610482 | 陕西省          | county_city | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 1 | 高安市    | 360983 | 江西省          | county_city | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 2 | 邯郸市    | 130400 | 河北省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 3 | 河源市    | 441600 | 广东省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 4 | 金华市    | 330700 | 浙江省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 5 | 乐昌市    | 440281 | 广东省          | county_city | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 6 | 临沧市    | 530900 | 云南省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 7 | 龙南市    | 360783 | 江西省          | county_city | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 8 | 泸州市    | 510500 | 四川省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  | 9 | 茂名市    | 440900 | 广东省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |10 | 梅州市    | 441400 | 广东省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |11 | 南宁市    | 450100 | 广西壮族自治区   | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |12 | 宁波市    | 330200 | 浙江省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |13 | 沁阳市    | 410882 | 河南省          | county_city | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |14 | 泉州市    | 350500 | 福建省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |15 | 汕尾市    | 441500 | 广东省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |16 | 商洛市    | 611000 | 陕西省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |17 | 铜川市    | 610200 | 陕西省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |18 | 渭南市    | 610500 | 陕西省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |19 | 温州市    | 330300 | 浙江省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |20 | 咸阳市    | 610400 | 陕西省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |21 | 忻州市    | 140900 | 山西省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |22 | 珠海市    | 440400 | 广东省          | prefecture  | work_report    | 2023 | 2022     | false
            001_6b340ccef4bd5f14.txt  |23 | 资兴市    | 431081 | 湖南省          | county_city | work_report    | 2023 | 2022     | false
            002_110bda27a7c53275.txt  | 0 | 沈阳市    | 210100 | 辽宁省          | prefecture  | work_report    | 2024 | 2023     | false
            003_821d0610ff899f65.txt  | 0 | 凌河区    | 210703 | 辽宁省          | district    | five_year_plan | 2022 | -        | false
            004_4d51fec59cea5135.txt  | 0 | 葫芦岛市  | 211400 | 辽宁省          | prefecture  | work_report    | 2024 | 2023     | true
            """)
    void eachReportHasItsRegionTypeAndYear(String source, int index, String region, String code, String province,
                                           String level, String docType, Integer year, Integer reviewed, boolean fragment) {
        IngestedDocument doc = BY_SOURCE.get(source).get(index);
        ReportMetadata m = doc.metadata();
        assertThat(m.indexInSource()).isEqualTo(index);
        assertThat(m.region().name()).isEqualTo(region);
        assertThat(m.region().code()).isEqualTo(code);
        assertThat(m.region().province()).isEqualTo(province);
        assertThat(m.region().level()).isEqualTo(level);
        assertThat(m.docType()).isEqualTo(docType);
        assertThat(m.year()).isEqualTo(year);
        assertThat(m.reviewedYear()).isEqualTo(reviewed);
        assertThat(m.fragment()).isEqualTo(fragment);
        assertThat(m.sourceName()).isEqualTo(source);
        assertThat(m.sourceUrl()).isEqualTo("file:samples/" + source);
    }

    @Test
    void bundleReportsStartAtTheirTitleAndEndBeforeTheNext() {
        List<IngestedDocument> bundle = BY_SOURCE.get(Samples.BUNDLE_2023);
        assertThat(bundle.get(0).text()).startsWith("2023年彬州市政府工作报告\n各位代表:\n");
        assertThat(bundle.get(0).text()).doesNotContain("高安市政府工作报告").doesNotContain("体制人的免费资料库");
        assertThat(bundle.get(8).metadata().title()).isEqualTo("2023年泸州市人民政府工作报告");
        assertThat(bundle).allSatisfy(d -> assertThat(d.text()).startsWith(d.metadata().title() + "\n各位代表:"));
        assertThat(bundle.get(23).text()).endsWith("为全面建设社会主义现代化新资兴而团结奋斗。");
    }

    @Test
    void theReportThatWasOneLongLineHasItsParagraphsBack() {
        IngestedDocument wenzhou = BY_SOURCE.get(Samples.BUNDLE_2023).get(19);
        assertThat(wenzhou.metadata().title()).isEqualTo("2023年温州市政府工作报告");
        assertThat(wenzhou.text().lines()).hasSizeGreaterThan(60)
                .contains("一、2022年工作回顾", "(一)聚焦聚力稳进提质,推动经济持续回升向好。")
                .noneMatch(l -> l.equals("|"));
    }

    @Test
    void pageMetadataAndSpeakerAreKept() {
        ReportMetadata jinzhou = BY_SOURCE.get(Samples.JINZHOU_2024).get(0).metadata();
        assertThat(jinzhou.title()).isEqualTo("2024年锦州市政府工作报告");
        assertThat(jinzhou.speaker()).isEqualTo("锦州市人民政府市长 王心宇");
        assertThat(jinzhou.publishedAt()).isEqualTo("2024年01月30日");
        assertThat(jinzhou.publisher()).isEqualTo("锦州市政府网站");

        ReportMetadata shenyang = BY_SOURCE.get(Samples.SHENYANG_2024).get(0).metadata();
        assertThat(shenyang.title()).isEqualTo("2024年沈阳市政府工作报告");
        assertThat(shenyang.speaker()).isEqualTo("沈阳市人民政府市长 吕志成");

        ReportMetadata plan = BY_SOURCE.get(Samples.LINGHE_PLAN).get(0).metadata();
        assertThat(plan.title()).isEqualTo("(辽宁省)锦州市凌河区国民经济和社会发展十四五规划(2022年更新)");
        assertThat(plan.publishedAt()).isEqualTo("2022-08-04 10:56:52");

        ReportMetadata fragment = BY_SOURCE.get(Samples.HULUDAO_FRAGMENT).get(0).metadata();
        assertThat(fragment.title()).isEqualTo("2024年葫芦岛市政府工作报告");
        assertThat(fragment.speaker()).isNull();
    }

    @Test
    void cleanTextsHaveNoPageFurnitureLeft() {
        BY_SOURCE.values().forEach(docs -> docs.forEach(d -> assertThat(d.text())
                .doesNotContain("体制人的免费资料库", "【打印文章】", "发布时间:", "信息来源:", "仅提供信息存储空间", "版权所有",
                        "365体育投注", "即时比分", "责任编辑", "微信公众号", "发表于:", "\n目录\n", "\n\n")
                .doesNotStartWith("目录")));
        String plan = BY_SOURCE.get(Samples.LINGHE_PLAN).get(0).text();
        assertThat(plan).startsWith("(辽宁省)锦州市凌河区国民经济和社会发展十四五规划(2022年更新)\n锦州市凌河区国民经济和社会发展\n");
        assertThat(plan).endsWith("奋力开启凌河全面建设社会主义现代化新征程!");
    }

    @Test
    void theFragmentKeepsItsFirstAndLastSentence() {
        String text = BY_SOURCE.get(Samples.HULUDAO_FRAGMENT).get(0).text();
        assertThat(text).startsWith("(四)积极调整产业结构,产业集群加速壮大。")
                .endsWith("对此,我们一定高度重视、全力解决。");
        assertThat(text).isEqualTo(Samples.text(Samples.HULUDAO_FRAGMENT).strip());
    }
}
