package io.zhibiao.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.RealElasticsearch;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Bigram phrases only over indices that promise them in their mapping. */
@QuarkusTest
@WithTestResource(RealElasticsearch.class)
class PhraseFieldTest {

    @Inject
    ElasticsearchClient client;

    @Inject
    PhraseField phraseField;

    @Test
    void overIndicesCreatedWithBigramsAChineseWordIsAPhraseOfBigrams() {
        assertThat(phraseField.of("城市更新")).isEqualTo(new PhraseField.Match("bigrams", "城市 市更 更新"));
        assertThat(phraseField.of("城")).isEqualTo(new PhraseField.Match("text", "城"));
        assertThat(phraseField.of("5G基站")).isEqualTo(new PhraseField.Match("text", "5G基站"));
    }

    @Test
    void overAnIndexOfAnEarlierReleaseEveryTermIsAPhraseOfCharacters() throws IOException {
        client.indices().create(c -> c.index("passages-legacy-test").withJson(new StringReader(
                "{\"mappings\":{\"properties\":{\"text\":{\"type\":\"text\"}}}}")));
        try {
            PhraseField legacy = new PhraseField();
            legacy.client = client;
            legacy.alias = "passages-legacy-test";
            assertThat(legacy.of("城市更新")).isEqualTo(new PhraseField.Match("text", "城市更新"));
        } finally {
            client.indices().delete(d -> d.index("passages-legacy-test"));
        }
    }
}
