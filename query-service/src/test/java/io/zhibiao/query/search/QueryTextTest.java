package io.zhibiao.query.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTextTest {

    @Test
    void spacesSeparateTermsAndQuotesKeepPhrasesWhole() {
        assertThat(QueryText.parse("新能源汽车  产业集群").terms()).containsExactly("新能源汽车", "产业集群");
        assertThat(QueryText.parse("\"地区生产总值 增长\" 锦州").terms()).containsExactly("地区生产总值 增长", "锦州");
        assertThat(QueryText.parse("“营商环境”").terms()).containsExactly("营商环境");
        assertThat(QueryText.parse("数字经济\u3000乡村振兴").terms()).containsExactly("数字经济", "乡村振兴");
    }

    @Test
    void aMinusExcludesAWordOrAPhrase() {
        QueryText q = QueryText.parse("新能源 -汽车 -\"光伏 发电\"");
        assertThat(q.terms()).containsExactly("新能源");
        assertThat(q.excluded()).containsExactly("汽车", "光伏 发电");
        assertThat(QueryText.parse("2023-2025 规划").terms()).containsExactly("2023-2025", "规划");
    }

    @Test
    void emptyOrOverlongQueriesAreRefusedWithAReason() {
        assertThatThrownBy(() -> QueryText.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> QueryText.parse("\"\"")).hasMessageContaining("no words");
        assertThatThrownBy(() -> QueryText.parse("-汽车")).hasMessageContaining("only excluded");
        assertThatThrownBy(() -> QueryText.parse("字".repeat(201))).hasMessageContaining("200");
        assertThatThrownBy(() -> QueryText.parse("a b c d e f g h i j k")).hasMessageContaining("10");
        assertThatThrownBy(() -> QueryText.parse("新能源\u0000")).hasMessageContaining("control");
    }
}
