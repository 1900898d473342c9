package io.zhibiao.cli;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import io.zhibiao.nlp.segment.ReportSegmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./zhibiao extract FILE...}: the pipeline's cleaning, splitting, segmentation and extraction,
 * in-process and without Kafka; prints the indicator facts as JSON lines in the shape of SCHEMA.md,
 * with {@code source} = the file's name. A file that cannot be read or ingested is reported on stderr
 * and the others still run; the exit status is then 1.
 */
@Command(name = "extract", description = "Extract indicator facts from files; print them as JSON lines.")
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files (text or HTML; UTF-8, GB18030/GBK or Big5)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "TSV",
            description = "where the files were fetched: a tab-separated file whose first two columns are the file's name "
                    + "and its source URL (a header line is skipped), as a scraper's log gives it; the URL is sent "
                    + "as the report's sourceUrl, which can place a text that never names its government")
    Path sources;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int status = 0;
        Map<String, String> urls;
        try {
            urls = sources == null ? Map.of() : sourceUrls(sources);
        } catch (IOException e) {
            System.err.println("zhibiao extract: cannot read " + sources + ": " + e.getMessage());
            return 2;
        }
        for (Path file : files) {
            try {
                for (IndicatorFact fact : extract(file, urls.get(file.getFileName().toString()))) {
                    out.println(Json.write(fact));
                }
            } catch (IOException e) {
                System.err.println("zhibiao extract: cannot read " + file + ": " + e.getMessage());
                status = 1;
            } catch (RuntimeException e) {
                System.err.println("zhibiao extract: " + file + ": " + e.getMessage());
                status = 1;
            }
        }
        out.flush();
        return status;
    }

    /** The facts of one file: file bytes → raw report → ingestion → segmentation → extraction. */
    static List<IndicatorFact> extract(Path file) throws IOException {
        return extract(file, null);
    }

    /** … with the URL it was fetched from, when known (else the file's own URI). */
    static List<IndicatorFact> extract(Path file, String sourceUrl) throws IOException {
        List<IndicatorFact> facts = new ArrayList<>();
        for (Extracted e : extractDocuments(file, sourceUrl)) {
            facts.addAll(e.facts());
        }
        return facts;
    }

    /** One report of a file and its facts. */
    record Extracted(IngestedDocument document, List<IndicatorFact> facts) {
    }

    /** The reports of one file, each with its facts. */
    static List<Extracted> extractDocuments(Path file, String sourceUrl) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        RawReport raw = Sidecars.apply(new RawReport(sourceUrl != null ? sourceUrl : file.toUri().toString(), Instant.now(),
                contentType(name), null, null, Base64.getEncoder().encodeToString(bytes), name, null), file);
        List<Extracted> out = new ArrayList<>();
        for (IngestedDocument doc : ReportIngestor.standard().ingest(raw)) {
            IngestedReport report = new IngestedReport(doc.documentId(), doc.metadata(), doc.text(), List.of(), Instant.now());
            List<IndicatorFact> facts = new ArrayList<>();
            for (IndicatorFact fact : IndicatorExtractor.standard().extract(ReportSegmenter.standard().segment(report))) {
                facts.add(fact.withProvenance(name, doc.documentId()));
            }
            out.add(new Extracted(doc, facts));
        }
        return out;
    }

    /** File name → source URL from a tab-separated list (file, url, …); lines without a URL are skipped. */
    static Map<String, String> sourceUrls(Path tsv) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 2 && f[1].contains("://")) {
                out.put(f[0].strip(), f[1].strip());
            }
        }
        return out;
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") ? "text/html" : "text/plain";
    }
}
