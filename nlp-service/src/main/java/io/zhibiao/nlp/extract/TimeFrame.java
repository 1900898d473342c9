package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.ReportMetadata;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a fact is about and what kind it is. A work report of year Y looks back on Y-1 (actual) and sets
 * targets for Y; a five-year plan looks back on the last year of the previous plan (actual) and sets goals
 * for the last year of its own (plan_target). Headings say which part of the document a sentence is in;
 * words in the sentence (到2020年末, 今年, "十三五"时期, 主要预期目标) say more precisely.
 */
final class TimeFrame {
    /** The year looked back on, the year ahead, or the next five years (今后五年的目标任务). */
    enum Part { REVIEW, OUTLOOK, FIVE_YEARS_AHEAD }

    /** A kind and the year it is about. */
    record When(String kind, Integer period) {
    }

    private static final List<String> REVIEW_HEADING = List.of(
            "回顾", "过去一年", "过去五年", "工作总结", "发展成就", "新成就", "完成情况", "规划背景", "发展基础", "十三五");
    private static final List<String> OUTLOOK_HEADING = List.of(
            "目标", "任务", "安排", "重点工作", "总体要求", "工作思路", "今年", "发展构想", "主要指标", "指导思想");
    private static final List<String> FIVE_YEARS_AHEAD_HEADING = List.of("今后五年", "未来五年");
    private static final List<String> TITLE = List.of("工作报告", "纲要", "国民经济和社会发展");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d(?=年)");
    /** 到2020年末, 2022年, 到2025年 at the head of a clause. */
    private static final Pattern CLAUSE_YEAR = Pattern.compile(
            "(?:^|[,，;；:：。])(?:据初步统计[,，]?)?(?:到|截至|至)?((?:19|20)\\d\\d)年(?:末|底|全年)?(?=[,，]|全市|全区|全县|全省|我市|我区|末|底)"
                    + "|到((?:19|20)\\d\\d)年");
    /** "十三五"时期, 十四五期间, "十四五"末 */
    private static final Pattern PLAN_PERIOD = Pattern.compile("(十[一二三四五六七八九]五)”?(?:时期|期间|末|以来|规划期)");
    private static final Pattern THIS_YEAR = Pattern.compile("今年|年内|全年目标");
    private static final Pattern LAST_YEAR = Pattern.compile("(?<![比较])(?:去年|上年)(?!同期)");

    private final boolean plan;
    private final Integer year;
    private final Integer reviewed;
    private final int planFirstYear;

    private TimeFrame(boolean plan, Integer year, Integer reviewed, int planFirstYear) {
        this.plan = plan;
        this.year = year;
        this.reviewed = reviewed;
        this.planFirstYear = planFirstYear;
    }

    static TimeFrame of(ReportMetadata metadata, String text) {
        String docType = metadata == null ? null : metadata.docType();
        String title = metadata == null || metadata.title() == null ? "" : metadata.title();
        boolean plan = "five_year_plan".equals(docType)
                || (docType == null && (title.contains("五年规划") || title.contains("五规划")));
        Integer year = metadata == null ? null : metadata.year();
        Integer reviewed = metadata == null ? null : metadata.reviewedYear();
        if (reviewed == null && year != null) {
            reviewed = year - 1;
        }
        int planFirst = 0;
        if (plan) {
            Matcher m = Pattern.compile("十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年").matcher(title + text.substring(0, Math.min(text.length(), 3000)));
            if (m.find()) {
                String d = m.group(1) != null ? m.group(1) : m.group(2);
                planFirst = planFirstYear(10 + "一二三四五六七八九".indexOf(d) + 1);
            } else if (year != null) {
                planFirst = year;
            }
        }
        return new TimeFrame(plan, year, reviewed, planFirst);
    }

    /** The first year of the n-th five-year plan (the sixth began in 1981). */
    static int planFirstYear(int n) {
        return 1981 + 5 * (n - 6);
    }

    boolean isPlan() {
        return plan;
    }

    /** Which part of the document a heading opens, or null if it does not say. */
    Part classify(String heading) {
        if (heading == null || Cues.containsAny(heading, 0, heading.length(), TITLE)) {
            return null;
        }
        if (Cues.containsAny(heading, 0, heading.length(), REVIEW_HEADING)) {
            return Part.REVIEW;
        }
        if (!plan && Cues.containsAny(heading, 0, heading.length(), FIVE_YEARS_AHEAD_HEADING)) {
            return Part.FIVE_YEARS_AHEAD;
        }
        Matcher m = YEAR.matcher(heading);
        if (m.find() && year != null && !plan) {
            return Integer.parseInt(m.group()) < year ? Part.REVIEW : Part.OUTLOOK;
        }
        if (Cues.containsAny(heading, 0, heading.length(), OUTLOOK_HEADING)) {
            return Part.OUTLOOK;
        }
        return null;
    }

    /** Kind and period of a fact stated at {@code at} in a sentence, within a part of the document. */
    When when(Part part, String text, int sentenceStart, int at) {
        String before = text.substring(sentenceStart, at);
        Integer explicit = null;
        Matcher m = CLAUSE_YEAR.matcher(before);
        while (m.find()) {
            explicit = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Matcher p = PLAN_PERIOD.matcher(before);
        Integer planEnd = null;
        while (p.find()) {
            int n = 10 + "一二三四五六七八九".indexOf(p.group(1).charAt(1)) + 1;
            planEnd = planFirstYear(n) + 4;
        }
        if (planEnd != null && explicit == null) {
            explicit = planEnd;
        }
        if (explicit != null && year != null) {
            return byYear(explicit);
        }
        if (plan) {
            if (planFirstYear == 0) {
                return new When(part == Part.REVIEW ? "actual" : "plan_target", null);
            }
            return part == Part.REVIEW ? new When("actual", planFirstYear - 1) : new When("plan_target", planFirstYear + 4);
        }
        if (part == Part.FIVE_YEARS_AHEAD) {
            return new When("plan_target", year == null ? null : year + 4);
        }
        if (Cues.containsAny(before, 0, before.length(), Cues.TARGET)) {
            return new When("target", year);
        }
        if (part == Part.OUTLOOK && LAST_YEAR.matcher(before).find() && !THIS_YEAR.matcher(before).find()) {
            return new When("actual", reviewed);
        }
        return part == Part.REVIEW ? new When("actual", reviewed) : new When("target", year);
    }

    private When byYear(int y) {
        if (plan) {
            return y < planFirstYear || planFirstYear == 0 && year != null && y < year
                    ? new When("actual", y) : new When("plan_target", y);
        }
        if (y < year) {
            return new When("actual", y);
        }
        return y == year ? new When("target", y) : new When("plan_target", y);
    }
}
