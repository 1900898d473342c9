package io.zhibiao.contracts.words;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BigramsTest {

    @Test
    void eachRunOfHanCharactersBecomesItsBigrams() {
        assertThat(Bigrams.of("推进城市更新,地区生产总值增长5.4%。"))
                .containsExactly("推进 进城 城市 市更 更新", "地区 区生 生产 产总 总值 值增 增长");
    }

    @Test
    void aSingleHanCharacterBetweenOtherCharactersGivesNoBigram() {
        assertThat(Bigrams.of("增长5.4%左右,GDP达1万亿")).as("达 alone gives none").containsExactly("增长", "左右", "万亿");
        assertThat(Bigrams.of("5G")).isEmpty();
        assertThat(Bigrams.of("")).isEmpty();
        assertThat(Bigrams.of(null)).isEmpty();
    }

    @Test
    void charactersOutsideTheBasicPlaneArePairedWhole() {
        assertThat(Bigrams.of("𠀀城")).containsExactly("𠀀城");
    }

    @Test
    void aSearchTermIsThePhraseOfItsBigramsWhenItIsHanOnly() {
        assertThat(Bigrams.phrase("城市更新")).isEqualTo("城市 市更 更新");
        assertThat(Bigrams.phrase("发展")).isEqualTo("发展");
        assertThat(Bigrams.phrase("城")).as("one character: matched per character").isNull();
        assertThat(Bigrams.phrase("5G基站")).as("mixed: matched per character").isNull();
        assertThat(Bigrams.phrase("新能源 汽车")).isNull();
        assertThat(Bigrams.phrase(null)).isNull();
    }

    @Test
    void aTermsPhraseIsFoundInTheBigramsOfEveryTextHoldingIt() {
        String text = "全市新能源汽车产量增长30%,新能源汽车推广应用。";
        String phrase = Bigrams.phrase("新能源汽车");
        assertThat(Bigrams.of(text)).anySatisfy(run -> assertThat(" " + run + " ").contains(" " + phrase + " "));
        assertThat(Bigrams.of("新能源,汽车")).noneSatisfy(run -> assertThat(" " + run + " ").contains(" " + phrase + " "));
    }
}
