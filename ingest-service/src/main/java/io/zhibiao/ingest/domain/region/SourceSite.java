package io.zhibiao.ingest.domain.region;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The places a source address names in pinyin, as government and local news sites spell their hosts:
 * {@code z.hangzhou.com.cn} → 杭州市, {@code wenchang.hainan.gov.cn} → 文昌市 (in 海南省), {@code longjing.gov.cn}
 * → 龙井市, {@code www.hbdaye.gov.cn} → 大冶市 (hb = 湖北). A text that never names its government (an
 * infographic of the 杭州 report speaks only of 全市) can still be placed by where it was fetched.
 *
 * <p>Each label of the host is matched against the toneless pinyin of every unit's short name, also
 * after a two-letter province prefix; a label that several units spell alike ({@code taizhou}: 台州, 泰州)
 * is settled by the other labels (a province's) and otherwise names nothing. Generic labels (www, gov, news…)
 * are skipped. The pinyin comes from HanLP's dictionary; the table is built on first use.
 */
public final class SourceSite {
    private static final Set<String> GENERIC = Set.of(
            "www", "gov", "com", "cn", "net", "org", "edu", "news", "m", "z", "big5", "wap", "mobile", "info", "zwgk",
            "xxgk", "web", "en", "home", "site", "portal", "mp", "static", "data", "http", "https");
    /** Shorter labels spell too many things. */
    static final int MIN_LABEL = 4;

    private final RegionDirectory directory;
    private volatile Map<String, List<Division>> byPinyin;

    public SourceSite(RegionDirectory directory) {
        this.directory = directory;
    }

    /** The unit the address names, or null when it names none or several that nothing settles. */
    public Division place(String sourceUrl) {
        List<String> labels = labels(sourceUrl);
        if (labels.isEmpty()) {
            return null;
        }
        Map<String, List<Division>> table = table();
        List<List<Division>> named = new ArrayList<>();
        for (String label : labels) {
            List<Division> ds = table.get(label);
            if (ds == null && label.length() >= MIN_LABEL + 2) {
                ds = table.get(label.substring(2)); // hbdaye: 湖北's hb before 大冶's daye
            }
            if (ds != null) {
                named.add(ds);
            }
        }
        // the innermost unit that every other named unit encloses: wenchang.hainan → 文昌市 in 海南省
        Division best = null;
        for (List<Division> candidates : named) {
            List<Division> fitting = new ArrayList<>();
            for (Division d : candidates) {
                boolean fits = true;
                for (List<Division> other : named) {
                    if (other != candidates && other.stream().noneMatch(o -> o.equals(d) || d.isWithin(o) || o.isWithin(d))) {
                        fits = false;
                    }
                }
                if (fits) {
                    fitting.add(d);
                }
            }
            if (fitting.size() == 1 && (best == null || fitting.get(0).isWithin(best))) {
                best = fitting.get(0);
            }
        }
        return best;
    }

    static List<String> labels(String sourceUrl) {
        if (sourceUrl == null || sourceUrl.isBlank()) {
            return List.of();
        }
        String host;
        try {
            host = URI.create(sourceUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (host == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String label : host.toLowerCase(Locale.ROOT).split("\\.")) {
            if (label.length() >= MIN_LABEL && !GENERIC.contains(label) && label.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                out.add(label);
            }
        }
        return out;
    }

    private Map<String, List<Division>> table() {
        Map<String, List<Division>> t = byPinyin;
        if (t == null) {
            synchronized (this) {
                t = byPinyin;
                if (t == null) {
                    t = build();
                    byPinyin = t;
                }
            }
        }
        return t;
    }

    private Map<String, List<Division>> build() {
        Map<String, Set<Division>> table = new HashMap<>();
        for (Division d : directory.all()) {
            String shortName = RegionNames.shortName(d.name());
            if (shortName.length() < 2) {
                continue;
            }
            StringBuilder spelled = new StringBuilder();
            for (Pinyin p : HanLP.convertToPinyinList(shortName)) {
                if (p == Pinyin.none5) {
                    spelled.setLength(0);
                    break;
                }
                spelled.append(p.getPinyinWithoutTone());
            }
            if (spelled.length() >= MIN_LABEL) {
                table.computeIfAbsent(spelled.toString(), k -> new LinkedHashSet<>()).add(d);
            }
        }
        Map<String, List<Division>> out = new HashMap<>();
        table.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
