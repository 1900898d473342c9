package io.zhibiao.ingest.domain.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places where a text names the government that issued it, strongest first, each with the name
 * the metadata gives it ({@code foundBy.region}). The lines are in normal form (simplified script, no
 * stray spaces), so 長春市市長 reads as 长春市市长.
 *
 * <ol>
 *   <li>{@code title}, {@code speaker} (the speaker's line) and {@code hint} are given by the caller;</li>
 *   <li>{@code opening}: {@code 我代表沈阳市人民政府}, {@code 我代表国务院}, {@code 代表大连政府向大会作工作报告};</li>
 *   <li>{@code dateline}: the place of the session line, {@code ——2012年2月1日在滨海新区第一届人民代表大会第三次会议上},
 *       or the country's, {@code 在第十一届全国人民代表大会第一次会议上};</li>
 *   <li>{@code portal}: a portal's metadata rows ({@code 发布机构:X}, {@code 发文机关:X}, an infobox's
 *       {@code 地方:大同市}), a cover notice ({@code 浙江省人民政府关于下达…的通知}) or its signature line
 *       ({@code 北京市海淀区人民政府});</li>
 *   <li>{@code lead}: a news lead naming the speaker and his office: {@code 河北省省长王正谱作河北省人民政府工作报告},
 *       {@code 国务院总理温家宝…}, {@code 李克强总理代表国务院向大会报告政府工作};</li>
 *   <li>{@code congress}: a news lead naming the congress: {@code 大连市第十六届人民代表大会第四次会议今天上午开幕};</li>
 *   <li>{@code plan}: the plan a text is about: {@code 《江苏省国民经济和社会发展第十三个五年规划纲要》}.</li>
 * </ol>
 * After these come the places the text names ({@code text}) and, for a text that names none, how it
 * speaks of itself: {@code 我国} is the country ({@code self}).
 */
final class IssuerClues {
    /**
     * A name as written and how it was found.
     *
     * @param loose the name was cut out of running text and may have words before it
     *              ({@code 南昌联合召开江西省} for 江西省): the shortest ending of it that names a place is meant
     */
    record Clue(String written, String how, boolean loose) {
        Clue(String written, String how) {
            this(written, how, false);
        }
    }

    /** How far into a report the clues are looked for. */
    static final int HEAD_CHARS = 2000;
    static final String COUNTRY = "国务院";

    private static final String HAN = Anchored.HAN;
    private static final String CN = "[一二三四五六七八九十]+";
    private static final String OFFICE = "(?:省长|市长|区长|县长|州长|旗长|盟长|主席)";

    private static final Anchored OPENING = Anchored.of(
            "我代表(" + HAN + "{2,20}?人民政府|国务院)|代表(" + HAN + "{2,12}?)(?:人民)?政府向大会", "代表", 1, 28);
    private static final Anchored DATELINE_PLACE = Anchored.of(
            "\\d{1,2}日在(" + HAN + "{2,20}?)第" + CN + "届人民代表大会", "人民代表大会", 34, 0);
    private static final Anchored DATELINE_NATIONAL = Anchored.of("在第" + CN + "届全国人民代表大会", "全国人民代表大会", 8, 0);
    private static final Pattern PORTAL_ROW = Pattern.compile(
            "(?m)^(?:发布机构|发文机关|发文单位|成文机关|所属机构|地方|所在地区)[:]?(" + HAN + "{2,24}?)(?:人民政府)?(?:办公室|办公厅)?$");
    private static final Pattern NOTICE = Pattern.compile("(?m)^(" + HAN + "{2,20}?)人民政府(?:办公室|办公厅)?关于");
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^(" + HAN + "{2,20}?)人民政府$");
    private static final Anchored LEAD_SPEAKER = Anchored.of(
            "(" + HAN + "{2,12}?)" + OFFICE + "(" + HAN + "{2,4}?)(?:在[^,。]{0,12}?)?(?:作|做)(?:了)?" + HAN + "{0,14}?工作报告",
            "工作报告", 52, 0);
    private static final Anchored LEAD_NATIONAL = Anchored.of(
            "国务院总理|总理" + HAN + "{0,4}?代表国务院|代表国务院向大会|第" + CN + "届全国人民代表大会第" + CN
                    + "次会议|" + CN + "届全国人大" + CN + "次会议", "国", 12, 16);
    private static final Anchored CONGRESS = Anchored.of(
            "(" + HAN + "{2,12}?)第" + CN + "届人民代表大会第" + CN + "次会议|(" + HAN + "{2,12}?)" + CN + "届人大" + CN + "次会议",
            "次会议", 40, 0);
    private static final Anchored PLAN = Anchored.of(
            "《(" + HAN + "{2,12}?)国民经济和社会发展第" + CN + "个五年规划|(" + HAN + "{2,8}?)“十[一二三四五六七八九]五”规划纲要",
            "规划", 40, 2);
    /** 2020年文昌市政府工作报告解读: a report named in the text. */
    private static final Anchored NAMED_REPORT = Anchored.of(
            "(?:19|20)\\d{2}年(" + HAN + "{2,10}?)(?:人民)?政府工作报告", "政府工作报告", 20, 0);
    private static final Pattern SELF_COUNTRY = Pattern.compile("我国|全国人民");

    private IssuerClues() {
    }

    /** The clues of the text's head after the title, the speaker and the hint, in order. */
    static List<Clue> inText(String head) {
        String h = head.length() > HEAD_CHARS ? head.substring(0, HEAD_CHARS) : head;
        List<Clue> out = new ArrayList<>();
        add(out, OPENING.allGroups(h), "opening");
        add(out, DATELINE_PLACE.allGroups(h), "dateline");
        if (DATELINE_NATIONAL.firstGroup(h) != null) {
            out.add(new Clue(COUNTRY, "dateline"));
        }
        add(out, groups(PORTAL_ROW.matcher(h)), "portal");
        add(out, groups(NOTICE.matcher(h)), "portal");
        add(out, groups(SIGNATURE.matcher(h)), "portal");
        return out;
    }

    /** The weaker clues of a news lead or a plan's name, to be tried after the producer's hint. */
    static List<Clue> inLead(String head) {
        String h = head.length() > HEAD_CHARS ? head.substring(0, HEAD_CHARS) : head;
        List<Clue> out = new ArrayList<>();
        if (LEAD_NATIONAL.firstGroup(h) != null) {
            out.add(new Clue(COUNTRY, "lead"));
        }
        add(out, LEAD_SPEAKER.allGroups(h), "lead");
        add(out, CONGRESS.allGroups(h), "congress");
        add(out, PLAN.allGroups(h), "plan");
        add(out, NAMED_REPORT.allGroups(h), "named");
        return out;
    }

    /** A text that names no place but speaks of 我国 is the country's. */
    static boolean speaksOfTheCountry(String text) {
        return SELF_COUNTRY.matcher(text).find();
    }

    private static void add(List<Clue> out, List<String> names, String how) {
        boolean loose = !how.equals("opening") && !how.equals("dateline") && !how.equals("portal");
        for (String name : names) {
            out.add(new Clue(name, how, loose));
        }
    }

    private static List<String> groups(Matcher m) {
        List<String> out = new ArrayList<>();
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    out.add(m.group(g));
                    break;
                }
            }
        }
        return out;
    }
}
