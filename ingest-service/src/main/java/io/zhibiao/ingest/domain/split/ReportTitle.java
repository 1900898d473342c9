package io.zhibiao.ingest.domain.split;

import io.zhibiao.contracts.words.NormalizedText;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that is the title of a report: where a report starts, what kind it is, who issued it and
 * for which year.
 *
 * <ul>
 *   <li>work report: {@code 2023年彬州市政府工作报告}, {@code 2023年泸州市人民政府工作报告},
 *       {@code 2024年锦州市政府工作报告}, {@code 政府工作报告} (the State Council's);</li>
 *   <li>five-year plan: {@code (辽宁省)锦州市凌河区国民经济和社会发展十四五规划(2022年更新)},
 *       {@code 锦州市凌河区国民经济和社会发展第十四个五年规划和2035年远景目标纲要}.</li>
 * </ul>
 * A title is a short line without sentence punctuation whose issuer, when named, ends like the name
 * of a government (省, 市, 区, 县, 州, 旗, 盟) — so a heading such as
 * {@code 第二节 “十三五”规划纲要实施情况} is not one. The year may also follow the issuer
 * ({@code 大同市2010年政府工作报告}); a title in traditional script ({@code 大同市2010年政府工作報告}) or
 * spaced out ({@code 政 府 工 作 报 告}) is read in its normal form.
 *
 * @param line       the line as written
 * @param kind       what kind of report it names
 * @param year       the year written before the issuer ({@code 2023年…}), or null
 * @param scope      a parenthesised region before the issuer, e.g. 辽宁省, or null
 * @param issuer     the issuing region as written, e.g. 锦州市凌河区, or "" when not named
 * @param updateYear for a plan, the year of a revision the title mentions ({@code (2022年更新)}), or null
 * @param period     for a plan, its five-year period, e.g. 十四五, or null
 */
public record ReportTitle(String line, Kind kind, Integer year, String scope, String issuer, Integer updateYear,
                          String period) {

    public enum Kind { WORK_REPORT, FIVE_YEAR_PLAN }

    static final int MAX_TITLE_CHARS = 80;

    private static final String SCOPE = "(?:[(\\[【](?<scope>\\p{IsHan}{2,12})[)\\]】])?";
    private static final String YEAR = "(?:(?<year>(?:19|20)\\d{2}|[一二][〇零一二三四五六七八九]{3})年度?)?";
    private static final String NOTE = "(?:[(\\[](?<note>[^)\\]]{1,20})[)\\]])?";

    private static final Pattern WORK_REPORT = Pattern.compile(
            "^" + SCOPE + YEAR + "(?<issuer>\\p{IsHan}{0,20}?)(?:人民)?政府工作报告" + NOTE + "$");
    /** 大同市2010年政府工作报告: the issuer first. */
    private static final Pattern WORK_REPORT_ISSUER_FIRST = Pattern.compile(
            "^" + SCOPE + "(?<issuer>\\p{IsHan}{2,20}?)" + YEAR + "(?:人民)?政府工作报告" + NOTE + "$");
    /** A title glued to the report's first words when a page lost its line breaks: 盘山县2023年政府工作报告各位代表:… */
    private static final Pattern LEADING = Pattern.compile("^(.{6," + 60 + "}?政府工作报告)(?=各位代表|[—─]{2}|\\s)");

    private static final Pattern FIVE_YEAR_PLAN = Pattern.compile(
            "^" + SCOPE + YEAR + "(?<issuer>\\p{IsHan}{2,20}?)(?:国民经济和社会发展)?"
                    + "(?:第(?<ordinal>[一二三四五六七八九十]{1,3})个五年|[“\"]?(?<period>十[一二三四五六七八九]五)[”\"]?)"
                    + "(?:发展)?规划[^,。;:!?]{0,30}?" + NOTE + "$");

    private static final Pattern ISSUER_ENDING = Pattern.compile(".*(省|市|区|县|州|旗|盟|国务院)$");
    private static final Pattern UPDATE = Pattern.compile("((?:19|20)\\d{2})年(?:更新|修订|修编|调整|修改)");

    public static Optional<ReportTitle> parse(String written) {
        if (written.length() > MAX_TITLE_CHARS || written.length() < 6) {
            return Optional.empty();
        }
        String line = NormalizedText.normalize(written);
        if (line.length() < 6 || line.matches(".*[,。;!?、].*")) {
            return Optional.empty();
        }
        for (Pattern p : new Pattern[]{WORK_REPORT, WORK_REPORT_ISSUER_FIRST}) {
            Matcher m = p.matcher(line);
            if (m.matches() && issuerLooksRight(m.group("issuer"), p == WORK_REPORT)) {
                return Optional.of(new ReportTitle(written, Kind.WORK_REPORT, year(m.group("year")), m.group("scope"),
                        m.group("issuer"), null, null));
            }
        }
        Matcher m = FIVE_YEAR_PLAN.matcher(line);
        if (m.matches() && issuerLooksRight(m.group("issuer"), false)) {
            String period = m.group("period") != null ? m.group("period")
                    : m.group("ordinal") + "五";
            Integer update = null;
            Matcher u = UPDATE.matcher(line);
            if (u.find()) {
                update = Integer.parseInt(u.group(1));
            }
            return Optional.of(new ReportTitle(written, Kind.FIVE_YEAR_PLAN, year(m.group("year")), m.group("scope"),
                    m.group("issuer"), update, period));
        }
        return Optional.empty();
    }

    /** A work report's title at the start of a line that runs on into the report ({@code 盘山县2023年政府工作报告各位代表:…}). */
    public static Optional<ReportTitle> parseLeading(String written) {
        String line = NormalizedText.normalize(written.length() > 200 ? written.substring(0, 200) : written);
        Matcher m = LEADING.matcher(line);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    private static boolean issuerLooksRight(String issuer, boolean mayBeEmpty) {
        return issuer.isEmpty() ? mayBeEmpty : ISSUER_ENDING.matcher(issuer).matches();
    }

    private static Integer year(String s) {
        return s == null ? null : Integer.valueOf(arabicYear(s));
    }

    /** 二〇二四 → 2024; an Arabic year stays as it is. */
    public static String arabicYear(String year) {
        StringBuilder out = new StringBuilder(4);
        for (char c : year.toCharArray()) {
            int digit = "〇一二三四五六七八九".indexOf(c);
            out.append(c == '零' ? '0' : digit >= 0 ? (char) ('0' + digit) : c);
        }
        return out.toString();
    }

    /**
     * The first year of a five-year period: 十四五 → 2021 (十一五 2006, 十二五 2011, 十三五 2016, 十五五 2026).
     * The periods run in step from the fourth plan (1971–1975) on.
     */
    public static Integer periodStart(String period) {
        if (period == null || period.length() != 3 || period.charAt(0) != '十' || period.charAt(2) != '五') {
            return null;
        }
        int ordinal = 10 + "一二三四五六七八九".indexOf(period.charAt(1)) + 1;
        return 1971 + (ordinal - 4) * 5;
    }
}
