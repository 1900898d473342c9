package io.zhibiao.nlp.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicators and their words ({@code extract/indicators.txt}) and the units
 * ({@code extract/units.txt}), compiled into character tries for longest-match lookup.
 */
final class IndicatorLexicon {

    /** What a term names: one indicator, or several in order for a compound term; null ids are untracked. */
    record Entry(String term, List<Indicator> indicators, String requires, List<String> anchors, Indicator whole) {
        boolean tracked() {
            return indicators.stream().anyMatch(i -> i.id() != null);
        }
    }

    /**
     * An indicator: the level units it may take, what a bare percentage after it measures, and whether a
     * change against a base year several years back is its figure (energy intensity: 比2005年降低20%) or a
     * cumulative change that is not (GDP: 比2002年增长65.5%).
     */
    record Indicator(String id, Set<String> units, String percentMeasure, boolean cumulative) {
    }

    /** A unit as written, its normalised form and the factor that scales the number. */
    record Unit(String written, String unit, double factor) {
    }

    private final Trie<Entry> terms = new Trie<>();
    private final Map<String, Indicator> indicators = new HashMap<>();
    private final Trie<Unit> units = new Trie<>();

    private IndicatorLexicon() {
    }

    static IndicatorLexicon load() {
        IndicatorLexicon lexicon = new IndicatorLexicon();
        lexicon.loadIndicators(lines("extract/indicators.txt"));
        for (String line : lines("extract/units.txt")) {
            String[] f = line.trim().split("\\s+");
            lexicon.units.put(f[0], new Unit(f[0], f[1], Double.parseDouble(f[2])));
        }
        return lexicon;
    }

    Trie<Entry> terms() {
        return terms;
    }

    Trie<Unit> units() {
        return units;
    }

    /** The indicator of a canonical id, or null. */
    Indicator indicator(String id) {
        return indicators.get(id);
    }

    private void loadIndicators(List<String> lines) {
        Map<String, Indicator> byId = new LinkedHashMap<>();
        List<Indicator> current = null;
        String requires = null;
        String wholeId = null;
        List<String> anchors = List.of();
        for (String line : lines) {
            String s = line.strip();
            if (s.startsWith("indicator ")) {
                String[] f = s.split("\\s+");
                Map<String, String> attrs = new HashMap<>();
                for (int i = 2; i < f.length; i++) {
                    int eq = f[i].indexOf('=');
                    attrs.put(f[i].substring(0, eq), f[i].substring(eq + 1));
                }
                Set<String> unitSet = attrs.getOrDefault("units", "").isEmpty()
                        ? Set.of() : Set.of(attrs.get("units").split(","));
                String percent = attrs.getOrDefault("percent", "growth");
                boolean cumulative = "yes".equals(attrs.get("cumulative"));
                requires = attrs.get("after");
                wholeId = attrs.get("whole");
                anchors = attrs.containsKey("anchors") ? List.of(attrs.get("anchors").split(",")) : List.of();
                current = new ArrayList<>();
                for (String id : f[1].split(",")) {
                    String key = id.equals("-") ? null : id;
                    Indicator ind = key == null ? new Indicator(null, Set.of(), percent, false)
                            : byId.computeIfAbsent(key, k -> new Indicator(k, unitSet, percent, cumulative));
                    current.add(ind);
                }
                indicators.putAll(byId);
            } else if (current != null) {
                for (String pattern : s.split("\\s+\\|\\s+")) {
                    for (String term : TermPattern.expand(pattern)) {
                        if (!term.isEmpty()) {
                            terms.put(term, new Entry(term, List.copyOf(current), requires, anchors,
                                    wholeId == null ? null : byId.get(wholeId)));
                        }
                    }
                }
            }
        }
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = IndicatorLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
