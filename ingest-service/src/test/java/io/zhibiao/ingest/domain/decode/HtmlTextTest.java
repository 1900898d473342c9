package io.zhibiao.ingest.domain.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {
    @Test
    void blocksAndLineBreaksBecomeLinesAndScriptsGo() {
        String html = """
                <!DOCTYPE html><html><head><title>2024年锦州市政府工作报告_锦州市人民政府</title>
                <style>p { text-indent: 2em }</style><script>var x = "各位代表";</script></head>
                <body><div class="article"><h1>2024年锦州市政府工作报告</h1>
                <p>锦州市人民政府市长&nbsp;王心宇</p>
                <p>各位代表:</p><p>　　现在,我代表市政府向大会报告工作,<br>请予审议。</p>
                <noscript>请启用JavaScript</noscript></div></body></html>
                """;
        assertThat(HtmlText.toText(html)).isEqualTo(
                "2024年锦州市政府工作报告\n锦州市人民政府市长\u00A0王心宇\n各位代表:\n现在,我代表市政府向大会报告工作,\n请予审议。\n");
    }

    @Test
    void aSourceLineBreakInsideChineseTextIsNoSpace() {
        String html = "<p>地区生产总值\n    增长5.4%,一般公共预算收入\n增长10%</p><p>PM\n2.5</p>";
        assertThat(HtmlText.toText(html)).isEqualTo("地区生产总值增长5.4%,一般公共预算收入增长10%\nPM 2.5\n");
    }

    @Test
    void tableCellsAreSeparatedAndRowsAreLines() {
        String html = "<table><tr><td>指标</td><td>增长</td></tr><tr><td>地区生产总值</td><td>5.4%</td></tr></table>";
        assertThat(HtmlText.toText(html).lines().map(String::strip)).containsExactly("指标 增长", "地区生产总值 5.4%");
    }

    @Test
    void htmlSentAsPlainTextIsRecognised() {
        assertThat(HtmlText.looksLikeHtml("\n<!DOCTYPE html>\n<html>")).isTrue();
        assertThat(HtmlText.looksLikeHtml("<HTML><body>")).isTrue();
        assertThat(HtmlText.looksLikeHtml("2024年锦州市政府工作报告\n<各位代表>")).isFalse();
    }
}
