package io.zhibiao.cli.load;

import io.zhibiao.ingest.domain.region.Division;
import io.zhibiao.ingest.domain.region.RegionDirectory;
import io.zhibiao.ingest.domain.region.RegionNames;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text changes that turn a sample report into another plausible one: another issuing region (its
 * names, its parents' and its counties' names replaced together), other years, other numbers.
 * Pure functions; the randomness comes from the caller's {@link Random}.
 */
public final class Variation {
    /** Years a report may speak of; four digits in this range before 年 (or in a range of years) are years. */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2049;
    private static final String YEAR = "(?:19\\d\\d|20[0-4]\\d)";
    private static final Pattern YEARS = Pattern.compile(
            "(?<![\\d.])(" + YEAR + ")(\\s*[—\\-–~～至到]\\s*)(" + YEAR + ")(?![\\d.])"
                    + "|(?<![\\d.])(" + YEAR + ")(?=\\s*年)");
    private static final Pattern HAN_YEAR = Pattern.compile("([〇零一二三四五六七八九]{4})(?=年)");
    private static final String HAN_DIGITS = "〇一二三四五六七八九";
    /** Decimal numbers, and whole numbers before a percent sign: the figures of a report. */
    private static final Pattern FIGURES = Pattern.compile("(?<![\\d.])(\\d{1,7}\\.\\d{1,3})(?![\\d.])|(?<![\\d.])(\\d{1,3})(?=[%％])");

    /** Two-character short names that are everyday words too (RegionNames keeps the same list). */
    static final java.util.Set<String> COMMON_WORDS = java.util.Set.of(
            "长治", "安康", "朝阳", "大庆", "来宾", "大同", "新乡", "中山", "阿里", "兴安", "海西", "白山", "白银", "日照");

    private Variation() {
    }

    // ------------------------------------------------------------------ regions

    /**
     * Units that can stand in for {@code from}: the same level under a parent of the same level, whose
     * full and short names are each unique in the list (so the region detector cannot mistake them) and
     * are not everyday words.
     */
    public static List<Division> substitutes(Division from, RegionDirectory directory) {
        List<String> shape = shape(from);
        List<Division> out = new ArrayList<>();
        for (Division d : directory.all()) {
            if (d.equals(from) || !shape(d).equals(shape) || !distinct(d, directory)) {
                continue;
            }
            boolean ok = true;
            for (Division p = d.parent(); p != null; p = p.parent()) {
                ok &= distinct(p, directory) || p.parent() == null;
            }
            if (ok) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(Division::code));
        return out;
    }

    private static List<String> shape(Division d) {
        List<String> levels = new ArrayList<>();
        for (Division x = d; x != null; x = x.parent()) {
            levels.add(x.level().name());
        }
        return levels;
    }

    private static boolean distinct(Division d, RegionDirectory directory) {
        String shortName = RegionNames.shortName(d.name());
        return d.name().length() >= 3 && shortName.length() >= 2 && !COMMON_WORDS.contains(shortName)
                && directory.byFullName(d.name()).size() == 1
                && directory.byShortName(shortName).size() <= 1
                && directory.byFullName(shortName).isEmpty();
    }

    /**
     * The renames that move a report from one region to another: the unit and each of its parents by full
     * and short name, and its counties and districts (by full name, three characters or more) onto the
     * other unit's, in order.
     */
    public static Map<String, String> renames(Division from, Division to, RegionDirectory directory) {
        Map<String, String> map = new LinkedHashMap<>();
        Division a = from;
        Division b = to;
        while (a != null && b != null) {
            if (!a.equals(b)) {
                map.putIfAbsent(a.name(), b.name());
                String sa = RegionNames.shortName(a.name());
                String sb = RegionNames.shortName(b.name());
                if (!sa.equals(a.name())) {
                    map.putIfAbsent(sa, sb);
                }
            }
            a = a.parent();
            b = b.parent();
        }
        List<Division> ours = directory.children(from).stream().filter(c -> c.name().length() >= 3).toList();
        List<Division> theirs = directory.children(to).stream().filter(c -> c.name().length() >= 3).toList();
        for (int i = 0; i < ours.size() && !theirs.isEmpty(); i++) {
            map.putIfAbsent(ours.get(i).name(), theirs.get(i % theirs.size()).name());
        }
        return map;
    }

    /** Replaces every key of the map by its value in one pass, longest key first. */
    public static String replaceAll(String text, Map<String, String> map) {
        if (map.isEmpty()) {
            return text;
        }
        Pattern p = Pattern.compile(map.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")));
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(map.get(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // ------------------------------------------------------------------ years

    /** Every year (2023年, 2021—2025年, 二〇二四年) moved by {@code delta}. */
    public static String shiftYears(String text, int delta) {
        if (delta == 0) {
            return text;
        }
        Matcher m = YEARS.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = m.group(1) != null
                    ? shift(m.group(1), delta) + m.group(2) + shift(m.group(3), delta)
                    : shift(m.group(4), delta);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        Matcher h = HAN_YEAR.matcher(sb.toString());
        StringBuilder out = new StringBuilder(sb.length());
        while (h.find()) {
            h.appendReplacement(out, Matcher.quoteReplacement(shiftHan(h.group(1), delta)));
        }
        h.appendTail(out);
        return out.toString();
    }

    private static String shift(String year, int delta) {
        int y = Integer.parseInt(year) + delta;
        return String.valueOf(Math.max(FIRST_YEAR, Math.min(LAST_YEAR, y)));
    }

    private static String shiftHan(String hanYear, int delta) {
        StringBuilder digits = new StringBuilder();
        for (char c : hanYear.toCharArray()) {
            digits.append(c == '零' ? 0 : HAN_DIGITS.indexOf(c));
        }
        int y = Integer.parseInt(digits.toString());
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            return hanYear;
        }
        StringBuilder out = new StringBuilder();
        for (char c : shift(digits.toString(), delta).toCharArray()) {
            out.append(HAN_DIGITS.charAt(c - '0'));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ numbers

    /**
     * Every figure (decimal numbers, whole percentages) scaled by a factor within ±{@code spread},
     * keeping its number of decimals and never the same as before.
     */
    public static String varyFigures(String text, double spread, Random random) {
        Matcher m = FIGURES.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String figure = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(vary(figure, spread, random)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String vary(String figure, double spread, Random random) {
        BigDecimal old = new BigDecimal(figure);
        int scale = old.scale();
        double factor = 1 + (random.nextDouble() * 2 - 1) * spread;
        BigDecimal v = old.multiply(BigDecimal.valueOf(factor)).setScale(scale, RoundingMode.HALF_UP);
        if (v.compareTo(old) == 0) {
            v = old.add(BigDecimal.ONE.movePointLeft(scale));
        }
        if (v.signum() < 0) {
            v = v.negate();
        }
        return v.toPlainString();
    }
}
