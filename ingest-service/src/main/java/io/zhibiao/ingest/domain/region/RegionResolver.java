package io.zhibiao.ingest.domain.region;

import io.zhibiao.contracts.words.HanScript;
import io.zhibiao.contracts.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Finds the issuing government of a report in the division list.
 *
 * <p>From a name as a title, a speaker line or a producer's hint writes it
 * ({@link #resolveName}): {@code 锦州市凌河区} and {@code (辽宁省)锦州市凌河区} are 凌河区 of 锦州市;
 * {@code 沈阳市人民政府} is 沈阳市; {@code 葫芦岛} is 葫芦岛市. A name that several units share
 * ({@code 城关区} in 拉萨 and 兰州, three 新华区) is settled by the other names around it (a province or
 * city written before it, or named in the text), and left without a code when nothing settles it.
 *
 * <p>From the text alone ({@link #inferFromText}): the unit named most often, counting the names of
 * its own counties and districts for it (a 葫芦岛 report names 兴城市, 绥中县, 建昌县), among those whose
 * kind matches how the text speaks of itself (我市, 全市 → a 市; 全区 → a 区; 全县 → a 县).
 */
public final class RegionResolver {
    public static final Region CHINA = new Region("中华人民共和国", null, null, Level.NATIONAL.id());
    private static final Set<String> COUNTRY_NAMES = Set.of("国务院", "中华人民共和国", "中央人民政府", "全国");
    private static final String SELF_KINDS = "省市区县州旗盟";

    private static volatile RegionResolver standard;

    private final RegionDirectory directory;

    public RegionResolver(RegionDirectory directory) {
        this.directory = directory;
    }

    public static RegionResolver standard() {
        RegionResolver r = standard;
        if (r == null) {
            synchronized (RegionResolver.class) {
                r = standard;
                if (r == null) {
                    r = new RegionResolver(RegionDirectory.standard());
                    standard = r;
                }
            }
        }
        return r;
    }

    public RegionDirectory directory() {
        return directory;
    }

    /**
     * What a region was resolved to.
     *
     * @param region     the region for the metadata (without code when ambiguous)
     * @param division   the unit, or null when ambiguous or the country
     * @param candidates the units the name could be (one when settled)
     */
    public record Resolution(Region region, Division division, List<Division> candidates) {
        public boolean ambiguous() {
            return division == null && candidates.size() > 1;
        }
    }

    // ------------------------------------------------------------------ mentions

    /**
     * How often a text names each unit, and how it speaks of itself.
     *
     * @param full      mentions by full name (绥中县)
     * @param short_    mentions by short name (绥中), counted only where {@link RegionNames} says the short
     *                  name is evidence
     * @param selfKind  the ending of the government's own kind in 我市/全市/本市…: '市', '区', '县', … or 0
     */
    public record Mentions(Map<Division, Integer> full, Map<Division, Integer> short_, char selfKind) {
        public static final Mentions NONE = new Mentions(Map.of(), Map.of(), (char) 0);

        public int of(Division d) {
            return d == null ? 0 : full.getOrDefault(d, 0) + short_.getOrDefault(d, 0);
        }

        /** Own weight: a full name counts more than a short one. */
        double own(Division d) {
            return 3.0 * full.getOrDefault(d, 0) + 2.0 * short_.getOrDefault(d, 0);
        }
    }

    /** Enough text to know where a report is from; a 10 MB input is not read to its end for that. */
    static final int MENTION_SCAN_CHARS = 300_000;
    static final int ANCHORED_SHORT_PER_FULL = 3;

    public Mentions mentions(String text) {
        Map<Division, Integer> full = new HashMap<>();
        Map<Division, Integer> shortNames = new HashMap<>();
        // two-character short names of counties and districts (彬州, 绥中) are words as often as names
        // (振兴, 资源, 合作…): they count only for a unit the text also names in full, at most
        // ANCHORED_SHORT_PER_FULL times per full mention
        Map<Division, Integer> anchoredShort = new HashMap<>();
        int longest = directory.longestName();
        int n = Math.min(text.length(), MENTION_SCAN_CHARS);
        int i = 0;
        while (i < n) {
            if (!HanScript.is(text.charAt(i))) {
                i++;
                continue;
            }
            int matched = 0;
            // only the lengths at which some name starts here (the directory's trie), longest first
            for (int len : directory.nameLengthsAt(text, i, Math.min(n, i + longest))) {
                if (matched != 0) {
                    break;
                }
                String s = text.substring(i, i + len);
                List<Division> ds = directory.byFullName(s);
                if (!ds.isEmpty() && RegionNames.fullNameCountsInText(s)) {
                    ds.forEach(d -> full.merge(d, 1, Integer::sum));
                    matched = len;
                    break;
                }
                List<Division> byShort = directory.byShortName(s);
                if (!byShort.isEmpty()) {
                    boolean counted = false;
                    for (Division d : byShort) {
                        if (RegionNames.countsInText(s, d.level())) {
                            shortNames.merge(d, 1, Integer::sum);
                            counted = true;
                        } else if (s.length() == 2 && !RegionNames.COMMON_WORDS.contains(s)) {
                            anchoredShort.merge(d, 1, Integer::sum);
                            counted = true;
                        }
                    }
                    if (counted) {
                        matched = len;
                    }
                }
            }
            i += Math.max(1, matched);
        }
        anchoredShort.forEach((d, count) -> {
            int fullCount = full.getOrDefault(d, 0);
            if (fullCount > 0) {
                shortNames.merge(d, Math.min(count, ANCHORED_SHORT_PER_FULL * fullCount), Integer::sum);
            }
        });
        return new Mentions(full, shortNames, selfKind(text.length() > n ? text.substring(0, n) : text));
    }

    /**
     * The kind of government the text calls 我X, 全X, 本X most often (全市场, 全区域 do not count).
     * 全省 does not count: cities and counties rank themselves against 全省 more often than they say
     * 全市 (the 高安 report: 全省 43 times, 全市 7); a province says 我省.
     */
    static char selfKind(String text) {
        int[] counts = new int[SELF_KINDS.length()];
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '我' && c != '全' && c != '本') {
                continue;
            }
            int k = SELF_KINDS.indexOf(text.charAt(i + 1));
            if (k < 0) {
                continue;
            }
            char after = i + 2 < text.length() ? text.charAt(i + 2) : ' ';
            if (after == '场' || after == '域' || after == '份' || after == '级' || c == '本' && after == '届'
                    || c == '全' && text.charAt(i + 1) == '省') {
                continue;
            }
            counts[k]++;
        }
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        return best < 0 ? 0 : SELF_KINDS.charAt(best);
    }

    // ------------------------------------------------------------------ names

    /**
     * The region a written name stands for.
     *
     * @param written a name as written: 锦州市凌河区, (辽宁省)锦州市凌河区, 沈阳市人民政府, 葫芦岛, 国务院
     * @param context the mentions of the text around it, to settle shared names
     * @param scopes  other names that enclose it (a title's (辽宁省), a producer's hint), to settle shared names
     */
    public Optional<Resolution> resolveName(String written, Mentions context, List<String> scopes) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String s = written.replaceAll("[()（）\\[\\]【】\\s]", "").replace("人民政府", "").replaceAll("政府$", "");
        if (COUNTRY_NAMES.contains(s)) {
            return Optional.of(new Resolution(CHINA, null, List.of()));
        }
        List<List<Division>> tokens = tokens(s);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        List<List<Division>> enclosing = new ArrayList<>();
        for (String scope : scopes) {
            if (scope != null) {
                enclosing.addAll(tokens(scope.replaceAll("[()（）\\[\\]【】\\s]", "").replace("人民政府", "")));
            }
        }
        // the unit inside the most of the other names is the issuer: 凌河区 in 辽宁省锦州市凌河区
        Division best = null;
        int bestWithin = -1;
        int bestToken = -1;
        List<Division> tied = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            for (Division candidate : tokens.get(t)) {
                int within = 0;
                for (int u = 0; u < tokens.size(); u++) {
                    if (u != t && tokens.get(u).stream().anyMatch(candidate::isWithin)) {
                        within += 2;
                    }
                }
                for (List<Division> scope : enclosing) {
                    if (scope.stream().anyMatch(a -> candidate.isWithin(a) || a.equals(candidate))) {
                        within += 1;
                    }
                }
                if (within > bestWithin || within == bestWithin && t > bestToken) {
                    best = candidate;
                    bestWithin = within;
                    bestToken = t;
                    tied = new ArrayList<>(List.of(candidate));
                } else if (within == bestWithin && t == bestToken) {
                    tied.add(candidate);
                }
            }
        }
        if (tied.size() == 1) {
            return Optional.of(new Resolution(best.toRegion(), best, List.of(best)));
        }
        List<Division> settled = settleByContext(tied, context);
        if (settled.size() == 1) {
            Division d = settled.get(0);
            return Optional.of(new Resolution(d.toRegion(), d, List.of(d)));
        }
        return Optional.of(new Resolution(ambiguousRegion(settled), null, List.copyOf(settled)));
    }

    /** The units a written name is made of, left to right, longest name first: 辽宁省|锦州市|凌河区. */
    List<List<Division>> tokens(String s) {
        List<List<Division>> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int matched = 0;
            for (int len = Math.min(directory.longestName(), s.length() - i); len >= 2; len--) {
                String sub = s.substring(i, i + len);
                List<Division> ds = directory.byFullName(sub);
                if (ds.isEmpty()) {
                    ds = directory.byShortName(sub);
                }
                if (!ds.isEmpty()) {
                    tokens.add(ds);
                    matched = len;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
        return tokens;
    }

    /** Among homonyms, those whose province, city or counties the text names most. */
    private List<Division> settleByContext(List<Division> candidates, Mentions context) {
        ToDoubleFunction<Division> score = d -> {
            double s = 0;
            for (Division a = d.parent(); a != null; a = a.parent()) {
                s += context.of(a);
            }
            for (Division child : directory.children(d)) {
                s += context.full().getOrDefault(child, 0);
            }
            return s;
        };
        double max = candidates.stream().mapToDouble(score).max().orElse(0);
        if (max == 0) {
            return candidates;
        }
        return candidates.stream().filter(d -> score.applyAsDouble(d) == max).collect(Collectors.toList());
    }

    private static Region ambiguousRegion(List<Division> candidates) {
        Set<String> names = candidates.stream().map(Division::name).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> provinces = candidates.stream().map(d -> d.province().name()).collect(Collectors.toSet());
        Set<Level> levels = candidates.stream().map(Division::level).collect(Collectors.toSet());
        return new Region(names.iterator().next(), null,
                provinces.size() == 1 ? provinces.iterator().next() : null,
                levels.size() == 1 ? levels.iterator().next().id() : null);
    }

    // ------------------------------------------------------------------ text

    /** Below this score the text says too little about any one place. */
    static final double MIN_TEXT_SCORE = 4;
    /** … unless it is the only place of the kind the text calls itself (我市, 全市): one mention by short name. */
    static final double MIN_SOLE_SCORE = 2;
    /** What naming one of its counties or districts adds to a unit's score. */
    static final double CHILD_SUPPORT = 2;
    /** How often, relative to its city, the one county a text names must be named to be the issuer. */
    static final double SOLE_CHILD_SHARE = 0.5;

    /** The region a text is about, from the places it names, or nothing when it does not say. */
    public Optional<Resolution> inferFromText(Mentions m) {
        Set<Division> named = new LinkedHashSet<>(m.full().keySet());
        named.addAll(m.short_().keySet());
        // a city's report names several of its counties; a county's report names itself often and
        // its city now and then: so each county named counts once for its city, however often
        Map<Division, Double> support = new HashMap<>();
        for (Division d : m.full().keySet()) {
            if (d.parent() != null) {
                support.merge(d.parent(), CHILD_SUPPORT, Double::sum);
            }
        }
        List<Division> candidates = named.stream()
                .filter(d -> m.selfKind() == 0 || d.name().charAt(d.name().length() - 1) == m.selfKind())
                .collect(Collectors.toList());
        if (candidates.isEmpty()) {
            candidates = new ArrayList<>(named);
        }
        ToDoubleFunction<Division> score = d -> m.own(d) + support.getOrDefault(d, 0.0);
        candidates.sort(Comparator.comparingDouble(score).reversed());
        // a digest that names its city once (奋力谱写中国式现代化合肥篇章) and otherwise says 全市/我市: the one
        // unit of the kind it calls itself
        boolean soleOfItsKind = m.selfKind() != 0 && candidates.size() == 1
                && candidates.get(0).name().charAt(candidates.get(0).name().length() - 1) == m.selfKind();
        if (candidates.isEmpty()
                || score.applyAsDouble(candidates.get(0)) < (soleOfItsKind ? MIN_SOLE_SCORE : MIN_TEXT_SCORE)) {
            return Optional.empty();
        }
        Division leader = candidates.get(0);
        List<Division> namedChildren = named.stream().filter(d -> leader.equals(d.parent())).toList();
        if (namedChildren.size() == 1 && m.own(namedChildren.get(0)) >= SOLE_CHILD_SHARE * m.own(leader)) {
            // a county's report names itself and, nearly as often, its city (彬州市 and 咸阳市); a city's
            // report names several of its counties
            Division child = namedChildren.get(0);
            return Optional.of(new Resolution(child.toRegion(), child, List.of(child)));
        }
        double top = score.applyAsDouble(leader);
        List<Division> best = candidates.stream().filter(d -> score.applyAsDouble(d) == top).collect(Collectors.toList());
        if (best.size() == 1) {
            return Optional.of(new Resolution(best.get(0).toRegion(), best.get(0), best));
        }
        List<Division> settled = settleByContext(best, m);
        if (settled.size() == 1) {
            return Optional.of(new Resolution(settled.get(0).toRegion(), settled.get(0), settled));
        }
        return Optional.of(new Resolution(ambiguousRegion(settled), null, settled));
    }
}
