package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.nlp.segment.ReportSegmenter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A development harness: runs segmentation and extraction over the sample files with crude metadata
 * (the real metadata comes from ingest-service's ReportIngestor; see cli's GoldScoreTest).
 * Usage: SampleHarness OUT.jsonl FILE...
 */
public final class SampleHarness {
    private static final Pattern TITLE = Pattern.compile("(?m)^(20\\d\\d)年(.{2,8}?[市区县])(?:人民)?政府工作报告\\s*$");

    public static void main(String[] args) throws Exception {
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
            for (int a = 1; a < args.length; a++) {
                Path file = Path.of(args[a]);
                String text = Files.readString(file);
                for (IngestedReport report : reports(file.getFileName().toString(), text)) {
                    SegmentedReport seg = ReportSegmenter.standard().segment(report);
                    for (IndicatorFact f : IndicatorExtractor.standard().extract(seg)) {
                        out.println(Json.write(f));
                    }
                }
            }
        }
    }

    static List<IngestedReport> reports(String name, String text) {
        List<IngestedReport> out = new ArrayList<>();
        Matcher m = TITLE.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String[]> meta = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[]{m.start()});
            meta.add(new String[]{m.group(1), m.group(2)});
        }
        if (name.startsWith("001") && !starts.isEmpty()) {
            for (int i = 0; i < starts.size(); i++) {
                int s = starts.get(i)[0];
                int e = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                int year = Integer.parseInt(meta.get(i)[0]);
                out.add(report(name, text.substring(s, e), meta.get(i)[1], year, "work_report", i));
            }
            return out;
        }
        if (name.startsWith("000")) {
            out.add(report(name, text, "锦州市", 2024, "work_report", 0));
        } else if (name.startsWith("002")) {
            out.add(report(name, text, "沈阳市", 2024, "work_report", 0));
        } else if (name.startsWith("003")) {
            out.add(report(name, text, "凌河区", 2022, "five_year_plan", 0));
        } else if (name.startsWith("004")) {
            out.add(report(name, text, "葫芦岛市", 2025, "work_report", 0));
        }
        return out;
    }

    private static IngestedReport report(String name, String text, String region, int year, String type, int index) {
        ReportMetadata md = new ReportMetadata(null, new Region(region, null, null, null), type, year, year - 1, null,
                false, null, name, index, null, null);
        return new IngestedReport(name + "#" + index, md, text, List.of(), null);
    }
}
