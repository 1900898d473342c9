package io.zhibiao.nlp.segment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of headings in Chinese government documents. The outline's depth is not fixed
 * by the style: a report may go 一、 → (一) → 1., a plan 第一章 → 第一节 → 一、; {@link SectionTreeBuilder}
 * nests styles in the order a document first uses them.
 */
enum HeadingStyle {
    /** 第三章 坚持深化改革 优化发展新环境 */
    CHAPTER("第[一二三四五六七八九十百零〇两]+[章篇]"),
    /** 第一节 经济社会发展取得新成就 */
    PART("第[一二三四五六七八九十百零〇两]+节"),
    /** 一、2023年工作回顾 */
    CN_NUMBER("[一二三四五六七八九十]{1,3}[、.．]"),
    /** (一)强化创新引领,产业转型升级持续推进 */
    CN_PAREN("[(（][一二三四五六七八九十]{1,3}[)）]"),
    /** 1. or 1、 */
    ARABIC("[0-9０-９]{1,2}[、.．](?![0-9０-９])"),
    /** (1) or （1） */
    ARABIC_PAREN("[(（][0-9０-９]{1,2}[)）]"),
    /** 专栏1 “十四五”时期主要指标 */
    COLUMN("专栏\\s*[0-9０-９一二三四五六七八九十]*"),
    /** a short line of its own without punctuation: 2022年工作回顾, 加强政府自身建设 */
    PLAIN(""),
    /** —— followed by a short lead phrase ending in 。 (the dashes of an itemised list) */
    DASH("——"),
    /** the bold lead sentence of a paragraph, which plain text shows only as a short first sentence */
    LEAD("");

    private final Pattern marker;

    HeadingStyle(String marker) {
        this.marker = marker.isEmpty() ? null : Pattern.compile("^(?:" + marker + ")");
    }

    /** The length of this style's marker at the start of {@code text}, or -1. */
    int markerLength(CharSequence text) {
        if (marker == null) {
            return -1;
        }
        Matcher m = marker.matcher(text);
        return m.lookingAt() ? m.end() : -1;
    }

    /** Numbered styles build the outline; DASH and LEAD only label a single paragraph. */
    boolean isOutline() {
        return this != DASH && this != LEAD;
    }
}
