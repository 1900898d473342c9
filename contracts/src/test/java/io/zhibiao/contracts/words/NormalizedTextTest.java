package io.zhibiao.contracts.words;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normalised view of a report and its way back to the original characters, with examples from the web corpus;
 * then properties over random text (jqwik): every offset maps inside the original, in order, and a span found in
 * the view is the original text between the mapped offsets.
 */
class NormalizedTextTest {

    @Test
    void traditionalScriptReadsAsSimplified() {
        // 中新社, 澳门日报, 央视网's Big5 gateway
        assertThat(NormalizedText.normalize("2007年國內生產總值增長目標是百分之8左右")).isEqualTo("2007年国内生产总值增长目标是百分之8左右");
        assertThat(NormalizedText.normalize("預計二〇二二年達十二點八萬億元")).isEqualTo("预计2022年达十二点八万亿元");
        assertThat(NormalizedText.normalize("國內生産總值達到24.66萬億元")).isEqualTo("国内生产总值达到24.66万亿元");
    }

    @Test
    void spacesAndLineBreaksInsideWordsAndNumbersGo() {
        assertThat(NormalizedText.normalize("城镇新增就业人数9. 6万人")).isEqualTo("城镇新增就业人数9.6万人");
        assertThat(NormalizedText.normalize("经济增长6 . 5%左右")).isEqualTo("经济增长6.5%左右");
        assertThat(NormalizedText.normalize("全市地区生产总值增长6.5 %左右")).isEqualTo("全市地区生产总值增长6.5%左右");
        assertThat(NormalizedText.normalize("社 会消费品零售总额3921亿元")).isEqualTo("社会消费品零售总额3921亿元");
        assertThat(NormalizedText.normalize("固定资产投资\n完成15亿元")).isEqualTo("固定资产投资完成15亿元");
        assertThat(NormalizedText.normalize("2025 年 3 月 30 日")).isEqualTo("2025年3月30日");
        // between two Latin letters or digits on one line a space is a space
        assertThat(NormalizedText.normalize("PM 2.5浓度")).isEqualTo("PM 2.5浓度");
        assertThat(NormalizedText.normalize("分别增长12.6%和 12.1%")).isEqualTo("分别增长12.6%和12.1%");
    }

    @Test
    void aDroppedSpaceIsRememberedAsAPossibleBoundary() {
        NormalizedText n = NormalizedText.of("2021年成绩 全市生产总值18109亿元");
        int at = n.text().indexOf("全市");
        assertThat(n.gapBefore(at)).isTrue();
        assertThat(n.gapBefore(at + 1)).isFalse();
    }

    @Test
    void pinyinGlossesAndFootnoteMarksGo() {
        assertThat(NormalizedText.normalize("預計全省生產(chǎn)總值增長5.2%,規(guī)上工業(yè)增加值增長7%"))
                .isEqualTo("预计全省生产总值增长5.2%,规上工业增加值增长7%");
        assertThat(NormalizedText.normalize("全市R&D[3]经费占比达2.33%")).isEqualTo("全市R&D经费占比达2.33%");
        // a parenthesis that is no gloss stays
        assertThat(NormalizedText.normalize("生产总值(GDP)增长6%")).isEqualTo("生产总值(GDP)增长6%");
        assertThat(NormalizedText.normalize("增长(yoy)6%")).isEqualTo("增长(yoy)6%");
    }

    @Test
    void widthsAndChineseNumeralYearsAreFolded() {
        assertThat(NormalizedText.normalize("增长６．５％")).isEqualTo("增长6.5%");
        assertThat(NormalizedText.normalize("二O一二年一月十一日")).isEqualTo("2012年一月十一日");
        assertThat(NormalizedText.normalize("二〇三五年远景目标")).isEqualTo("2035年远景目标");
        // a number that is no year stays as it is
        assertThat(NormalizedText.normalize("十二点八万亿元")).isEqualTo("十二点八万亿元");
    }

    @Test
    void aSpanOfTheViewIsTheOriginalTextBetweenItsOffsets() {
        String original = "城镇新增就业人数9. 6万人\n\n全市地區生產(chǎn)總值增長6.5 %左右。";
        NormalizedText n = NormalizedText.of(original);
        int start = n.text().indexOf("全市");
        int end = n.text().indexOf("左右") + 2;
        String quote = original.substring(n.originalStart(start), n.originalEnd(end));
        assertThat(quote).isEqualTo("全市地區生產(chǎn)總值增長6.5 %左右");
        int nine = n.text().indexOf("9.6");
        assertThat(original.substring(n.originalStart(nine), n.originalEnd(nine + 5))).isEqualTo("9. 6万人");
        // and back: an original offset finds its place in the view
        assertThat(n.index(original.indexOf("全市"))).isEqualTo(start);
    }

    @Property(tries = 400)
    void everyOffsetMapsBackInsideTheOriginal(@ForAll("reportish") String original) {
        NormalizedText n = NormalizedText.of(original);
        assertThat(n.length()).isLessThanOrEqualTo(original.length());
        int last = -1;
        for (int i = 0; i < n.length(); i++) {
            int o = n.originalStart(i);
            assertThat(o).isBetween(0, original.length() - 1).isGreaterThan(last);
            last = o;
            assertThat(n.index(o)).isEqualTo(i);
        }
        for (int s = 0; s <= n.length(); s += 3) {
            for (int e = s; e <= n.length(); e += 5) {
                int os = n.originalStart(s);
                int oe = n.originalEnd(e);
                if (e > s) {
                    assertThat(oe).isBetween(os + 1, original.length());
                }
            }
        }
    }

    @Property(tries = 200)
    void aSimplifiedTextWithoutSpacesIsItsOwnView(@ForAll("plain") String plain) {
        String view = NormalizedText.normalize(plain);
        assertThat(view).hasSameSizeAs(plain);
    }

    @Provide
    Arbitrary<String> reportish() {
        Arbitrary<String> pieces = Arbitraries.of("國內生產總值", "地区生产总值", "增长", "6. 5%", "9 . 6万人", "(chǎn)", "(GDP)", "[3]",
                "二〇二二年", "二O一二年", " ", "\n", "\u3000", "，", "６．５％", "PM 2.5", "乾隆", "乾", "左右", "。", "(", ")", "[",
                "]", "a", "O", "一", "年");
        Arbitrary<String> noise = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(3);
        return Arbitraries.oneOf(pieces, pieces, pieces, noise).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.of("地区生产总值", "增长", "6.5%", "亿元", "全市", "一般公共预算收入", ",", "。", "左右")
                .list().ofMaxSize(20).map(l -> String.join("", l));
    }
}
