package io.zhibiao.ingest.domain.region;

import io.zhibiao.contracts.Region;
import io.zhibiao.ingest.domain.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionResolverTest {
    private final RegionResolver resolver = RegionResolver.standard();
    private final RegionResolver.Mentions none = RegionResolver.Mentions.NONE;

    private Region name(String written, String... scopes) {
        return resolver.resolveName(written, none, List.of(scopes)).orElseThrow().region();
    }

    @Test
    void aChainOfNamesIsTheInnermostUnit() {
        assertThat(name("锦州市凌河区")).isEqualTo(new Region("凌河区", "210703", "辽宁省", "district"));
        assertThat(name("(辽宁省)锦州市凌河区")).isEqualTo(new Region("凌河区", "210703", "辽宁省", "district"));
        assertThat(name("凌河区", "辽宁省")).isEqualTo(new Region("凌河区", "210703", "辽宁省", "district"));
    }

    @Test
    void governmentsAndShortNames() {
        assertThat(name("沈阳市人民政府")).isEqualTo(new Region("沈阳市", "210100", "辽宁省", "prefecture"));
        assertThat(name("葫芦岛")).isEqualTo(new Region("葫芦岛市", "211400", "辽宁省", "prefecture"));
        assertThat(name("彬州市")).isEqualTo(new Region("彬州市", "610482", "陕西省", "county_city"));
        assertThat(name("绥中县")).isEqualTo(new Region("绥中县", "211421", "辽宁省", "county"));
        assertThat(name("广东省")).isEqualTo(new Region("广东省", "440000", "广东省", "province"));
        assertThat(name("北京市")).isEqualTo(new Region("北京市", "110000", "北京市", "province"));
        assertThat(name("广西")).isEqualTo(new Region("广西壮族自治区", "450000", "广西壮族自治区", "province"));
        assertThat(name("延边州").name()).isEqualTo("延边朝鲜族自治州");
        assertThat(name("国务院")).isEqualTo(RegionResolver.CHINA);
        assertThat(resolver.resolveName("各位代表", none, List.of())).isEmpty();
    }

    @Test
    void aSharedNameWithoutContextHasNoCode() {
        RegionResolver.Resolution r = resolver.resolveName("城关区", none, List.of()).orElseThrow();
        assertThat(r.ambiguous()).isTrue();
        assertThat(r.candidates()).extracting(Division::code).containsExactlyInAnyOrder("540102", "620102");
        assertThat(r.region()).isEqualTo(new Region("城关区", null, null, "district"));
    }

    @Test
    void aSharedNameIsSettledByAnEnclosingName() {
        assertThat(name("城关区", "西藏自治区").code()).isEqualTo("540102");
        assertThat(name("甘肃省兰州市城关区").code()).isEqualTo("620102");
        assertThat(name("北京市朝阳区")).isEqualTo(new Region("朝阳区", "110105", "北京市", "district"));
    }

    @Test
    void aSharedNameIsSettledByThePlacesTheTextNames() {
        RegionResolver.Mentions lanzhou = resolver.mentions("城关区位于兰州市中心,是甘肃省的政治经济文化中心。");
        assertThat(resolver.resolveName("城关区", lanzhou, List.of()).orElseThrow().region().code()).isEqualTo("620102");
        // three 新华区: two in 河北省 (石家庄, 沧州), one in 河南省 (平顶山)
        RegionResolver.Resolution hebei = resolver.resolveName("新华区", none, List.of("河北省")).orElseThrow();
        assertThat(hebei.region()).isEqualTo(new Region("新华区", null, "河北省", "district"));
        RegionResolver.Mentions cangzhou = resolver.mentions("全区上下在沧州市委、市政府的坚强领导下,奋力建设沿海经济强区。");
        assertThat(resolver.resolveName("新华区", cangzhou, List.of("河北省")).orElseThrow().region().code()).isEqualTo("130902");
    }

    @Test
    void theFragmentNamesHuludaoAndItsCounties() {
        RegionResolver.Mentions m = resolver.mentions(Samples.text(Samples.HULUDAO_FRAGMENT));
        assertThat(m.selfKind()).isEqualTo('市');
        Division huludao = resolver.directory().byFullName("葫芦岛市").get(0);
        assertThat(m.of(huludao)).isGreaterThanOrEqualTo(5);
        assertThat(m.full()).containsKeys(
                resolver.directory().byFullName("兴城市").get(0), resolver.directory().byFullName("绥中县").get(0));
        assertThat(resolver.inferFromText(m).orElseThrow().region())
                .isEqualTo(new Region("葫芦岛市", "211400", "辽宁省", "prefecture"));
    }

    @Test
    void aCountyReportNamesItselfAndItsCityOften() {
        String binzhou = io.zhibiao.ingest.domain.ReportIngestor.standard()
                .ingest(Samples.raw(Samples.BUNDLE_2023)).get(0).text();
        String untitled = binzhou.substring(binzhou.indexOf('\n') + 1);
        RegionResolver.Mentions m = resolver.mentions(untitled);
        Division xianyang = resolver.directory().byCode("610400");
        Division self = resolver.directory().byCode("610482");
        assertThat(m.of(xianyang)).isGreaterThan(m.of(self));
        assertThat(resolver.inferFromText(m).orElseThrow().region())
                .isEqualTo(new Region("彬州市", "610482", "陕西省", "county_city"));
    }

    @Test
    void aDistrictPlanSpeaksOfItselfAsADistrict() {
        RegionResolver.Mentions m = resolver.mentions(Samples.text(Samples.LINGHE_PLAN));
        assertThat(m.selfKind()).isEqualTo('区');
        assertThat(resolver.inferFromText(m).orElseThrow().region().name()).isEqualTo("凌河区");
    }

    @Test
    void everydayWordsThatAreAlsoPlaceNamesAreNoEvidence() {
        String text = "坚持资源节约,深化区域合作,推进全面振兴新突破,促进社会长治久安、人民幸福安康,发展朝阳产业,新建平安社区。";
        assertThat(resolver.inferFromText(resolver.mentions(text))).isEmpty();
    }

    @Test
    void selfReference() {
        assertThat(RegionResolver.selfKind("全市上下、我市人民,全省前列")).isEqualTo('市');
        assertThat(RegionResolver.selfKind("全区广大党员干部群众,全市场主体")).isEqualTo('区');
        assertThat(RegionResolver.selfKind("各位代表")).isEqualTo((char) 0);
    }
}
