package io.zhibiao.contracts.words;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HanScriptTest {

    @Test
    void answersAsTheUnicodeScriptTableForEveryCodePoint() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (HanScript.is(c) != han) {
                throw new AssertionError(String.format("U+%04X: %s", c, han));
            }
        }
    }

    @Test
    void countsHanCharactersIncludingThoseOutsideTheBasicPlane() {
        assertThat(HanScript.count("2024年GDP增长5.4%")).isEqualTo(3);
        assertThat(HanScript.count("𠀀〇々")).as("U+20000 counts once; 〇 and 々 are Han").isEqualTo(3);
        assertThat(HanScript.count("")).isZero();
        assertThat(HanScript.count("\uD840")).as("a lone surrogate is not a character").isZero();
    }
}
