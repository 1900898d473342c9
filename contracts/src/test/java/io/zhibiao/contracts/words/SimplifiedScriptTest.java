package io.zhibiao.contracts.words;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Traditional to simplified script, character for character, from HanLP's OpenCC table. */
class SimplifiedScriptTest {
    static final SimplifiedScript SCRIPT = SimplifiedScript.standard();

    @Test
    void traditionalReportWordsBecomeSimplified() {
        assertThat(SCRIPT.convert("地區生產總值")).isEqualTo("地区生产总值");
        assertThat(SCRIPT.convert("社會消費品零售總額")).isEqualTo("社会消费品零售总额");
        assertThat(SCRIPT.convert("城鎮登記失業率控制在4.2%以內")).isEqualTo("城镇登记失业率控制在4.2%以内");
        assertThat(SCRIPT.convert("國務院總理 溫家寶")).isEqualTo("国务院总理 温家宝");
        // a mainland-traditional variant that the OpenCC table leaves to another table
        assertThat(SCRIPT.convert("國內生産總值")).isEqualTo("国内生产总值");
    }

    @Test
    void theLengthNeverChangesAndSimplifiedTextStaysAsItIs() {
        String simplified = "2023年,全市地区生产总值增长5.4%,一般公共预算收入增长8%左右。";
        assertThat(SCRIPT.convert(simplified)).isEqualTo(simplified);
        String traditional = "預計全年地區生產總值達到7200億元、增長6.5%以上";
        assertThat(SCRIPT.convert(traditional)).hasSameSizeAs(traditional);
    }

    @Test
    void phrasesDecideOverSingleCharacters() {
        // 乾 alone is 干 (乾淨 → 干净), in 乾隆 it stays
        assertThat(SCRIPT.convert("乾淨")).isEqualTo("干净");
        assertThat(SCRIPT.convert("乾隆年間")).isEqualTo("乾隆年间");
    }

    @Test
    void tellsTraditionalCharacters() {
        assertThat(SCRIPT.isTraditional('國')).isTrue();
        assertThat(SCRIPT.isTraditional('国')).isFalse();
        assertThat(SCRIPT.isTraditional('a')).isFalse();
    }
}
