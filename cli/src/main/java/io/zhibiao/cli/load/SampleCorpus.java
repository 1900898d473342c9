package io.zhibiao.cli.load;

import io.zhibiao.cli.Sidecars;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.domain.region.Division;
import io.zhibiao.ingest.domain.region.RegionDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample corpus ({@code samples/*.txt}, with its {@link Sidecars}) as ingestion splits and cleans it: the seeds
 * of the generator, except the reports whose government or year only their hints give.
 */
public final class SampleCorpus {

    private SampleCorpus() {
    }

    /** Every report of every {@code .txt} file in the directory, in file order. */
    public static List<BaseReport> read(Path samples) {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + samples, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no sample reports (*.txt) in " + samples);
        }
        ReportIngestor ingestor = ReportIngestor.standard();
        RegionDirectory directory = RegionDirectory.standard();
        List<BaseReport> out = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String name = file.getFileName().toString();
            RawReport raw = Sidecars.apply(new RawReport("file:samples/" + name, Instant.EPOCH, "text/plain", null, null,
                    Base64.getEncoder().encodeToString(bytes), name, null), file);
            List<IngestedDocument> docs = ingestor.ingest(raw);
            for (int i = 0; i < docs.size(); i++) {
                IngestedDocument d = docs.get(i);
                if (fromHints(d)) {
                    // its government or year is known only from the hints beside the file (Sidecars), which a
                    // generated copy, moved to another region and year, cannot carry: not a seed of the generator
                    continue;
                }
                Division division = d.metadata().region() == null || d.metadata().region().code() == null ? null
                        : directory.byCode(d.metadata().region().code());
                out.add(new BaseReport(name + "#" + i, d.text(), d.metadata(), division));
            }
        }
        return List.copyOf(out);
    }

    private static boolean fromHints(IngestedDocument d) {
        var foundBy = d.metadata().foundBy();
        return foundBy != null && ("hint".equals(foundBy.get("region")) || "hint".equals(foundBy.get("year")));
    }
}
