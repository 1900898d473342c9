package io.zhibiao.cli;

import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.ReportIngestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./zhibiao split FILE...}: the ingest service's decoding, cleaning, splitting and metadata,
 * in-process, one JSON line per report found.
 */
@Command(name = "split", description = "Decode, clean and split files into reports; print one JSON line per report.")
public final class SplitCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "report files: text or HTML (.htm, .html), in UTF-8, GB18030/GBK or Big5")
    List<Path> files;

    @Option(names = "--max-bytes", paramLabel = "N", description = "size limit per file (default: ${DEFAULT-VALUE})")
    long maxBytes = ReportIngestor.DEFAULT_MAX_BYTES;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        return run(files, ReportIngestor.standard().withMaxBytes(maxBytes), out, err);
    }

    /** Splits each file, printing its reports to {@code out} and refusals to {@code err}; 1 if any file was refused. */
    static int run(List<Path> files, ReportIngestor ingestor, PrintStream out, PrintStream err) {
        int refused = 0;
        for (Path file : files) {
            String name = String.valueOf(file.getFileName());
            List<IngestedDocument> documents;
            try {
                documents = ingestor.ingest(fileReport(file));
            } catch (IOException e) {
                err.println("zhibiao split: " + file + ": cannot read: " + e.getMessage());
                refused++;
                continue;
            } catch (RejectedInputException e) {
                err.println("zhibiao split: " + file + ": rejected (" + e.code() + "): " + e.reason());
                refused++;
                continue;
            }
            for (IngestedDocument doc : documents) {
                out.println(Json.write(line(name, doc)));
            }
        }
        out.flush();
        return refused == 0 ? 0 : 1;
    }

    /** A file as the scrapers would send it: its bytes in base64, the type from its name, its {@link Sidecars}. */
    public static RawReport fileReport(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = String.valueOf(file.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".htm") || lower.endsWith(".html") ? "text/html" : "text/plain";
        return Sidecars.apply(new RawReport("file:" + file.toAbsolutePath().normalize(), Instant.now(), type, null, null,
                Base64.getEncoder().encodeToString(bytes), name, null), file);
    }

    static Map<String, Object> line(String source, IngestedDocument doc) {
        ReportMetadata m = doc.metadata();
        Region r = m.region();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", source);
        line.put("index", m.indexInSource());
        line.put("title", m.title());
        line.put("region", r == null ? null : r.name());
        line.put("regionCode", r == null ? null : r.code());
        line.put("province", r == null ? null : r.province());
        line.put("level", r == null ? null : r.level());
        line.put("docType", m.docType());
        line.put("year", m.year());
        line.put("reviewedYear", m.reviewedYear());
        line.put("fragment", m.fragment());
        line.put("foundBy", m.foundBy());
        line.put("chars", doc.text().length());
        line.put("documentId", doc.documentId());
        return line;
    }
}
