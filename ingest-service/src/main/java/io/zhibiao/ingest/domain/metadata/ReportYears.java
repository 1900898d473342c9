package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.ingest.domain.split.ReportTitle;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year of a report and the year it reviews.
 *
 * <p>A work report is delivered early in its year and reviews the year before: the 2024 report
 * reviews 2023. Evidence, strongest first:
 * <ol>
 *   <li>the title: {@code 2024年锦州市政府工作报告};</li>
 *   <li>the session line: {@code ——2024年1月10日在锦州市第十七届人民代表大会第三次会议上};</li>
 *   <li>the headings of its two parts: {@code 二、2024年重点工作安排}, {@code 做好2023年工作} (the
 *       report's year) and {@code 一、2023年工作回顾}, {@code 回顾2022年工作} (the reviewed year);</li>
 *   <li>the producer's hint;</li>
 *   <li>the year of the page's publication date;</li>
 *   <li>the latest year the text compares against: a fragment of the review that says
 *       {@code 由2022年的40%提高到100%} reviews a later year than 2022.</li>
 * </ol>
 *
 * <p>A five-year plan has no reviewed year; its year is when this version of the plan was issued:
 * the revision year its title states ({@code 十四五规划(2022年更新)} → 2022), else a year in the
 * title, the hint, the publication date, and failing all of them the first year of its period
 * (十四五 → 2021, when the outlines were adopted).
 *
 * @param year         the report's year, or null
 * @param reviewedYear the year it looks back on, or null
 */
public record ReportYears(Integer year, Integer reviewedYear) {
    static final Pattern SESSION_LINE = Pattern.compile(
            "^[—\\-]*\\s*((?:19|20)\\d{2})年\\d{1,2}月\\d{1,2}日在.{0,40}(?:人民代表大会|人代会).{0,20}会议上");
    static final Pattern REVIEW_HEADING = Pattern.compile(
            "^(?:[一二三四五六七八九十]+、)?回顾((?:19|20)\\d{2})年(?:政府)?工作$"
                    + "|^(?:[一二三四五六七八九十]+、)?((?:19|20)\\d{2})年(?:政府)?工作回顾");
    static final Pattern PLAN_HEADING = Pattern.compile(
            "^(?:[一二三四五六七八九十]+、)?(?:做好)?((?:19|20)\\d{2})年(?:的)?"
                    + "(?:重点工作|主要目标任务|目标任务|工作安排|工作任务|工作目标|主要预期目标|总体要求|工作$)");
    static final Pattern BASELINE = Pattern.compile("(?:由|比|较|与|同)((?:19|20)\\d{2})年(?:的|末|底|相比|同期)?");
    private static final Pattern ANY_YEAR = Pattern.compile("((?:19|20)\\d{2})");
    static final int MAX_HEADING_CHARS = 40;

    public static ReportYears of(DocumentKind kind, Optional<ReportTitle> title, List<String> lines,
                                 Integer hintYear, String publishedAt) {
        Integer published = publishedAt == null ? null : firstYear(publishedAt);
        Integer titleYear = title.map(ReportTitle::year).orElse(null);
        switch (kind) {
            case FIVE_YEAR_PLAN -> {
                Integer update = title.map(ReportTitle::updateYear).orElse(null);
                Integer start = title.map(t -> ReportTitle.periodStart(t.period())).orElse(null);
                return new ReportYears(first(update, titleYear, hintYear, published, start), null);
            }
            case WORK_REPORT -> {
                return workReport(titleYear, lines, hintYear, published);
            }
            default -> {
                return new ReportYears(first(titleYear, hintYear, published), null);
            }
        }
    }

    private static ReportYears workReport(Integer titleYear, List<String> lines, Integer hintYear, Integer published) {
        Integer session = null;
        Integer reviewed = null;
        Integer planned = null;
        Integer baseline = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i < 5 && session == null) {
                Matcher m = SESSION_LINE.matcher(line);
                if (m.find()) {
                    session = Integer.valueOf(m.group(1));
                }
            }
            if (line.length() <= MAX_HEADING_CHARS) {
                Matcher r = REVIEW_HEADING.matcher(line);
                if (reviewed == null && r.find()) {
                    reviewed = Integer.valueOf(r.group(1) != null ? r.group(1) : r.group(2));
                }
                Matcher p = PLAN_HEADING.matcher(line);
                if (planned == null && p.find()) {
                    planned = Integer.valueOf(p.group(1));
                }
            }
            Matcher b = BASELINE.matcher(line);
            while (b.find()) {
                int y = Integer.parseInt(b.group(1));
                baseline = baseline == null ? y : Math.max(baseline, y);
            }
        }
        Integer year = first(titleYear, session, planned, reviewed == null ? null : reviewed + 1, hintYear, published,
                baseline == null ? null : baseline + 2);
        Integer reviewedYear = reviewed != null ? reviewed : year == null ? null : year - 1;
        return new ReportYears(year, reviewedYear);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static Integer firstYear(String s) {
        Matcher m = ANY_YEAR.matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
