package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.formats.SourceFormat;
import io.zhibiao.stack.LocalStack;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "ingest", description = {
        "Send report files (or every file in directories) to a running stack's ingest-service,",
        "with a progress bar; end with a summary: accepted, duplicates, rejected with reasons."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "report files (.txt, .html, .pdf, .docx, .doc, .wps, .rtf, .odt, .png, .jpg, .tif) or directories of them")
    List<Path> inputs;

    @Option(names = "--url", description = "ingest-service base URL (default: the local stack's)")
    String url;

    @Option(names = "--api-key", description = "API key (default: $ZHIBIAO_API_KEY, else the local stack's .zhibiao/api-key)")
    String apiKey;

    @Override
    public Integer call() throws IOException {
        LocalStack stack = StackCommands.openStack();
        String base = url != null ? url : stack.ingest().url();
        String key = apiKey != null ? apiKey : System.getenv("ZHIBIAO_API_KEY") != null
                ? System.getenv("ZHIBIAO_API_KEY") : LocalStack.apiKey(stack.config());
        List<Path> files = files(inputs);
        Summary summary = send(files, base, key, System.err);
        summary.print(System.out);
        return summary.rejected.isEmpty() ? 0 : 1;
    }

    /** What came of the files. */
    static final class Summary {
        int files;
        int accepted;
        int duplicates;
        final Map<String, List<String>> rejected = new TreeMap<>();

        void print(PrintStream out) {
            out.printf("%d files: %d reports accepted, %d duplicates, %d files rejected%n", files, accepted, duplicates,
                    rejected.values().stream().mapToInt(List::size).sum());
            rejected.forEach((reason, names) -> out.printf("  rejected (%s): %s%n", reason, String.join(", ", names)));
        }
    }

    static Summary send(List<Path> files, String base, String key, PrintStream progressOut) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Summary summary = new Summary();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(files.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(progressOut))
                .build()) {
            for (Path file : files) {
                summary.files++;
                RawReport raw = ReportPublisher.toRawReport(file, "file:" + file.toAbsolutePath());
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                            .timeout(Duration.ofMinutes(15)).header("Content-Type", "application/json")
                            .header("X-API-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(raw))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    JsonNode body = Json.mapper().readTree(r.body().isEmpty() ? "{}" : r.body());
                    if (r.statusCode() == 202) {
                        for (JsonNode d : body.path("documents")) {
                            if (d.path("duplicate").asBoolean()) {
                                summary.duplicates++;
                            } else {
                                summary.accepted++;
                            }
                        }
                    } else {
                        String reason = r.statusCode() + " " + body.path("code").asText("") + ": "
                                + body.path("reason").asText(r.body());
                        summary.rejected.computeIfAbsent(reason, k -> new ArrayList<>()).add(file.getFileName().toString());
                        if (r.statusCode() == 401) {
                            throw new IllegalStateException("ingest-service refused the API key: " + reason);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("ingest-service does not answer at " + base + ": " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                bar.step();
            }
        }
        return summary;
    }

    static List<Path> files(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> walk = Files.walk(in)) {
                    // every format ingest reads: text, HTML, PDF, Word, WPS, RTF, ODT, page images
                    walk.filter(Files::isRegularFile).filter(p -> !Sidecars.isSidecar(p))
                            .filter(p -> SourceFormat.ofFileName(p.getFileName().toString()).isPresent())
                            .sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(in)) {
                out.add(in);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + in);
            }
        }
        return out;
    }
}
