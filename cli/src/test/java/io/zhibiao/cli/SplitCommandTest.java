package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;
import io.zhibiao.ingest.domain.ReportIngestor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SplitCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int split(List<Path> files) {
        return SplitCommand.run(files, ReportIngestor.standard(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }

    private static Path samples() {
        Path p = Path.of("..", "samples");
        return Files.isDirectory(p) ? p : Path.of("samples");
    }

    @Test
    void theSamplesSplitInto34Reports() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(split(files)).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).as("28 seed reports and 6 texts of the web corpus").hasSize(34);

        JsonNode jinzhou = lines.get(0);
        assertThat(jinzhou.get("source").asText()).isEqualTo("000_ad8bd8fded9599e0.txt");
        assertThat(jinzhou.get("index").asInt()).isZero();
        assertThat(jinzhou.get("title").asText()).isEqualTo("2024年锦州市政府工作报告");
        assertThat(jinzhou.get("region").asText()).isEqualTo("锦州市");
        assertThat(jinzhou.get("regionCode").asText()).isEqualTo("210700");
        assertThat(jinzhou.get("province").asText()).isEqualTo("辽宁省");
        assertThat(jinzhou.get("level").asText()).isEqualTo("prefecture");
        assertThat(jinzhou.get("docType").asText()).isEqualTo("work_report");
        assertThat(jinzhou.get("year").asInt()).isEqualTo(2024);
        assertThat(jinzhou.get("reviewedYear").asInt()).isEqualTo(2023);
        assertThat(jinzhou.get("fragment").asBoolean()).isFalse();
        assertThat(jinzhou.get("chars").asInt()).isGreaterThan(10_000);
        assertThat(jinzhou.get("documentId").asText()).matches("[0-9a-f]{24}");

        JsonNode plan = lines.get(26);
        assertThat(plan.get("region").asText()).isEqualTo("凌河区");
        assertThat(plan.get("docType").asText()).isEqualTo("five_year_plan");
        assertThat(plan.get("reviewedYear").isNull()).isTrue();
        assertThat(lines.get(27).get("fragment").asBoolean()).isTrue();
        assertThat(lines).extracting(l -> l.get("source").asText()).filteredOn(s -> s.startsWith("001_")).hasSize(24);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anHtmlFileIsReadAsHtmlInItsOwnCharset(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("jinzhou.html");
        Files.write(page, ("<html><head><meta charset=\"gb2312\"><script>var a=1;</script></head><body>"
                + "<h1>2024年锦州市政府工作报告</h1><p>锦州市人民政府市长 王心宇</p><p>各位代表：</p>"
                + "<p>现在，我代表市政府向大会报告工作，请予审议。</p></body></html>").getBytes(Charset.forName("GB2312")));
        assertThat(split(List.of(page))).isZero();
        JsonNode line = lines().get(0);
        assertThat(line.get("source").asText()).isEqualTo("jinzhou.html");
        assertThat(line.get("region").asText()).isEqualTo("锦州市");
        assertThat(line.get("chars").asInt()).isEqualTo(
                "2024年锦州市政府工作报告\n锦州市人民政府市长 王心宇\n各位代表:\n现在,我代表市政府向大会报告工作,请予审议。".length());
    }

    @Test
    void aRejectedFileIsReportedAndTheOthersStillSplit(@TempDir Path dir) throws IOException {
        Path english = dir.resolve("english.txt");
        Files.writeString(english, "Report on the Work of the Government, delivered on March 5, 2024.");
        Path missing = dir.resolve("missing.txt");
        int exit = split(List.of(english, samples().resolve("004_4d51fec59cea5135.txt"), missing));
        assertThat(exit).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(l -> assertThat(l.get("region").asText()).isEqualTo("葫芦岛市"));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("english.txt: rejected (no-chinese-text):")
                .contains("missing.txt: cannot read:");
    }

    @Test
    void theCommandIsRegistered() {
        assertThat(new picocli.CommandLine(new Zhibiao()).getSubcommands()).containsKey("split");
    }
}
