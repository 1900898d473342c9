package io.zhibiao.cli;

import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scraper knows about a file besides its bytes, kept beside it as a scraper would send it:
 * <ul>
 *   <li>{@code SOURCES.tsv} in the file's folder (tab-separated, a header line, columns {@code file} and
 *       {@code url} first): the URL the file was fetched from, sent as {@code sourceUrl};</li>
 *   <li>{@code NAME.hints.json} beside {@code NAME.txt}: the {@link RawReport.Hints} the site gives
 *       ({@code {"region": "湖北省", "year": 2025}}), sent as {@code hints}, which ingestion uses only where the
 *       text is silent.</li>
 * </ul>
 * {@code ./zhibiao up}, {@code ./zhibiao ingest DIR} and the load generator read the samples through it.
 */
public final class Sidecars {
    /** The file of a folder that names each file's source URL. */
    public static final String SOURCES = "SOURCES.tsv";
    /** The ending of a file's hints, beside it. */
    public static final String HINTS = ".hints.json";

    private Sidecars() {
    }

    /** The report with the source URL and hints its sidecars give (the report as it was where they say nothing). */
    public static RawReport apply(RawReport raw, Path file) {
        String name = file.getFileName().toString();
        String url = sources(file.toAbsolutePath().getParent()).getOrDefault(name, raw.sourceUrl());
        RawReport.Hints hints = hints(file).orElse(raw.hints());
        return new RawReport(url, raw.fetchedAt(), raw.contentType(), raw.charset(), raw.content(), raw.contentBase64(),
                raw.fileName(), hints);
    }

    /** Whether the file is a sidecar (not a report of its own). */
    public static boolean isSidecar(Path file) {
        String name = file.getFileName().toString();
        return name.equals(SOURCES) || name.endsWith(HINTS);
    }

    /** file name → source URL, from the folder's SOURCES.tsv (empty without one). */
    public static Map<String, String> sources(Path dir) {
        Path tsv = dir == null ? null : dir.resolve(SOURCES);
        if (tsv == null || !Files.isRegularFile(tsv)) {
            return Map.of();
        }
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            Map<String, String> out = new HashMap<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] cols = line.split("\t", -1);
                if (cols.length >= 2 && !cols[0].isBlank() && !cols[1].isBlank()) {
                    out.put(cols[0].trim(), cols[1].trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tsv, e);
        }
    }

    /** The hints beside the file ({@code NAME.hints.json} for {@code NAME.txt}), if any. */
    public static Optional<RawReport.Hints> hints(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path sidecar = file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + HINTS);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(Files.readAllBytes(sidecar), RawReport.Hints.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sidecar, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(sidecar + " is not {\"title\": …, \"region\": …, \"year\": …}: " + e.getMessage(), e);
        }
    }
}
