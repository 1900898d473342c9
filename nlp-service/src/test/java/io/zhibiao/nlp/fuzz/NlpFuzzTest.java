package io.zhibiao.nlp.fuzz;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import io.zhibiao.nlp.segment.ReportSegmenter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing of nlp-service's two stages (jqwik, a bounded number of tries per property): on any text —
 * random code points, Chinese-ish prose dense with numbers and indicator words, tables of any cells, the sample
 * reports cut and mutated — segmentation and extraction throw nothing, and every offset they give (sections,
 * paragraphs, sentences, words, facts) lies inside the text, with each fact's quote the text between its
 * start and end. Plain tests, no Quarkus.
 */
class NlpFuzzTest {
    static final ReportSegmenter SEGMENTER = ReportSegmenter.standard();
    static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.standard();

    /** Both stages on the text; every offset checked. */
    static void check(String text, ReportMetadata metadata) {
        SegmentedReport s = SEGMENTER.segment(new IngestedReport("fuzz", metadata, text, List.of(), null));
        int n = text.length();
        assertThat(s.text()).isEqualTo(text);
        for (SegmentedReport.Section sec : s.sections()) {
            assertThat(sec.start()).as("section %s", sec).isBetween(0, n);
            assertThat(sec.end()).as("section %s", sec).isBetween(sec.start(), n);
            assertThat(sec.level()).isPositive();
            if (sec.parent() != null) {
                assertThat(sec.parent()).isBetween(0, sec.index() - 1);
            }
        }
        int lastEnd = 0;
        for (int i = 0; i < s.paragraphs().size(); i++) {
            SegmentedReport.Paragraph p = s.paragraphs().get(i);
            assertThat(p.index()).isEqualTo(i);
            assertThat(p.start()).as("paragraph %s", p).isBetween(lastEnd, n);
            assertThat(p.end()).as("paragraph %s", p).isBetween(p.start(), n);
            if (p.section() != null) {
                assertThat(p.section()).isBetween(0, s.sections().size() - 1);
            }
            lastEnd = p.end();
        }
        for (SegmentedReport.Sentence st : s.sentences()) {
            assertThat(st.paragraph()).isBetween(0, s.paragraphs().size() - 1);
            SegmentedReport.Paragraph p = s.paragraphs().get(st.paragraph());
            assertThat(st.start()).as("sentence %s-%s in %s", st.start(), st.end(), p).isBetween(p.start(), p.end());
            assertThat(st.end()).as("sentence %s-%s in %s", st.start(), st.end(), p).isBetween(st.start(), p.end());
            int[] w = st.words() == null ? new int[0] : st.words();
            assertThat(w.length % 2).isZero();
            if (st.pos() != null) {
                assertThat(st.pos()).hasSize(w.length / 2);
            }
            for (int i = 0; i < w.length; i += 2) {
                assertThat(w[i]).as("word %d in sentence %d-%d", i / 2, st.start(), st.end()).isBetween(st.start(), st.end());
                assertThat(w[i + 1]).as("word %d in sentence %d-%d", i / 2, st.start(), st.end()).isBetween(w[i], st.end());
            }
        }
        for (IndicatorFact f : EXTRACTOR.extract(s)) {
            assertThat(f.start()).as("fact %s", f).isBetween(0, n);
            assertThat(f.end()).as("fact %s", f).isBetween(f.start(), n);
            assertThat(f.quote()).as("fact %s", f).isEqualTo(text.substring(f.start(), f.end()));
            assertThat(f.indicator()).isNotBlank();
            assertThat(Double.isNaN(f.value())).as("fact %s", f).isFalse();
            if (f.paragraph() != null) {
                assertThat(f.paragraph()).isBetween(0, s.paragraphs().size() - 1);
            }
        }
    }

    // ------------------------------------------------------------------ properties

    /** Found by this fuzzer: a number with two decimal points made the extractor throw NumberFormatException. */
    @Example
    void aNumberWithTwoDecimalPoints() {
        check("地区生产总值增长1.2.3%。", null);
        check("0.00.0", null);
        check("一般公共预算收入1．2．3亿元,增长5.5.5%。", null);
    }

    /** Found by this fuzzer: a bare rate with a thousands separator (增长2,345.6) was parsed without skipping the comma. */
    @Example
    void aBareRateWithAThousandsSeparator() {
        check("地区生产总值增长2,345.6。", null);
        check("城镇调查失业率为1,234.5,居民收入增长１,２３４.５。", null);
    }

