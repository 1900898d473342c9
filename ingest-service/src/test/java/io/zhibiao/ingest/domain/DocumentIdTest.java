package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.RawReport;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentIdTest {
    private final ReportIngestor ingestor = ReportIngestor.standard();

    @Test
    void anIdIs24HexDigitsOfTheTextsHash() {
        assertThat(DocumentId.of("2024年锦州市政府工作报告")).matches("[0-9a-f]{24}")
                .isEqualTo(DocumentId.of("2024年锦州市政府工作报告"))
                .isNotEqualTo(DocumentId.of("2024年锦州市政府工作报告。"));
    }

    @Test
    void theSameReportHasTheSameIdWhateverPageCharsetOrMarkupItCameIn() {
        IngestedDocument original = ingestor.ingest(Samples.raw(Samples.JINZHOU_2024)).get(0);
        String text = original.text();

        // the same report as a GBK web page: full-width punctuation, indented paragraphs, other furniture
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"gbk\"><title>锦州市人民政府</title>"
                + "<script>track()</script></head><body><div class=nav>首页 &gt; 政务公开</div>"
                + "<div class=\"toolbar\">【字体:大 中 小】【打印】【关闭】</div>");
        for (String line : text.split("\n")) {
            html.append("<p>&#12288;&#12288;").append(line.replace(",", "，").replace(":", "：")).append("</p>\n");
        }
        html.append("<p>版权所有：锦州市人民政府办公室</p><p>网站标识码：2107000001</p></body></html>");
        byte[] gbk = html.toString().getBytes(Charset.forName("GBK"));
        List<IngestedDocument> fromHtml = ingestor.ingest(Samples.bytes(gbk, "text/html", null));
        assertThat(fromHtml).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo(text);
            assertThat(d.documentId()).isEqualTo(original.documentId());
        });
    }

    @Test
    void aReportHasTheSameIdInABundleAndAlone() {
        List<IngestedDocument> bundle = ingestor.ingest(Samples.raw(Samples.BUNDLE_2023));
        IngestedDocument wenzhou = bundle.get(19);
        List<IngestedDocument> alone = ingestor.ingest(RawReport.text("https://example.gov.cn/wz", null,
                "体制人的免费资料库 –请点击:www.mishugongzuo.com材料交流群,请加微信tizhisiri\n目录\n" + wenzhou.text()));
        assertThat(alone).singleElement().satisfies(d -> assertThat(d.documentId()).isEqualTo(wenzhou.documentId()));
    }

    @Test
    void ingestingTwiceGivesTheSameDocuments() {
        assertThat(ingestor.ingest(Samples.raw(Samples.SHENYANG_2024)))
                .isEqualTo(ingestor.ingest(Samples.raw(Samples.SHENYANG_2024)));
    }
}
