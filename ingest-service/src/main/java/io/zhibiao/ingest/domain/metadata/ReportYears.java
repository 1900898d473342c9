package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.ingest.domain.split.ReportTitle;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year of a report, the year it reviews, and how each was found.
 *
 * <p>A work report is delivered early in its year and reviews the year before: the 2024 report
 * reviews 2023. The evidence, strongest first, each with the name {@link #yearFoundBy} gives it:
 * <ol>
 *   <li>{@code title}: {@code 2024年锦州市政府工作报告}, {@code 大同市2010年政府工作报告};</li>
 *   <li>{@code dateline}: the session line {@code ——2024年1月10日在锦州市第十七届人民代表大会第三次会议上},
 *       or a news lead that dates the congress: {@code 2017年1月14日上午9时,山西省第十二届人民代表大会第七次会议…开幕};</li>
 *   <li>{@code notice}: the cover notice of a portal, {@code 关于印发2012年政府工作报告的通知},
 *       {@code 2012年《政府工作报告》已经…审议通过};</li>
 *   <li>{@code session}: the national congress session, one a year since the fifth congress (1978):
 *       {@code 十二届全国人大四次会议} → 2016;</li>
 *   <li>{@code heading}: the report's parts, also where a page ran them into one line:
 *       {@code 二、2024年重点工作安排}, {@code 做好2023年工作} (the report's year) and {@code 一、2023年工作回顾},
 *       {@code 回顾2022年工作} (the reviewed year);</li>
 *   <li>{@code review}: a digest that says which year the report looks back on: {@code 在回顾河北省2024年工作时},
 *       {@code 报告回顾了2023年…};</li>
 *   <li>{@code targets}: the year the targets are for: {@code 2024年长春市经济社会发展主要预期目标是},
 *       {@code 2007年国内生产总值增长目标是};</li>
 *   <li>{@code estimate}: the year the estimates are for: {@code 预计2012年全市生产总值…}, {@code 2024年预计…};</li>
 *   <li>{@code hint}: the producer's hint;</li>
 *   <li>{@code published}: the year of the page's publication date;</li>
 *   <li>{@code year-of}: a sentence that names the year it speaks of: {@code 2021年是“十四五”开局之年};</li>
 *   <li>{@code anniversary}: {@code 新中国成立60周年庆祝活动圆满成功} in the review (1949 + 60 = 2009 reviewed),
 *       {@code 今年是建党100周年} (the report's year);</li>
 *   <li>{@code baseline}: the latest year the text compares against: a fragment of the review that says
 *       {@code 由2022年的40%提高到100%} reviews a later year than 2022.</li>
 * </ol>
 *
 * <p>A five-year plan has no reviewed year; its year is when this version of the plan was issued:
 * the revision year its title states ({@code 十四五规划(2022年更新)} → 2022), else a year in the
 * title, the hint, the publication date, and failing all of them the first year of its period
 * (十四五 → 2021, when the outlines were adopted; found by {@code plan}).
 *
 * @param year           the report's year, or null
 * @param reviewedYear   the year it looks back on, or null
 * @param yearFoundBy    how the year was found, or null
 * @param reviewedFoundBy how the reviewed year was found ({@code year} when it is the year before), or null
 */
public record ReportYears(Integer year, Integer reviewedYear, String yearFoundBy, String reviewedFoundBy) {
    private static final String Y = "((?:19|20)\\d{2})";
    private static final String CN = "[一二三四五六七八九十]+";

    static final Pattern SESSION_LINE = Pattern.compile(
            "^[—\\-─]*\\s*" + Y + "年(\\d{1,2})月\\d{1,2}日在.{0,40}(?:人民代表大会|人代会).{0,20}会议上");
    /** 2017年1月14日上午9时,山西省第十二届人民代表大会第七次会议在太原隆重开幕 */
    static final Pattern DATED_CONGRESS = Pattern.compile(
            Y + "年(\\d{1,2})月\\d{1,2}日[^。]{0,30}?(?:人民代表大会|人大)第?" + CN + "?次?会议");
    /** A line that is only a date, as news pages print it under the headline: 2020-01-10, 长江日报 2025年01月17日. */
    static final Pattern DATE_LINE = Pattern.compile(
            "^(?:[\\u3400-\\u9fff]{2,8})?" + Y + "(?:-\\d{1,2}-\\d{1,2}|年\\d{1,2}月\\d{1,2}日)(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?$");
    /** A congress that meets late in a year hears the report for the next: ——2018年12月27日在晋江市… (the 2019 report). */
    static final int FIRST_MONTH_OF_NEXT_YEARS_SESSION = 11;
    /** A news lead that dates the congress without its year: 中新网佛山11月10日电…第十七届人民代表大会第一次会议10日开幕. */
    static final Pattern UNDATED_CONGRESS = Pattern.compile(
            "(\\d{1,2})月\\d{1,2}日(?:电|上午|下午)?[^。]{0,40}?(?:人民代表大会|人大)第?" + CN + "?次?会议");
    static final Pattern NOTICE = Pattern.compile(
            "关于印发" + Y + "年(?:[\\u3400-\\u9fff]{0,12})?政府工作报告的通知|关于印发[\\u3400-\\u9fff]{0,10}?" + Y + "年国民经济和社会发展计划的通知|" + Y + "年《(?:[\\u3400-\\u9fff]{0,12})?政府工作报告》"
                    + "|" + Y + "年(?:[\\u3400-\\u9fff]{0,10}?)(?:人民)?政府工作报告(?:解读|摘要|全文|确定|提出|指出|显示)");
    /** 第十一届全国人民代表大会第一次会议, 十二届全国人大四次会议 */
    static final Pattern NATIONAL_SESSION = Pattern.compile(
            "第?(" + CN + ")届全国(?:人民代表大会|人大)第?(" + CN + ")次会议");
    static final Anchored REVIEW_HEADING = anchored("回顾", 24, 16, "(?m)"
            + "(?:^|[一二三四五六七八九十]、|\\s|[。;:])回顾" + Y + "年(?:政府)?工作(?:$|[。,;\\s])"
                    + "|(?:^|[一二三四五六七八九十]、|\\s|[。;:])" + Y + "年(?:及“?十[一二三四五六七八九]五”?)?(?:政府)?工作回顾");
    static final Anchored PLAN_HEADING = anchored("年", 8, 10, "(?m)"
            + "(?:^|[一二三四五六七八九十]、|[。;:])(?:做好)?" + Y + "年(?:的)?"
                    + "(?:重点工作|主要工作|主要目标任务|目标任务|工作安排|工作任务|工作目标|主要预期目标|总体要求|工作$)");
    /** 在回顾河北省2024年工作时, 报告回顾了2023年… */
    static final Anchored REVIEWS = anchored("回顾", 0, 20, "回顾(?:了)?(?:[\\u3400-\\u9fff]{0,8}?)" + Y + "年");
    /** 2024年长春市经济社会发展主要预期目标是, 2007年国内生产总值增长目标是 */
    static final Anchored TARGETS = anchored("目标", 36, 2, Y + "年(?:[\\u3400-\\u9fff]{0,24}?)(?:预期目标|增长目标|主要目标)(?:是|为|:)");
    /** 预计2012年全市生产总值, 2024年预计全省… */
    static final Anchored ESTIMATE = anchored("预计", 8, 8, "预计,?" + Y + "年|" + Y + "年[,]?(?:全年)?预计");
    /** 2023年是赣州发展历程中极不寻常的一年: said of the year just past. */
    static final Anchored HARD_YEAR = anchored("的一年", 48, 0,
            "(?m)(?:^|[。!\\s])" + Y + "年,?是[^。]{0,30}?(?:不平凡|不寻常|极不容易|不容易|艰难|困难|难忘)的一年");
    /** 2021年是“十四五”开局之年 */
    static final Anchored YEAR_OF = anchored("之年", 32, 0, "(?m)(?:^|[。!\\s])" + Y + "年是[^。,]{0,20}之年");
    static final Pattern ANNIVERSARY = Pattern.compile("(新中国成立|建党|建国|改革开放)(\\d{2,3})周年");
    static final Anchored BASELINE = anchored("年", 6, 4, "(?:由|比|较|与|同)" + Y + "年(?:的|末|底|相比|同期)?");
    private static final Pattern ANY_YEAR = Pattern.compile(Y);
    static final int MAX_HEADING_CHARS = 40;
    /** How far into a text its dateline and notice are looked for. */
    static final int HEAD_CHARS = 1500;

    /**
     * @param lines the report's lines in normal form ({@link io.zhibiao.contracts.words.NormalizedText})
     */
    public static ReportYears of(DocumentKind kind, Optional<ReportTitle> title, List<String> lines,
                                 Integer hintYear, String publishedAt) {
        Integer published = publishedAt == null ? null : firstYear(publishedAt);
        Integer titleYear = title.map(ReportTitle::year).orElse(null);
        if (kind == DocumentKind.FIVE_YEAR_PLAN) {
            Integer update = title.map(ReportTitle::updateYear).orElse(null);
            Integer start = title.map(t -> ReportTitle.periodStart(t.period())).orElse(null);
            if (start == null) {
                start = planStart(String.join("\n", lines));
            }
            Evidence e = new Evidence();
            e.offer(update, "title").offer(titleYear, "title").offer(hintYear, "hint").offer(published, "published")
                    .offer(start, "plan");
            return new ReportYears(e.value, null, e.how, null);
        }
        return report(titleYear, lines, hintYear, published, publishedAt == null ? null : month(publishedAt));
    }

    /** Work reports and texts about them (a news digest, a portal page) share the evidence. */
    private static boolean lateInTheYear(String head, Integer publishedMonth) {
        Matcher m = UNDATED_CONGRESS.matcher(head);
        return m.find() && publishedMonth != null && publishedMonth >= FIRST_MONTH_OF_NEXT_YEARS_SESSION
                && Integer.parseInt(m.group(1)) >= FIRST_MONTH_OF_NEXT_YEARS_SESSION;
    }

    private static ReportYears report(Integer titleYear, List<String> lines, Integer hintYear, Integer published,
                                      Integer publishedMonth) {
        String text = WrappedLines.join(lines);
        String head = text.substring(0, Math.min(text.length(), HEAD_CHARS));
        Integer dateline = null;
        for (int i = 0; i < Math.min(lines.size(), 5) && dateline == null; i++) {
            dateline = sessionYear(SESSION_LINE.matcher(lines.get(i)));
        }
        if (dateline == null) {
            dateline = sessionYear(DATED_CONGRESS.matcher(head));
        }
        Integer dated = null;
        for (int i = 0; i < Math.min(lines.size(), 12) && dated == null; i++) {
            dated = group(DATE_LINE.matcher(lines.get(i)));
        }
        Integer reviewed = year(REVIEW_HEADING.firstGroup(text));
        Integer planned = year(PLAN_HEADING.firstGroup(text));
        Integer anniversaryReviewed = null;
        Integer anniversaryYear = null;
        Matcher a = ANNIVERSARY.matcher(text);
        int mark = text.indexOf("周年");
        if (mark >= 0 && a.region(Math.max(0, mark - 12), mark + 2).find()) {
            int y = anniversaryYear(a.group(1), Integer.parseInt(a.group(2)));
            // said of the year just past (…周年庆祝活动圆满成功, in the review), or of this one (今年是…)
            String before = text.substring(Math.max(0, a.start() - 30), a.start());
            if (before.contains("今年") || before.contains("是")) {
                anniversaryYear = y;
            } else if (text.lastIndexOf("回顾", a.start()) >= 0 || text.lastIndexOf("过去", a.start()) >= 0) {
                anniversaryReviewed = y;
            }
        }
        Integer baseline = null;
        for (String y : BASELINE.allGroups(text)) {
            baseline = baseline == null ? Integer.valueOf(y) : Math.max(baseline, Integer.parseInt(y));
        }
        Evidence year = new Evidence();
        year.offer(titleYear, "title")
                .offer(dateline, "dateline")
                .offer(group(NOTICE.matcher(head)), "notice")
                .offer(nationalSession(head), "session")
                .offer(planned, "heading")
                .offer(plus(reviewed, 1), "heading")
                .offer(plus(year(REVIEWS.firstGroup(text)), 1), "review")
                .offer(year(TARGETS.firstGroup(text)), "targets")
                .offer(plus(year(ESTIMATE.firstGroup(text)), 1), "estimate")
                .offer(hintYear, "hint")
                .offer(published, "published")
                .offer(dated, "published")
                .offer(plus(year(HARD_YEAR.firstGroup(text)), 1), "year-of")
                .offer(year(YEAR_OF.firstGroup(text)), "year-of")
                .offer(plus(anniversaryReviewed, 1), "anniversary")
                .offer(anniversaryYear, "anniversary")
                .offer(plus(baseline, 2), "baseline");
        if ("published".equals(year.how) && lateInTheYear(head, publishedMonth)) {
            // published in November from a congress that met that month: the report for the next year
            year.value = year.value + 1;
            year.how = "published+session";
        }
        if (reviewed != null) {
            return new ReportYears(year.value, reviewed, year.how, "heading");
        }
        return new ReportYears(year.value, plus(year.value, -1), year.how, year.value == null ? null : "year");
    }

    /** The year of the report a dated session line hears: the next year's when the session sits in November or December. */
    private static Integer sessionYear(Matcher m) {
        if (!m.find()) {
            return null;
        }
        int y = Integer.parseInt(m.group(1));
        return Integer.parseInt(m.group(2)) >= FIRST_MONTH_OF_NEXT_YEARS_SESSION ? y + 1 : y;
    }

    /** The first year of the plan a plan names: 第十四个五年规划 or “十四五”规划 → 2021. */
    static Integer planStart(String text) {
        Matcher m = Pattern.compile("第十([一二三四五六七八九])个五年|十([一二三四五六七八九])五").matcher(
                text.substring(0, Math.min(text.length(), 3000)));
        if (!m.find()) {
            return null;
        }
        String d = m.group(1) != null ? m.group(1) : m.group(2);
        return ReportTitle.periodStart("十" + d + "五");
    }

    /** The year of a national people's congress session: the fifth congress first met in 1978. */
    static Integer nationalSession(String text) {
        Matcher m = NATIONAL_SESSION.matcher(text);
        if (!m.find()) {
            return null;
        }
        Integer congress = chineseNumber(m.group(1));
        Integer session = chineseNumber(m.group(2));
        if (congress == null || session == null || congress < 5 || session < 1 || session > 5) {
            return null;
        }
        return 1978 + 5 * (congress - 5) + session - 1;
    }

    private static int anniversaryYear(String event, int n) {
        return switch (event) {
            case "建党" -> 1921 + n;
            case "改革开放" -> 1978 + n;
            default -> 1949 + n;
        };
    }

    /** 十二 → 12, 四 → 4, 二十 → 20; null past 99. */
    static Integer chineseNumber(String s) {
        String digits = "一二三四五六七八九";
        if (s.isEmpty() || s.length() > 3) {
            return null;
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digits.indexOf(s.charAt(0)) + 1 : null;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
        int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
        return tens * 10 + units;
    }

    private static Integer group(Matcher m) {
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return Integer.valueOf(m.group(g));
            }
        }
        return null;
    }

    private static Anchored anchored(String anchor, int before, int after, String regex) {
        return Anchored.of(regex, anchor, before, after);
    }

    private static Integer year(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }

    private static Integer plus(Integer y, int d) {
        return y == null ? null : y + d;
    }

    /** The first value offered, and the name of what offered it. */
    private static final class Evidence {
        Integer value;
        String how;

        Evidence offer(Integer v, String by) {
            if (value == null && v != null) {
                value = v;
                how = by;
            }
            return this;
        }
    }

    /** The month of a date as pages write it: 2021-11-14 03:42, 2021年11月14日. */
    static Integer month(String date) {
        Matcher m = Pattern.compile("(?:19|20)\\d{2}[-年/.](\\d{1,2})").matcher(date);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static Integer firstYear(String s) {
        Matcher m = ANY_YEAR.matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
