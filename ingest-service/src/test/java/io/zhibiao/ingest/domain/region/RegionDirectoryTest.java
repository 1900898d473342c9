package io.zhibiao.ingest.domain.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionDirectoryTest {
    private final RegionDirectory directory = RegionDirectory.standard();

    @Test
    void theVendoredListHasEveryLevel() {
        assertThat(directory.all()).hasSizeGreaterThan(3000);
        assertThat(directory.byCode("210000").name()).isEqualTo("辽宁省");
        assertThat(directory.byCode("210700").name()).isEqualTo("锦州市");
        assertThat(directory.byCode("210703").parent().name()).isEqualTo("锦州市");
        assertThat(directory.byCode("210703").province().name()).isEqualTo("辽宁省");
    }

    @Test
    void groupingRowsAreNoGovernments() {
        assertThat(directory.byFullName("市辖区")).isEmpty();
        assertThat(directory.byFullName("省直辖县级行政区划")).isEmpty();
        // 济源市 is governed by 河南省 directly; 朝阳区 of 北京 belongs to the municipality
        assertThat(directory.byFullName("济源市").get(0).parent().name()).isEqualTo("河南省");
        assertThat(directory.byCode("110105").parent().name()).isEqualTo("北京市");
    }

    @Test
    void levelsFollowTheNameEnding() {
        assertThat(RegionDirectory.countyLevel("彬州市")).isEqualTo(Level.COUNTY_CITY);
        assertThat(RegionDirectory.countyLevel("凌河区")).isEqualTo(Level.DISTRICT);
        assertThat(RegionDirectory.countyLevel("绥中县")).isEqualTo(Level.COUNTY);
        assertThat(RegionDirectory.countyLevel("鄂伦春自治旗")).isEqualTo(Level.COUNTY);
        assertThat(RegionDirectory.countyLevel("神农架林区")).isEqualTo(Level.COUNTY);
        assertThat(RegionDirectory.countyLevel("六枝特区")).isEqualTo(Level.COUNTY);
        assertThat(directory.byFullName("延边朝鲜族自治州").get(0).level()).isEqualTo(Level.PREFECTURE);
    }

    @Test
    void shortNames() {
        assertThat(RegionNames.shortName("葫芦岛市")).isEqualTo("葫芦岛");
        assertThat(RegionNames.shortName("凌河区")).isEqualTo("凌河");
        assertThat(RegionNames.shortName("延边朝鲜族自治州")).isEqualTo("延边");
        assertThat(RegionNames.shortName("广西壮族自治区")).isEqualTo("广西");
        assertThat(RegionNames.shortName("内蒙古自治区")).isEqualTo("内蒙古");
        assertThat(RegionNames.shortName("大兴安岭地区")).isEqualTo("大兴安岭");
        assertThat(RegionNames.shortName("范县")).isEqualTo("范县");
    }
}
