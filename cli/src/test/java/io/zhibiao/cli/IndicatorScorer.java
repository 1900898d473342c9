package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Java port of {@code shared/tools/score-indicators}: a fact's key is (source, region, indicator, kind,
 * period, measure, value, unit), a key stated twice counts once; the full level also compares qualifier,
 * value_max and estimated. Precision, recall and F1 per indicator and overall.
 */
final class IndicatorScorer {

    /** One fact reduced to what the scorer compares. */
    record Scored(List<Object> key, List<Object> full, String indicator, String line) {
    }

    record Counts(int truePositives, int predicted, int gold) {
        double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    record Score(Counts key, Counts full, Map<String, Counts> byIndicator, List<Scored> missed, List<Scored> extra) {
        String report(int show) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-26s %6s %6s %6s %5s %5s%n", "indicator", "P", "R", "F1", "gold", "pred"));
            byIndicator.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().gold(), a.getValue().gold()))
                    .forEach(e -> sb.append(String.format(Locale.ROOT, "%-26s %6.3f %6.3f %6.3f %5d %5d%n", e.getKey(),
                            e.getValue().precision(), e.getValue().recall(), e.getValue().f1(), e.getValue().gold(),
                            e.getValue().predicted())));
            sb.append(String.format(Locale.ROOT, "%nkey-level: P %.3f R %.3f F1 %.3f  (%d of %d gold, %d predicted)%n",
                    key.precision(), key.recall(), key.f1(), key.truePositives(), key.gold(), key.predicted()));
            sb.append(String.format(Locale.ROOT, "full (qualifier, range, estimated too): P %.3f R %.3f F1 %.3f%n",
                    full.precision(), full.recall(), full.f1()));
            appendRows(sb, "missed", missed, show);
            appendRows(sb, "not in gold", extra, show);
            return sb.toString();
        }

        private static void appendRows(StringBuilder sb, String title, List<Scored> rows, int show) {
            if (rows.isEmpty() || show == 0) {
                return;
            }
            sb.append(String.format(Locale.ROOT, "%nfirst %d %s:%n", Math.min(show, rows.size()), title));
            rows.stream().limit(show).forEach(r -> sb.append("  ").append(r.line()).append('\n'));
        }
    }

    static List<Scored> readGold(Path jsonl) {
        try {
            List<Scored> out = new ArrayList<>();
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(scored(Json.mapper().readTree(line)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Scored> of(List<IndicatorFact> facts) {
        List<Scored> out = new ArrayList<>();
        for (IndicatorFact f : facts) {
            out.add(scored(Json.mapper().valueToTree(f)));
        }
        return out;
    }

    static Scored scored(JsonNode d) {
        List<Object> key = Arrays.asList(text(d, "source"), Objects.requireNonNullElse(text(d, "region"), "").strip(),
                text(d, "indicator"), text(d, "kind"), d.hasNonNull("period") ? d.get("period").asInt() : null,
                text(d, "measure"), num(d.get("value")), text(d, "unit"));
        List<Object> full = new ArrayList<>(key);
        full.add(text(d, "qualifier"));
        full.add(num(d.get("value_max")));
        full.add(d.hasNonNull("estimated") && d.get("estimated").asBoolean());
        String quote = Objects.requireNonNullElse(text(d, "quote"), "");
        String line = String.format(Locale.ROOT, "%s %s %s %s %s %s%s | %s", text(d, "region"), text(d, "indicator"),
                text(d, "kind"), d.get("period"), text(d, "measure"), d.get("value"),
                Objects.requireNonNullElse(text(d, "unit"), ""), quote.substring(0, Math.min(50, quote.length())));
        return new Scored(key, full, text(d, "indicator"), line);
    }

    static Score score(List<Scored> gold, List<Scored> predicted) {
        Map<List<Object>, Scored> g = new LinkedHashMap<>();
        gold.forEach(s -> g.putIfAbsent(s.key(), s));
        Map<List<Object>, Scored> p = new LinkedHashMap<>();
        predicted.forEach(s -> p.putIfAbsent(s.key(), s));
        Set<List<Object>> gf = new HashSet<>();
        gold.forEach(s -> gf.add(s.full()));
        Set<List<Object>> pf = new HashSet<>();
        predicted.forEach(s -> pf.add(s.full()));

        Map<String, int[]> by = new TreeMap<>();
        g.values().forEach(s -> by.computeIfAbsent(s.indicator(), k -> new int[3])[2]++);
        p.values().forEach(s -> by.computeIfAbsent(s.indicator(), k -> new int[3])[1]++);
        int tp = 0;
        for (List<Object> k : g.keySet()) {
            if (p.containsKey(k)) {
                tp++;
                by.get(g.get(k).indicator())[0]++;
            }
        }
        Set<List<Object>> fullTp = new HashSet<>(gf);
        fullTp.retainAll(pf);
        Map<String, Counts> byIndicator = new LinkedHashMap<>();
        by.forEach((k, v) -> byIndicator.put(k, new Counts(v[0], v[1], v[2])));
        List<Scored> missed = g.entrySet().stream().filter(e -> !p.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        List<Scored> extra = p.entrySet().stream().filter(e -> !g.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        return new Score(new Counts(tp, p.size(), g.size()), new Counts(fullTp.size(), pf.size(), gf.size()),
                byIndicator, missed, extra);
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Python's round(float(v), 4). */
    private static Double num(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return BigDecimal.valueOf(v.asDouble()).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private IndicatorScorer() {
    }
}
