package io.zhibiao.nlp.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityReaderTest {
    private final QuantityReader reader = new QuantityReader(IndicatorLexicon.load().units());

    private Quantity read(String s) {
        return reader.read(s, 0, s.length());
    }

    @Test
    void readsAnAmountWithItsUnit() {
        Quantity q = read("326.3亿元、超过兴平");
        assertThat(q.value()).isEqualTo(326.3);
        assertThat(q.unit()).isEqualTo("亿元");
        assertThat(q.end()).isEqualTo("326.3亿元".length());
    }

    @Test
    void scalesTrillionsToHundredMillions() {
        Quantity q = read("1.2万亿元,增长5%以上");
        assertThat(q.value()).isEqualTo(12000);
        assertThat(q.unit()).isEqualTo("亿元");
    }

    @Test
    void readsTheQualifierAfterTheNumber() {
        assertThat(read("6%左右").qualifier()).isEqualTo("about");
        assertThat(read("50亿斤以上").qualifier()).isEqualTo("above");
        assertThat(read("5.5%以内").qualifier()).isEqualTo("at_most");
        assertThat(read("3000余万元").qualifier()).isEqualTo("above");
    }

    @Test
    void readsRangesWithEitherDash() {
        Quantity a = read("6.5—7%,第三产业");
        assertThat(a.value()).isEqualTo(6.5);
        assertThat(a.valueMax()).isEqualTo(7.0);
        assertThat(a.unit()).isEqualTo("%");
        Quantity b = read("6%-6.5%");
        assertThat(b.value()).isEqualTo(6.0);
        assertThat(b.valueMax()).isEqualTo(6.5);
    }

    @Test
    void readsChineseNumerals() {
        Quantity q = read("百分之四点五");
        assertThat(q.value()).isEqualTo(4.5);
        assertThat(q.unit()).isEqualTo("%");
        assertThat(read("千亿元大关").value()).isEqualTo(1000);
        assertThat(read("千亿元大关").milestone()).isTrue();
        assertThat(QuantityReader.chineseValue("十二")).isEqualTo(12);
        assertThat(QuantityReader.chineseValue("三千五百")).isEqualTo(3500);
        assertThat(QuantityReader.chineseValue("二〇二五")).isEqualTo(2025);
    }

    @Test
    void aScaleWordWithoutUnitIsKeptForTheIndicatorToComplete() {
        Quantity q = read("千万");
        assertThat(q.value()).isEqualTo(1000);
        assertThat(q.unit()).isEqualTo("万");
    }

    @Test
    void numbersWithoutAKnownUnitAreNotQuantities() {
        assertThat(read("2022年工作回顾")).isNull();
        assertThat(read("35项改革")).isNull();
        assertThat(read("一批项目")).isNull();
    }
}
