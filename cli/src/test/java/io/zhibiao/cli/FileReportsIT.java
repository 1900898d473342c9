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
import java.util.List;
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

        // indexed means Elasticsearch has it; a search sees it after the next refresh
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode report = StackEndToEndIT.get(stack.query().url() + "/api/reports/" + id[0]);
            assertThat(report.path("metadata").path("format").asText()).isEqualTo("pdf");
            assertThat(report.path("metadata").path("pageCount").asInt()).isGreaterThan(5);
            assertThat(report.path("pages").size()).isGreaterThan(5);

            JsonNode facts = StackEndToEndIT.get(stack.query().url() + "/api/indicators?documentId=" + id[0] + "&size=200");
            assertThat(facts.path("items").size()).isGreaterThan(10);
            int[] lastPage = {0};
            for (JsonNode f : facts.path("items")) {
                assertThat(f.path("page").isInt()).as(f.toString()).isTrue();
                lastPage[0] = Math.max(lastPage[0], f.path("page").asInt());
            }
            assertThat(lastPage[0]).isGreaterThan(1);

            JsonNode hits = StackEndToEndIT.get(stack.query().url() + "/api/search?q="
                    + URLEncoder.encode("\"PDF版本(" + run + ")\"", StandardCharsets.UTF_8));
            assertThat(hits.path("items").size()).as(hits.toString()).isPositive();
            assertThat(hits.path("items").get(0).path("documentId").asText()).isEqualTo(id[0]);
            assertThat(hits.path("items").get(0).path("page").asInt()).isEqualTo(1);
        });
    }

    /** {@code ./zhibiao ingest DIR} on a folder of mixed files: one report in six formats, and a broken PDF. */
    @Test
    void aFolderOfMixedFilesIsIngestedWithItsSummary() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mixed");
        java.nio.file.Path fixtures = java.nio.file.Path.of("..", "ingest-service", "src", "test", "resources", "files");
        String run = UUID.randomUUID().toString().substring(0, 8);
        // ingest-service's fixtures: one text (not a sample's) as TXT, DOCX, DOC, WPS, RTF and ODT
        for (String name : List.of("report.txt", "report.docx", "report.doc", "report.wps", "report.rtf", "report.odt")) {
            java.nio.file.Files.copy(fixtures.resolve(name), dir.resolve(name));
        }
        java.nio.file.Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
        java.nio.file.Files.writeString(dir.resolve("notes.xyz"), "not a report " + run);
        List<java.nio.file.Path> files = IngestCommand.files(List.of(dir));
        assertThat(files).extracting(p -> p.getFileName().toString()).doesNotContain("notes.xyz").hasSize(7);
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
        IngestCommand.Summary summary = IngestCommand.send(files, stack.ingest().url(),
                io.zhibiao.stack.LocalStack.apiKey(stack.config()), new java.io.PrintStream(progress, true,
                        StandardCharsets.UTF_8));
        assertThat(summary.files).isEqualTo(7);
        // the same text in six formats: one report (accepted now, or by an earlier run: then all six are duplicates)
        assertThat(summary.accepted + summary.duplicates).isEqualTo(6);
        assertThat(summary.accepted).isLessThanOrEqualTo(1);
        assertThat(summary.rejected).hasSize(1);
        assertThat(summary.rejected.keySet().iterator().next()).startsWith("422 corrupt-file");
        assertThat(summary.rejected.values().iterator().next()).containsExactly("broken.pdf");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("ingest");
    }
}
