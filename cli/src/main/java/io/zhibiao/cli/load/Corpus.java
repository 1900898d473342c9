package io.zhibiao.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhibiao.contracts.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated corpus and what the pipeline must make of it. On disk ({@link #write}): one file per
 * report and {@code expected.jsonl}, one line per report with how to send it and its expected ids.
 */
public record Corpus(long seed, List<GeneratedReport> reports) {
    public static final String EXPECTED_FILE = "expected.jsonl";

    public Corpus {
        reports = List.copyOf(reports);
    }

    public int size() {
        return reports.size();
    }

    /** The first {@code n} reports (or a slice): the corpus of a smaller run. */
    public Corpus slice(int from, int to) {
        return new Corpus(seed, reports.subList(from, to));
    }

    public Set<String> documentIds() {
        Set<String> ids = new LinkedHashSet<>();
        reports.forEach(r -> ids.add(r.expected().documentId()));
        return ids;
    }

    public Set<String> passageIds() {
        Set<String> ids = new LinkedHashSet<>();
        reports.forEach(r -> ids.addAll(r.expected().passageIds()));
        return ids;
    }

    /** Fact id → what the fact says. */
    public Map<String, String> facts() {
        Map<String, String> facts = new HashMap<>();
        reports.forEach(r -> facts.putAll(r.expected().facts()));
        return facts;
    }

    /** Document id → its region. */
    public Map<String, String> regions() {
        Map<String, String> out = new HashMap<>();
        reports.forEach(r -> out.put(r.expected().documentId(), r.expected().region()));
        return out;
    }

    public long chars() {
        return reports.stream().mapToLong(r -> r.bytes().length).sum();
    }

    /** Writes the reports' files and {@code expected.jsonl} into the directory. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(EXPECTED_FILE), StandardCharsets.UTF_8)) {
                for (GeneratedReport r : reports) {
                    Files.write(dir.resolve(r.fileName()), r.bytes());
                    w.write(Json.write(line(r)));
                    w.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus to " + dir, e);
        }
    }

    private ObjectNode line(GeneratedReport r) {
        ObjectNode n = Json.mapper().createObjectNode();
        Expected e = r.expected();
        n.put("seed", seed);
        n.put("serial", r.serial());
        n.put("file", r.fileName());
        n.put("sourceUrl", r.sourceUrl());
        n.put("encoding", r.encoding().name());
        n.put("contentType", r.encoding().contentType());
        n.put("fetchedAt", r.fetchedAt().toString());
        n.put("base", r.base());
        n.put("documentId", e.documentId());
        n.put("region", e.region());
        n.put("regionCode", e.regionCode());
        if (e.year() != null) {
            n.put("year", e.year());
        }
        n.put("docType", e.docType());
        n.set("passages", Json.mapper().valueToTree(e.passageIds()));
        n.set("facts", Json.mapper().valueToTree(new LinkedHashMap<>(e.facts())));
        return n;
    }

    /** Reads a corpus that {@link #write} wrote. */
    public static Corpus read(Path dir) {
        List<GeneratedReport> reports = new ArrayList<>();
        long seed = 0;
        try {
            for (String line : Files.readAllLines(dir.resolve(EXPECTED_FILE), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = Json.mapper().readTree(line);
                seed = n.path("seed").asLong();
                List<String> passages = new ArrayList<>();
                n.path("passages").forEach(p -> passages.add(p.asText()));
                Map<String, String> facts = new LinkedHashMap<>();
                n.path("facts").fields().forEachRemaining(f -> facts.put(f.getKey(), f.getValue().asText()));
                Expected e = new Expected(n.path("documentId").asText(), text(n, "region"), text(n, "regionCode"),
                        n.has("year") ? n.get("year").asInt() : null, text(n, "docType"), passages, facts);
                reports.add(new GeneratedReport(n.path("serial").asInt(), n.path("file").asText(),
                        n.path("sourceUrl").asText(), GeneratedReport.Encoding.valueOf(n.path("encoding").asText()),
                        Files.readAllBytes(dir.resolve(n.path("file").asText())),
                        Instant.parse(n.path("fetchedAt").asText()), text(n, "base"), e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + dir, e);
        }
        return new Corpus(seed, reports);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