    @Property(tries = 3000)
    void anyCodePoints(@ForAll("anyText") String text, @ForAll("metadata") ReportMetadata metadata) {
        check(text, metadata);
    }

    @Property(tries = 3000)
    void chineseIshProseWithNumbersAndIndicatorWords(@ForAll("chineseIsh") String text, @ForAll("metadata") ReportMetadata metadata) {
        check(text, metadata);
    }

    @Property(tries = 2000)
    void indicatorSentencesWithAbsurdNumbers(@ForAll("indicatorSentences") String text, @ForAll("metadata") ReportMetadata metadata) {
        check(text, metadata);
    }

    @Property(tries = 1000)
    void tablesOfAnyCells(@ForAll("tables") String text, @ForAll("metadata") ReportMetadata metadata) {
        check(text, metadata);
    }

    @Property(tries = 600)
    void sampleReportsCutAndMutated(@ForAll("sampleWindow") String window, @ForAll("edits") List<Tuple.Tuple3<Integer, Integer, String>> edits,
                                    @ForAll("metadata") ReportMetadata metadata) {
        StringBuilder sb = new StringBuilder(window);
        for (Tuple.Tuple3<Integer, Integer, String> e : edits) {
            if (sb.length() == 0) {
                sb.append(e.get3());
                continue;
            }
            int at = Math.floorMod(e.get1(), sb.length());
            int len = Math.min(sb.length() - at, Math.floorMod(e.get2(), 40));
            switch (Math.floorMod(e.get2(), 3)) {
                case 0 -> sb.insert(at, e.get3());
                case 1 -> sb.delete(at, at + len);
                default -> sb.replace(at, at + len, e.get3());
            }
        }
        check(sb.toString(), metadata);
    }

