package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.cli.formats.FormatParityTest;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.files.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A PDF published to reports.raw, as a scraper sends it (contentBase64, application/pdf), comes out on the real
 * stack searchable, with its pages: the report view says where each page begins, and its facts and passages carry
 * their page.
 */
@Order(330)
class FileReportsIT {
    private static LocalStack stack;

    @BeforeAll
    static void stack() {
        stack = EndToEndStack.get();
        assertThat(EndToEndStack.upExit()).as(EndToEndStack.upOutput()).isZero();
    }

    @Test
    void aPublishedPdfIsSearchableAndItsFactsHaveTheirPage() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // the seed text with one line of its own, so that it is a new document and not the sample's duplicate
        // (inside the report: a line after the page's trailer, 责任编辑… 版权所有…, would be cleaned away with it)
        String seed = FormatParityTest.sample("000_ad8bd8fded9599e0.txt");
        int cut = seed.indexOf('\n', seed.indexOf("初步核算")) + 1;
        String text = seed.substring(0, cut) + "本文件为PDF版本(" + run + ")。\n" + seed.substring(cut);
        byte[] pdf = ReportFiles.pdf(text, "锦州市人民政府工作报告");
        String url = "https://www.jz.gov.cn/files/" + run + "/report.pdf";
        RawReport raw = FormatParityTest.file(pdf, "application/pdf", "report.pdf");
        raw = new RawReport(url, raw.fetchedAt(), raw.contentType(), null, null, raw.contentBase64(), "report.pdf", null);
        try (ReportPublisher publisher = new ReportPublisher(stack.config().kafkaBootstrap(), Topics.RAW)) {
            publisher.publish(raw);
        }
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode listing = StackEndToEndIT.get(stack.ingest().url() + "/api/reports?limit=500");
            JsonNode doc = null;
            for (JsonNode item : listing.path("items")) {
                if (url.equals(item.path("sourceUrl").asText())) {
                    doc = item;
                }
            }
            assertThat(doc).as("%s in the ledger", url).isNotNull();
            assertThat(doc.path("status").asText()).as(doc.toString()).isEqualTo("indexed");
            id[0] = doc.path("documentId").asText();
        });

        JsonNode report = StackEndToEndIT.get(stack.query().url() + "/api/reports/" + id[0]);
        assertThat(report.path("metadata").path("format").asText()).isEqualTo("pdf");
        assertThat(report.path("metadata").path("pageCount").asInt()).isGreaterThan(5);
        assertThat(report.path("pages").size()).isGreaterThan(5);

        JsonNode facts = StackEndToEndIT.get(stack.query().url() + "/api/indicators?documentId=" + id[0] + "&size=200");
        assertThat(facts.path("items").size()).isGreaterThan(10);
        int lastPage = 0;
        for (JsonNode f : facts.path("items")) {
            assertThat(f.path("page").isInt()).as(f.toString()).isTrue();
            lastPage = Math.max(lastPage, f.path("page").asInt());
        }
        assertThat(lastPage).isGreaterThan(1);

        JsonNode hits = StackEndToEndIT.get(stack.query().url() + "/api/search?q="
                + URLEncoder.encode("\"PDF版本(" + run + ")\"", StandardCharsets.UTF_8));
        assertThat(hits.path("items").size()).as(hits.toString()).isPositive();
        assertThat(hits.path("items").get(0).path("documentId").asText()).isEqualTo(id[0]);
        assertThat(hits.path("items").get(0).path("page").asInt()).isEqualTo(1);
    }
}
