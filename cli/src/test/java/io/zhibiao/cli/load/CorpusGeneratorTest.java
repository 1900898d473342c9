package io.zhibiao.cli.load;

import io.zhibiao.ingest.domain.region.RegionDirectory;
import io.zhibiao.stack.StackLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {
    private static CorpusGenerator generator;
    private static Corpus corpus;

    @BeforeAll
    static void generate() {
        generator = CorpusGenerator.fromSamples(StackLayout.discover().samples());
        corpus = generator.generate(64, 11);
    }

    @Test
    void everyReportIsADistinctDocumentWithItsOwnSource() {
        assertThat(corpus.size()).isEqualTo(64);
        assertThat(corpus.documentIds()).hasSize(64);
        assertThat(corpus.reports().stream().map(GeneratedReport::sourceUrl).distinct()).hasSize(64);
        assertThat(corpus.passageIds()).hasSizeGreaterThan(64 * 20);
        assertThat(corpus.facts()).hasSizeGreaterThan(64 * 5);
    }

    @Test
    void theSameSeedGivesTheSameCorpusAndAnotherSeedAnother() {
        Corpus again = generator.generate(64, 11);
        assertThat(again.documentIds()).containsExactlyElementsOf(corpus.documentIds());
        assertThat(again.facts()).isEqualTo(corpus.facts());
        Set<String> other = generator.generate(64, 12).documentIds();
        assertThat(other).doesNotContainAnyElementsOf(corpus.documentIds());
    }

    @Test
    void theExpectationIsWhatTheServicesCodeMakesOfTheEventAsSent() {
        ExpectedPipeline pipeline = new ExpectedPipeline();
        for (GeneratedReport r : corpus.reports().subList(0, 12)) {
            assertThat(pipeline.expect(r.toRawReport())).containsExactly(r.expected());
        }
    }

    @Test
    void reportsMoveToOtherRegionsOfTheirLevelAndOtherYears() {
        Set<String> regions = new HashSet<>();
        long moved = 0;
        long otherYear = 0;
        Map<String, BaseReport> bases = new java.util.HashMap<>();
        generator.bases().forEach(b -> bases.put(b.name(), b));
        for (GeneratedReport r : corpus.reports()) {
            BaseReport base = bases.get(r.base());
            regions.add(r.expected().regionCode());
            if (base.division() != null && !base.division().code().equals(r.expected().regionCode())) {
                moved++;
                assertThat(RegionDirectory.standard().byCode(r.expected().regionCode()).level())
                        .as(r.fileName()).isEqualTo(base.division().level());
            }
            if (!java.util.Objects.equals(base.metadata().year(), r.expected().year())) {
                otherYear++;
            }
        }
        assertThat(moved).as("reports given another region").isGreaterThan(56);
        assertThat(regions).hasSizeGreaterThan(50);
        assertThat(otherYear).isGreaterThan(32);
        assertThat(CorpusGenerator.encodings(corpus)).containsKeys("UTF8_TEXT", "GB18030_BASE64");
    }

    @Test
    void aCorpusWrittenToADirectoryReadsBackTheSame(@TempDir Path dir) {
        Corpus small = corpus.slice(0, 10);
        small.write(dir);
        Corpus read = Corpus.read(dir);
        assertThat(read.seed()).isEqualTo(11);
        assertThat(read.reports()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(read.reports().get(i).expected()).isEqualTo(small.reports().get(i).expected());
            assertThat(read.reports().get(i).toRawReport()).isEqualTo(small.reports().get(i).toRawReport());
        }
    }

    @Test
    void yearsShiftTogetherAndFiguresChange() {
        assertThat(Variation.shiftYears("2023年增长5%,2021—2025年,二〇二四年政府工作报告,2023亿元", 2))
                .isEqualTo("2025年增长5%,2023—2027年,二〇二六年政府工作报告,2023亿元");
        String varied = Variation.varyFigures("增长5.4%,收入123.45亿元,第3名,2024年", 0.2, new Random(1));
        assertThat(varied).doesNotContain("5.4%").doesNotContain("123.45").contains("第3名").contains("2024年");
        assertThat(varied).matches("增长\\d\\.\\d%,收入\\d{2,3}\\.\\d\\d亿元,第3名,2024年");
        assertThat(Variation.replaceAll("锦州市锦州港,辽宁省", Map.of("锦州市", "邯郸市", "锦州", "邯郸", "辽宁省", "河北省")))
                .isEqualTo("邯郸市邯郸港,河北省");
    }

    @Test
    void substitutesAreUnambiguousUnitsOfTheSameShape() {
        var dir = RegionDirectory.standard();
        var jinzhou = dir.byCode("210700");
        List<io.zhibiao.ingest.domain.region.Division> subs = Variation.substitutes(jinzhou, dir);
        assertThat(subs).hasSizeGreaterThan(100).doesNotContain(jinzhou);
        assertThat(subs).allSatisfy(d -> assertThat(dir.byFullName(d.name())).hasSize(1));
    }
}