    /**
     * A campaign bounded by time rather than tries, off unless asked for:
     * {@code ./mvnw -pl nlp-service test -Dtest=NlpFuzzTest -Dzhibiao.fuzz.seconds=600}. Draws from the same
     * generators, round robin, until the time is up; prints how many inputs it tried.
     */
    @org.junit.jupiter.api.Test
    void timedCampaign() {
        long seconds = Long.getLong("zhibiao.fuzz.seconds", 0);
        org.junit.jupiter.api.Assumptions.assumeTrue(seconds > 0, "a timed campaign runs with -Dzhibiao.fuzz.seconds=N");
        var any = anyText().sampleStream().iterator();
        var prose = chineseIsh().sampleStream().iterator();
        var sentences = indicatorSentences().sampleStream().iterator();
        var windows = sampleWindow().sampleStream().iterator();
        var tables = tables().sampleStream().iterator();
        var meta = metadata().sampleStream().iterator();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < deadline) {
            for (String text : List.of(any.next(), prose.next(), sentences.next(), windows.next(), tables.next())) {
                ReportMetadata m = meta.next();
                try {
                    check(text, m);
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("failed on " + org.assertj.core.util.Strings.quote(text) + " with " + m + ": " + e, e);
                }
                n++;
            }
        }
        System.out.printf("nlp fuzz campaign: %,d inputs in %d s, no failure%n", n, seconds);
    }

    // ------------------------------------------------------------------ generators

    static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车";
    static final List<String> INDICATORS = List.of("地区生产总值", "GDP", "一般公共预算收入", "固定资产投资", "社会消费品零售总额",
            "城镇居民人均可支配收入", "农村居民人均可支配收入", "规模以上工业增加值", "进出口总额", "实际利用外资", "粮食产量", "城镇调查失业率",
            "居民消费价格涨幅", "单位国内生产总值能耗", "常住人口城镇化率", "研发经费投入强度", "三次产业结构", "新增城镇就业");
    static final List<String> WORDS = List.of("增长", "下降", "左右", "以上", "以内", "控制在", "达到", "预计", "初步核算", "力争",
            "主要预期目标是", "同比", "比上年", "年均", "亿元", "万元", "万吨", "万人", "%", "％", "个百分点", "倍", "位", "第",
            "2023年", "2024年", "2025年", "二〇二四年", "十四五", "今年", "去年", "全市", "全省", "全国", "我市", "一、", "(一)",
            "1.", "第一章", "第一节", "\n", "\n\n", "。", ",", ",", ";", "、", ":", "—", "~", "至", "(", ")", "“", "”", " ", "\u3000");
    static final List<String> ABSURD = List.of("99999", "999999999999", "0", "-0", "0.0000001", "1e10", "NaN", "Infinity", "１２．３",
            "五", "百分之五", "一千二百三十四点五", "3.", ".5", "1.2.3", "2,345.6", "12%%", "-5", "+6.5", "5-6", "5.5~6", "6至7", "零");

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> chineseIsh() {
        Arbitrary<String> han = Arbitraries.strings().withChars(HAN).ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e9).ofScale(2).map(String::valueOf),
                Arbitraries.integers().between(0, 100_000).map(String::valueOf), Arbitraries.of(ABSURD));
        return Arbitraries.frequencyOf(Tuple.of(5, han), Tuple.of(3, Arbitraries.of(INDICATORS)), Tuple.of(5, Arbitraries.of(WORDS)),
                        Tuple.of(3, number), Tuple.of(1, Arbitraries.strings().ofMaxLength(3)))
                .list().ofMaxSize(250).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> indicatorSentences() {
        Arbitrary<String> sentence = Combinators.combine(Arbitraries.of("", "预计", "初步核算,", "今年", "力争", "2023年"),
                Arbitraries.of(INDICATORS), Arbitraries.of("增长", "下降", "达到", "完成", "控制在", "突破", "为", ""),
                Arbitraries.oneOf(Arbitraries.of(ABSURD), Arbitraries.doubles().between(-1e12, 1e12).map(String::valueOf)),
                Arbitraries.of("%", "％", "亿元", "万元", "个百分点", "倍", "万吨", "", "%左右", "%以上", "亿元以上"),
                Arbitraries.of("。", ",", ";", "\n", ""))
                .as((cue, indicator, verb, number, unit, end) -> cue + indicator + verb + number + unit + end);
        return sentence.list().ofMinSize(1).ofMaxSize(30).map(l -> String.join("", l));
    }

    static final List<String> CELLS = List.of("类别", "指标", "指标名称", "单位", "计量单位", "属性", "2020年", "2025年", "2035年",
            "2020年(基期)", "2025年(目标)", "“十三五”末", "“十四五”目标", "“十四五”年均增长", "年均增长", "累计", "基期值", "目标值",
            "预期性", "约束性", "经济发展", "%", "亿元", "万亿元", "万人", "元", "家", "(亿元)", "‰", "—", "-", "/", "", " ",
            "地区生产总值增长", "地区生产总值(亿元)", "一般公共预算收入", "单位地区生产总值能耗降低", "城镇调查失业率",
            "研发经费投入强度", "常住人口城镇化率", "全市地区生产总值", "城乡居民人均可支配收入", "产量", "累计增长", "3.6", "6左右",
            ">5", "≥ 80", "<5.5", "[14.5]", "【13.5】", "6-6.5", "6.5—7", "-2", "1,234.5", "12,34", "1.2.3", "9999999999999999999",
            "与经济增长同步", "[", "[]", "]", "约", ">", "≤", "5以上", "0", "-0", "|", "｜", "2021—2025年累计", "十四五", "(", ")");

    @Provide
    Arbitrary<String> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of(CELLS), Arbitraries.strings().ofMaxLength(6),
                Arbitraries.doubles().between(-1e6, 1e6).map(String::valueOf));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(9).map(cells -> String.join(" | ", cells));
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(8, row), Tuple.of(1, Arbitraries.of(
                "表1 “十四五”时期经济社会发展主要指标", "第二章 发展目标", "到2025年,地区生产总值达到400亿元。", "", "| |")),
                Tuple.of(1, row.map(r -> "| " + r + " |")));
        return line.list().ofMaxSize(20).map(l -> String.join("\n", l));
    }

    private static final List<String> SAMPLES = readSamples();

    private static List<String> readSamples() {
        Path dir = Path.of("..", "samples");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("samples");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> sampleWindow() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLES.size() - 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 20_000)).as((i, from, length) -> {
            String s = SAMPLES.get(i);
            int start = (int) (from * s.length());
            return s.substring(start, Math.min(s.length(), start + length));
        });
    }

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, String>>> edits() {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(ABSURD), Arbitraries.of(INDICATORS),
                Arbitraries.strings().all().ofMaxLength(4));
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), insert).as(Tuple::of).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<ReportMetadata> metadata() {
        return Combinators.combine(Arbitraries.of("work_report", "five_year_plan", "other").injectNull(0.2),
                Arbitraries.oneOf(Arbitraries.integers().between(1900, 2100), Arbitraries.of(0, -1, 9999)).injectNull(0.2),
                Arbitraries.of("锦州市", "中华人民共和国", "凌河区").injectNull(0.3))
                .as((type, year, region) -> new ReportMetadata(null, region == null ? null : new Region(region, null, null, null),
                        type, year, year == null ? null : year - 1, null, false, null, "fuzz.txt", 0, null, null));
    }
}
