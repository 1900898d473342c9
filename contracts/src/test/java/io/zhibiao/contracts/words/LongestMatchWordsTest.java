package io.zhibiao.contracts.words;

import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LongestMatchWords} must cut exactly as HanLP's own {@code DoubleArrayTrieSegment} with tags: the
 * index and the query service rely on the words, and the segment stage's output is compared across versions.
 * Checked on every line of the sample reports (and of the web corpus where it lies beside the clone) and on
 * random text made of the characters that exercise HanLP's special cases.
 */
class LongestMatchWordsTest {
    private static final Segment HANLP = new DoubleArrayTrieSegment().enablePartOfSpeechTagging(true).enableOffset(true);
    private static final LongestMatchWords WORDS = new LongestMatchWords();

    /** HanLP's words of the text, as "word/tag" in order, whitespace-only words left out (as WordSegmenter does). */
    private static List<String> hanlp(String text) {
        List<String> out = new ArrayList<>();
        for (Term t : HANLP.seg(text)) {
            if (!t.word.isBlank()) {
                out.add(t.offset + ":" + t.word + "/" + t.nature);
            }
        }
        return out;
    }

    private static List<String> ours(String text, int shift) {
        String padded = "x".repeat(shift) + text + "y";
        WordSegmenter.Words w = WORDS.segment(padded, shift, shift + text.length());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            int s = w.offsets()[2 * i];
            int e = w.offsets()[2 * i + 1];
            out.add((s - shift) + ":" + padded.substring(s, e) + "/" + w.pos()[i]);
        }
        return out;
    }

    private static void same(String text) {
        if (text.isEmpty()) {
            return;
        }
        List<String> expected = hanlp(text);
        assertThat(ours(text, 0)).as("words of %s", text).isEqualTo(expected);
        assertThat(ours(text, 3)).as("words of %s inside a longer text", text).isEqualTo(expected);
    }

    @Example
    void theSpecialCasesOfHanLP() {
        same("初步核算,地区生产总值增长5.4%");
        same("12,885.6亿元，增长-2.5%");            // a number's separator and decimal point stay in it
        same("GDP增长5.2%，R&D经费投入强度2.6");     // letters, a run of one type
        same("   ");                                // whitespace only
        same("经济社会发展主要预期目标是：");
        same("2024年1月10日在第十五届人民代表大会第三次会议上");
        same("１２３４５．６７８");                  // full-width digits
        same("生产总");                              // the text ends inside a dictionary word's prefix
        same("𠀀𠀁中国");                            // characters outside the BMP
        same("-12.5");
        same("1.2.3");
    }

    @Example
    void everyLineOfTheCorpora() throws IOException {
        int lines = 0;
        for (Path dir : List.of(Path.of("../samples"), Path.of("../../shared/corpus/web/texts"),
                Path.of("../../shared/corpus/seeds"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    for (String line : Files.readString(f).split("\n")) {
                        same(line);
                        lines++;
                    }
                }
            }
        }
        assertThat(lines).as("lines compared (the sample reports at least)").isGreaterThan(1000);
    }

    @Property(tries = 3000)
    void randomText(@ForAll("reportish") String text) {
        same(text);
    }

    @Provide
    Arbitrary<String> reportish() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of("地区生产总值增长全市一般公共预算收入亿元万人年我们完成主要目标左右以上百分之五十点".chars()
                        .mapToObj(c -> (char) c).toList())),
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('0', '9')),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(',', '.', '，', '．', '、', '%', '-', '—', ' ', '\n', '　')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('A', 'z')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('０', '９')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u4e00', '\u9fa5')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all()));
        return chars.list().ofMaxSize(60).map(l -> {
            StringBuilder sb = new StringBuilder(l.size());
            l.forEach(sb::append);
            return sb.toString();
        });
    }
}
