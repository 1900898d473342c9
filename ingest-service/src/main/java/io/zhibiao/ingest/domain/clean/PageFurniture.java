package io.zhibiao.ingest.domain.clean;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the web pages that carry reports put around and into them, as named rules with examples
 * from the sample corpus. Rules see normalised lines (full-width punctuation already half-width).
 *
 * <p>Line rules drop a whole line; inline rules rewrite part of a line; the two block rules
 * ({@link #SITE_SUMMARY_BOX}, {@link #TRAILER}) are applied by {@link PageCleaner} at the head and
 * the tail of a page.
 */
public final class PageFurniture {

    /** A whole line that is page furniture, never report text. */
    public record LineRule(String name, String why, List<String> examples, Predicate<String> test) {
        public boolean matches(String line) {
            return test.test(line);
        }
    }

    /** A part of a line that is not report text. */
    public record InlineRule(String name, String why, List<String> examples, UnaryOperator<String> rewrite) {
        public String apply(String line) {
            return rewrite.apply(line);
        }
    }

    // ---------------------------------------------------------------- line rules

    private static final List<String> AD_PHRASES = List.of(
            "免费资料库", "请加微信", "加微信", "交流群", "请点击", "关注公众号", "扫码关注", "微信号:", "QQ群");

    public static final LineRule SITE_WATERMARK = new LineRule("site-watermark",
            "a document-sharing site stamps its name, address and WeChat contact on the pages it copies",
            List.of("体制人的免费资料库 –请点击:www.mishugongzuo.com材料交流群,请加微信tizhisiri"),
            line -> line.length() <= 200 && (containsAny(line, AD_PHRASES)
                    || line.length() <= 80 && !line.contains("。") && (line.contains("www.") || line.contains("http"))));

    private static final List<String> TOOLBAR_WORDS = List.of(
            "打印文章", "打印本页", "打印此页", "关闭窗口", "关闭本页", "加入收藏", "收藏本页", "返回顶部", "分享到",
            "字体", "字号", "打印", "关闭", "收藏", "分享", "纠错", "返回");
    private static final Pattern TOOLBAR_LEFTOVER = Pattern.compile("[\\s【】\\[\\]:?|·/大中小默认_-]*");

    public static final LineRule PAGE_TOOLBAR = new LineRule("page-toolbar",
            "the font size, print and close buttons of an article page",
            List.of("【 字体: 】? 【打印文章】", "【字体:大 中 小】【打印】【关闭】", "打印本页 关闭窗口"),
            line -> line.length() <= 60 && containsAny(line, TOOLBAR_WORDS)
                    && TOOLBAR_LEFTOVER.matcher(removeAll(line, TOOLBAR_WORDS)).matches());

    public static final LineRule PUBLICATION_LINE = new LineRule("publication-line",
            "the page's date, source and view counter; kept as metadata (publishedAt, publisher)",
            List.of("发布时间:2024年01月30日", "信息来源:锦州市政府网站",
                    "[可行性研究报告 - 规划计划] 发表于:2022-08-04 10:56:52",
                    "发布日期:2024-01-30 来源:锦州市人民政府 浏览次数:1024"),
            line -> PublicationLine.parse(line).isPresent());

    private static final List<String> FOOTER_PHRASES = List.of(
            "版权所有", "主办单位", "承办单位", "ICP备", "公网安备", "网站标识码", "联系邮箱", "技术支持:", "责任编辑",
            "网站地图", "Copyright", "©");

    public static final LineRule SITE_FOOTER = new LineRule("site-footer",
            "the site's copyright, host, address and registration numbers at the foot of every page",
            List.of("责任编辑:董越", "版权所有:365体育投注_365体育直播-竞猜网投 | 主办单位:365体育投注_365体育直播-竞猜网投办公厅 |",
                    "地址:沈阳市皇姑区北陵大街45-9号 | 邮编:110032 |", "辽公网安备 21010502000372号 | 网站标识码:2100000037 |",
                    "ICP备案序号:辽ICP备05023109号 | 联系邮箱:mhwz@ln.gov.cn |"),
            line -> line.length() <= 200 && !line.contains("。")
                    && (containsAny(line, FOOTER_PHRASES) || line.startsWith("地址:") && line.contains("邮编")));

    public static final LineRule STRAY_SEPARATOR = new LineRule("stray-separator",
            "table borders and menu separators left over from the page layout",
            List.of("|", "| |", "------"),
            line -> line.matches("[\\s|｜¦\\-—_=*·•~]+"));

    public static final LineRule CONTENTS_MARKER = new LineRule("contents-marker",
            "a 目录 (table of contents) link of the page, with no contents after it",
            List.of("目录", "目 录"),
            line -> line.matches("目\\s*录:?"));

    private static final List<String> WIDGET_LABELS = List.of(
            "收藏", "详情", "查看详情", "分享", "打印", "关闭", "关闭窗口", "返回顶部", "微信公众号", "政务微博",
            "官方微信", "官方微博", "微信", "微博", "扫一扫", "手机版", "无障碍", "点赞", "相关链接", "相关阅读");

    public static final LineRule SITE_WIDGET = new LineRule("site-widget",
            "buttons, tabs and links of the site that stand alone on a line",
            List.of("收藏", "详情", "微信公众号", "政务微博", "上一篇:2023年锦州市政府工作报告"),
            line -> WIDGET_LABELS.contains(line) || line.startsWith("上一篇") || line.startsWith("下一篇"));

    public static final LineRule BREADCRUMB = new LineRule("breadcrumb",
            "the site's navigation path above an article",
            List.of("首页 > 政务公开 > 政府工作报告", "当前位置:首页>>信息公开>>规划计划", "您的位置: 首页 » 政府文件"),
            line -> line.length() <= 100 && !line.contains("。")
                    && (line.startsWith("当前位置") || line.startsWith("您的位置") || line.startsWith("您现在的位置")
                    || line.startsWith("首页") && (line.contains(">") || line.contains("»") || line.contains("→"))));

    /** In the order {@link PageCleaner} tries them. */
    public static final List<LineRule> LINE_RULES = List.of(
            STRAY_SEPARATOR, CONTENTS_MARKER, SITE_WIDGET, BREADCRUMB, PAGE_TOOLBAR, SITE_WATERMARK, PUBLICATION_LINE,
            SITE_FOOTER);

    // ---------------------------------------------------------------- inline rules

    /** Terms that on their own mark gambling spam. */
    private static final String STRONG_SPAM = "体育投注|竞猜网投|即时比分|百家乐|真人娱乐|博彩|六合彩|时时彩|娱乐城|赌场";
    /** Terms that are spam only when chained to a strong term (网投 alone occurs in 电网投资). */
    private static final String WEAK_SPAM = "体育直播|体育官网|体育平台|体育app|比分直播|竞猜|网投|彩票";
    private static final String LINK = "[_\\-|·]";
    private static final Pattern SPAM_TOKEN = Pattern.compile(
            "(?:[0-9A-Za-z]*(?:" + WEAK_SPAM + ")" + LINK + ")*"
                    + "[0-9A-Za-z]*(?:" + STRONG_SPAM + ")"
                    + "(?:" + LINK + "[0-9A-Za-z]*(?:" + STRONG_SPAM + "|" + WEAK_SPAM + "))*");

    /**
     * A hacked or mirrored site replaced words of the report with a gambling site's name. The
     * replaced word cannot be recovered (in the 沈阳 sample it stood for 省委 in one place and 全省 in
     * another), so the token is deleted, not guessed: the sentence loses a word but no false words
     * are indexed or quoted.
     */
    public static final InlineRule GAMBLING_SPAM = new InlineRule("gambling-spam",
            "spam injected into the report text by a compromised mirror site",
            List.of("预计地区生产总值增速连续7个季度高于全国、365体育投注_365体育直播-竞猜网投平均水平。"),
            line -> line.contains("体育") || line.contains("比分") || line.contains("博彩") || line.contains("百家乐")
                    || line.contains("彩") || line.contains("娱乐") || line.contains("赌场")
                    ? SPAM_TOKEN.matcher(line).replaceAll("") : line);

    private static final Pattern SIGNATURE_WITH_LOST_SPACE = Pattern.compile(
            "^(.{0,30}?(?:省长|市长|区长|县长|州长|旗长|盟长|主席|总理))\\?+\\s*([\\p{IsHan}·]{2,5})$");

    /**
     * The space between an office and a name was a no-break space that a badly configured
     * scraper wrote as {@code ?}.
     */
    public static final InlineRule LOST_SPACE_IN_SIGNATURE = new InlineRule("lost-space-in-signature",
            "a space in the speaker's line that a scraper's encoder turned into a question mark",
            List.of("沈阳市人民政府市长? 吕志成"),
            line -> line.length() <= 40 && line.indexOf('?') >= 0
                    ? SIGNATURE_WITH_LOST_SPACE.matcher(line).replaceFirst("$1 $2") : line);

    public static final List<InlineRule> INLINE_RULES = List.of(GAMBLING_SPAM, LOST_SPACE_IN_SIGNATURE);

    // ---------------------------------------------------------------- block rules (see PageCleaner)

    /**
     * A document site's summary box before the document: a tab label, the document's name again,
     * and a 详情 tab. Example (003): {@code 前言 / 锦州市凌河区国民经济和社会发展第十四个五年规划和2035年远景目标纲要 / 详情}.
     * Only the box is dropped; a real 前言 heading (not followed by 详情) stays.
     */
    public static final String SITE_SUMMARY_BOX = "site-summary-box";
    static final List<String> SUMMARY_BOX_LABELS = List.of("前言", "简介", "摘要", "导读", "内容简介", "内容提要");
    static final List<String> SUMMARY_BOX_ENDS = List.of("详情", "查看详情", "阅读全文", "展开全文");

    /**
     * Everything from the first footer or disclaimer line near the end of a page to the end, when it
     * is short: 责任编辑 and the copyright block (000, 002), or the attachment link and the site's
     * disclaimer (003: {@code 附件 / ….pdf 【下载附件】 / 温馨提示: / 2. 大牛工程师仅提供信息存储空间… /
     * 投资项目经济评价系统 大牛约稿}).
     */
    public static final String TRAILER = "trailer";
    static final List<String> TRAILER_ANCHORS = List.of(
            "温馨提示", "免责声明", "仅提供信息存储空间", "【下载附件】", "下载附件", "版权所有", "责任编辑", "主办单位",
            "ICP备", "公网安备", "网站标识码", "本站不保证");
    static final Pattern ATTACHMENT = Pattern.compile("^(附件\\d*[:]?|.{1,120}\\.(pdf|docx?|xlsx?|wps|zip|rar)(\\s.*)?)$",
            Pattern.CASE_INSENSITIVE);

    // ---------------------------------------------------------------- helpers

    static boolean containsAny(String line, List<String> needles) {
        for (String n : needles) {
            if (line.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static String removeAll(String line, List<String> words) {
        String s = line;
        for (String w : words) {
            s = s.replace(w, "");
        }
        return s;
    }

    /** The facts a publication line gives. */
    public record PublicationLine(String publishedAt, String publisher) {
        private static final Pattern KEY = Pattern.compile(
                "(发布时间|发布日期|发表时间|发表于|发布于|更新时间|成文日期|信息来源|文章来源|稿件来源|内容来源|来源|"
                        + "日期|时间|作者|编辑|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问量|访问次数)\\s*:");
        private static final Pattern CATEGORY = Pattern.compile("^[\\[【][^\\]】]{1,30}[\\]】]\\s*");

        /** The line's facts, if the line is nothing but "key: value" pairs of a publication line. */
        public static Optional<PublicationLine> parse(String line) {
            if (line.length() > 120 || line.contains("。")) {
                return Optional.empty();
            }
            String rest = CATEGORY.matcher(line).replaceFirst("");
            Matcher m = KEY.matcher(rest);
            if (!m.find() || m.start() != 0) {
                return Optional.empty();
            }
            String published = null;
            String publisher = null;
            do {
                String key = m.group(1);
                int valueStart = m.end();
                boolean more = m.find();
                String value = rest.substring(valueStart, more ? m.start() : rest.length())
                        .replaceAll("[\\s|]+$", "").strip();
                if (!value.isEmpty()) {
                    if (key.contains("时间") || key.contains("日期") || key.startsWith("发")) {
                        published = published == null ? value : published;
                    } else if (key.contains("来源")) {
                        publisher = publisher == null ? value : publisher;
                    }
                }
                if (!more) {
                    break;
                }
            } while (true);
            return Optional.of(new PublicationLine(published, publisher));
        }
    }

    private PageFurniture() {
    }
}
