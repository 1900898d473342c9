package io.zhibiao.ingest.domain.split;

import io.zhibiao.ingest.domain.Samples;
import io.zhibiao.ingest.domain.clean.PageCleaner;
import io.zhibiao.ingest.domain.decode.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BundleSplitterTest {
    private final BundleSplitter splitter = new BundleSplitter();

    private static List<String> cleanLines(String sample) {
        return new PageCleaner().clean(TextNormalizer.normalize(Samples.text(sample))).lines();
    }

    @Test
    void theBundleSplitsAtEachOfItsTwentyFourTitles() {
        List<BundleSplitter.Segment> segments = splitter.split(cleanLines(Samples.BUNDLE_2023));
        assertThat(segments).hasSize(24);
        assertThat(segments).allMatch(s -> s.title().isPresent());
        assertThat(segments.get(0).lines().get(0)).isEqualTo("2023年彬州市政府工作报告");
        assertThat(segments.get(23).lines().get(0)).isEqualTo("2023年资兴市政府工作报告");
        assertThat(segments).extracting(BundleSplitter.Segment::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 24).boxed().toList());
    }

    @Test
    void aPlanThatRepeatsItsTitleIsOneDocument() {
        List<BundleSplitter.Segment> segments = splitter.split(cleanLines(Samples.LINGHE_PLAN));
        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).title().orElseThrow().line()).isEqualTo("(辽宁省)锦州市凌河区国民经济和社会发展十四五规划(2022年更新)");
    }

    @Test
    void pagesWithoutTitleAreOneDocument() {
        assertThat(splitter.split(cleanLines(Samples.SHENYANG_2024))).singleElement()
                .satisfies(s -> assertThat(s.title()).isEmpty());
        assertThat(splitter.split(cleanLines(Samples.HULUDAO_FRAGMENT))).hasSize(1);
    }

    @Test
    void anUntitledReportBeforeTitledOnesIsItsOwnDocument() {
        List<String> lines = new ArrayList<>(cleanLines(Samples.SHENYANG_2024));
        int shenyang = lines.size();
        lines.addAll(cleanLines(Samples.JINZHOU_2024));
        List<BundleSplitter.Segment> segments = splitter.split(lines);
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).lines()).hasSize(shenyang);
        assertThat(segments.get(1).title().orElseThrow().issuer()).isEqualTo("锦州市");
    }

    @Test
    void aShortLineBeforeTheFirstTitleIsLeftOut() {
        List<BundleSplitter.Segment> segments = splitter.split(List.of("锦州市人民政府门户网站",
                "2024年锦州市政府工作报告", "各位代表:"));
        assertThat(segments).singleElement().satisfies(s -> assertThat(s.firstLine()).isEqualTo(1));
    }
}
