package io.zhibiao.ingest.domain.region;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How reports write region names. Reports call a place by its full name (锦州市, 绥中县) or by its
 * short name (锦州, 绥中, 葫芦岛): the full name without its generic ending, and without the
 * nationality part of an autonomous unit's name (延边朝鲜族自治州 → 延边).
 */
public final class RegionNames {
    /** The 55 minority nationalities, as they appear in the names of autonomous units. */
    static final List<String> NATIONALITIES = List.of(
            "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
            "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族",
            "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族",
            "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
            "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
            // as written in a few names without 族
            "蒙古", "维吾尔", "哈萨克", "柯尔克孜", "鄂伦春", "鄂温克", "达斡尔");

    private static final Pattern AUTONOMOUS = Pattern.compile("^(.{2,}?)((?:"
            + NATIONALITIES.stream().sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|")) + ")+)?自治(州|县|旗|区)$");

    /** Generic endings, longest first. */
    static final List<String> ENDINGS = List.of("特别行政区", "林区", "特区", "地区", "矿区", "新区", "省", "市", "区", "县", "旗", "盟", "州");

    /**
     * Two-character short names of provinces and prefectures that are also everyday words of
     * government prose, so a mention in the text is no evidence: 长治久安, 幸福安康, 朝阳产业,
     * 大庆 (a celebration), 来宾, 世界大同, 新乡贤, 孙中山, 白山黑水, 白银 (silver), 阿里 (巴巴).
     * Two-character short names of county-level units are never counted in running text at all:
     * too many are words (振兴, 资源, 合作, 新建, 平安, 和平, 新城, 城中…).
     */
    static final Set<String> COMMON_WORDS = Set.of(
            "长治", "安康", "朝阳", "大庆", "来宾", "大同", "新乡", "中山", "阿里", "兴安", "海西", "白山", "白银",
            "日照");

    private RegionNames() {
    }

    /** The short name, or the full name itself when nothing shorter than two characters would be left. */
    public static String shortName(String fullName) {
        var m = AUTONOMOUS.matcher(fullName);
        if (m.matches()) {
            return m.group(1);
        }
        for (String ending : ENDINGS) {
            if (fullName.endsWith(ending) && fullName.length() - ending.length() >= 2) {
                return fullName.substring(0, fullName.length() - ending.length());
            }
        }
        return fullName;
    }

    /**
     * Whether a full name in running text is evidence: not the two-character ones (城区, 郊区, 矿区 are
     * names of districts and words of every report; 易县, 范县 hide in 交易县域, 示范县).
     */
    static boolean fullNameCountsInText(String fullName) {
        return fullName.length() >= 3;
    }

    /** Whether a mention of this short name in running text is evidence for the unit. */
    static boolean countsInText(String shortName, Level level) {
        if (shortName.length() >= 3) {
            return true;
        }
        return shortName.length() == 2 && (level == Level.PROVINCE || level == Level.PREFECTURE)
                && !COMMON_WORDS.contains(shortName);
    }
}
