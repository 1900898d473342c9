package io.zhibiao.contracts.words;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordSegmenterTest {
    private final WordSegmenter segmenter = WordSegmenter.standard();

    @Test
    void cutsAReportClauseIntoWordsWithTags() {
        List<WordSegmenter.Word> words = segmenter.words("初步核算,地区生产总值增长5.4%");
        assertThat(words).extracting(WordSegmenter.Word::text)
                .containsExactly("初步", "核算", ",", "地区", "生产总值", "增长", "5.4", "%");
        assertThat(words.get(4).pos()).isEqualTo("n");
        assertThat(words.get(5).pos()).isEqualTo("v");
    }

    @Test
    void offsetsAreAbsoluteAndSkipWhitespace() {
        String text = "前言。 一般公共预算收入 增长10%";
        WordSegmenter.Words words = segmenter.segment(text, 4, text.length());
        for (int i = 0; i < words.size(); i++) {
            String word = text.substring(words.offsets()[2 * i], words.offsets()[2 * i + 1]);
            assertThat(word).isNotBlank();
        }
        assertThat(text.substring(words.offsets()[0], words.offsets()[1])).isEqualTo("一般");
    }

    @Test
    void aQueryIsCutLikeTheTextItShouldFind() {
        assertThat(segmenter.words("社会消费品零售总额")).extracting(WordSegmenter.Word::text)
                .isEqualTo(segmenter.words("全市社会消费品零售总额增长8%").stream()
                        .map(WordSegmenter.Word::text).skip(1).limit(segmenter.words("社会消费品零售总额").size()).toList());
    }
}
