package io.zhibiao.nlp.extract;

import java.util.List;

/**
 * The small words that tie an indicator to its number, named by what they do. Each list says in its
 * comment where in a clause it is looked for, with an example from the corpus.
 */
final class Cues {
    private Cues() {
    }

    /**
     * Words that may stand right before an indicator's name. Anything else glued to the name makes it
     * part of a longer noun that is not the indicator: 亩均生产总值, 园区规模工业增加值, 新增高新技术企业20家
     * (a count of new ones), 工业固定资产投资, 进出口 (for 出口).
     * Examples: 全市生产总值, 其中规上工业增加值, 推动社会消费品零售总额增长1.1%, 2023年地区生产总值.
     */
    static final List<String> BEFORE_INDICATOR = WordList.of(
            "全体", "全社会", "全年", "年内", "当年", "其中",
            "预计", "实现", "完成", "推动", "带动", "确保", "力争", "争取", "促进", "力促", "拉动", "保持", "同口径",
            "可比", "累计", "已累计", "共", "是", "为", "和", "与", "及",
            "年", "今年", "去年", "上年", "目标", "期间", "末", "底", "时期", "到", "的",
            "接待", "全口径", "加快", "力保", "确保全年", "力争全年", "年景", "认定",
            // a digest's verbs of saying and setting: 提出居民人均可支配收入实现4.2万元左右, 设定城乡居民收入分别年均增长9%左右
            "提出", "明确", "设定", "设定了", "实现了", "完成了");

    /**
     * How a government speaks of itself before a name (全市生产总值, 我省地区生产总值, 全国居民人均可支配收入), by the
     * last character of the kind of government it means (省, 市, 区, 县, 州, 旗, 盟; 国 for the country). In another
     * government's report the same words quote someone else's figure (a city report's 全省地区生产总值增长5%),
     * which is left out rather than given to the issuer.
     */
    static final List<String> SELF = WordList.of("全市", "全区", "全县", "全州", "全旗", "全盟", "全省", "全国", "我市", "本市",
            "我区", "本区", "我县", "本县", "我省", "本省", "我州", "本州", "我旗", "我国", "带动全市", "实现全市", "完成全市",
            "实现全省", "完成全省", "实现全县", "实现全区");

    /**
     * Before a name, these make what follows a count of new units, not the total: 新增高新技术企业57家
     * (the total comes after 存量/总数: 新增高新技术企业57家、存量达348家).
     */
    static final List<String> NEW_UNITS_BEFORE = WordList.of("新增", "新认定", "新培育", "净增", "新引进", "新", "认定");

    /** Between a name and its number, the same: 高新技术企业认定32家. */
    static final List<String> NEW_UNITS_BETWEEN = WordList.of("新增", "认定", "新认定", "净增", "培育", "引进", "增加");

    /** A stock after new units: 存量达348家, 总数超2300家, 认定高新技术企业数达到15家以上. */
    static final List<String> STOCK = WordList.of("存量", "总数", "总量", "保有量", "累计", "达到");

    /**
     * A sentence that starts with a development zone is about the zone, not the region:
     * 园区规上企业工业总产值完成350.9亿元,同比增长9.8%;工业增加值完成69.5亿元.
     */
    static final List<String> ZONE = WordList.of("园区", "开发区", "高新区", "经开区", "产业园", "工业园", "示范区", "综保区",
            "自贸区", "片区", "新区", "保税区", "试验区");

    /** A clause that starts with one of these goes on about the indicator before it: 326.3亿元,增长6.8%. */
    static final List<String> CONTINUATION = WordList.of(
            "增长", "增", "同比", "比上年", "较上年", "比去年", "较去年", "下降", "降低", "减少", "增速", "增幅", "降幅",
            "分别", "均", "达到", "达", "为", "总量", "总额", "规模", "年均", "可比", "同口径", "按可比", "扣除", "剔除",
            "名义", "实际增长", "居", "位居", "位列", "排名", "排", "列", "占", "上涨", "提高", "首次", "连续", "创",
            "实现", "完成", "其中增长", "比2", "较2", "(下同)", "（下同）", "存量", "总数", "保有量", "共", "全市共",
            // 是2007年的2.5倍,年均增长16.1%; 由2006年的1595亿元增长到3077亿元; 好于下降7%的预期; 控制在预期4.2%以内
            "是", "由", "从", "好于", "低于预期", "高于预期", "控制在预期",
            // 设定为年均增长8.5%左右,到2020年将达到2.6万亿元; 完成GDP 115亿元,现价增长27.7%
            "到20", "到19", "现价", "按现价");

    /** Growth: 增长6.8%, 同比增长0.7%, 涨幅3%左右, 年均增速6.5%, 上涨1.7%. */
    static final List<String> RISE = WordList.of("增长", "增加", "上涨", "涨幅", "增速", "增幅", "提高", "增");

    /** Decline, stated as a negative growth: 下降2.5%, 降低2%, 降幅收窄至9.6%. */
    static final List<String> FALL = WordList.of("下降", "降低", "减少", "回落", "降幅", "下滑", "减");

    /** A rate word: with it, 收窄至/回升至 still speak of growth (降幅收窄至9.6%). */
    static final List<String> RATE = WordList.of("增速", "增幅", "降幅", "涨幅");

    /** Reaching a level: after 到/至 a number is where something got to, not its growth (提升到3.15%). */
    static final List<String> REACHING = WordList.of("到", "至");

    /** The starting point of a change: 国内生产总值从54万亿元增加到82.7万亿元 (the fact is the second). */
    static final List<String> FROM = WordList.of("从", "由");

    /** A share of a whole: 实际利用外资1549万美元,占全市80.1%. */
    static final List<String> SHARE = WordList.of("占", "比重", "占比");

    /** Before a number: 突破5000家, 超1.2万亿元, 不低于212.5万吨, 超过200家. */
    static final List<String> ABOVE_BEFORE = WordList.of("不低于", "不少于", "超过", "突破", "超", "破", "逾", "高于", "多于");

    /** Before a number: 控制在3%以内, 不超过3%, 不高于3%. */
    static final List<String> AT_MOST_BEFORE = WordList.of("不超过", "不高于", "控制在", "低于", "少于");

    /** Before a number: 约3000亿元. */
    static final List<String> ABOUT_BEFORE = WordList.of("约", "大约", "近", "接近");

    /** "Respectively": the values go to the indicators in order (分别增长5.1%和8%). */
    static final List<String> RESPECTIVELY = WordList.of("分别");

    /** "Both/all": one value for every indicator named (单位GDP能耗、全社会能源消费量预计同比均下降8%). */
    static final List<String> ALL = WordList.of("均", "都");

    /** Between coordinated names or values: 城镇、农村; 5.1%和8%. */
    static final List<String> AND = WordList.of("、", "和", "及", "与", "以及");

    /** Marks an actual as preliminary: 初步核算,地区生产总值增长5.4%; 预计全年地区生产总值比上年增长6%左右. */
    static final List<String> ESTIMATE = WordList.of("预计", "初步核算", "初步统计", "据初步", "预估", "初步测算", "初步预计",
            "料达", "料将", "料增");

    /**
     * At the head of a clause, these frame the whole paragraph after them as estimates (初步预计,2019年,河南省生产总值…;
     * 据初步统计,到2020年末,…。五年累计…); 初步核算 is the statistics office's word for GDP and holds for its sentence
     * (初步核算,全市地区生产总值…。城镇登记失业率为1.44。), as does a 预计 after the subject (地区生产总值预计突破3000亿元).
     */
    static final List<String> ESTIMATE_FRAME = WordList.of("预计", "初步预计", "据初步统计", "初步统计", "据初步测算", "初步测算",
            "预估", "据测算");

    /** A clause that opens with these supposes: 如果2020年GDP总额达到90万亿元. */
    static final List<String> HYPOTHETICAL = WordList.of("如果", "假如", "假设", "倘若", "若");

    /** The value right after these is the target an outcome is compared with: 控制在预期4.2%以内. */
    static final List<String> EXPECTED_BEFORE = WordList.of("预期", "预期目标", "目标");

    /** … or right before these: 好于下降7%的预期. */
    static final List<String> EXPECTED_AFTER = WordList.of("的预期", "的目标", "预期目标");

    /** What will be: 新雪季接待游客将突破5000万人次 (in a review, not an outcome). */
    static final List<String> FORECAST = WordList.of("将", "将要", "有望", "可望");

    /** People a number of persons may count instead of the jobs: 新增就业参保大学生35万人. */
    static final List<String> PEOPLE = WordList.of("大学生", "毕业生", "农民工", "劳动力", "人员", "人口", "职工", "人才");

    /** Another basis of the same growth, a figure of its own: 同比增长1.1%,可比增长11.2%. */
    static final List<String> OTHER_BASIS = WordList.of("可比", "同口径", "按可比口径", "可比口径");

    /** A rank right after a value: an outcome, as no target is ranked (一般公共预算收入增长12.5%,全国第5). */
    static final List<String> RANK_AFTER = WordList.of("全国第", "全省第", "中部第", "居全国", "居全省", "位居", "排名", "增速第");

    /** Parts of a year listed before their values: 一季度、上半年、前三季度、全年分别增长3%、3.4%、4%、4.5%. */
    static final List<String> PART_OF_YEAR = WordList.of("季度", "上半年", "下半年", "前三季度");

    /** Between a name and its value, these make it a target: GDP预期增长4.5%-5%, 地区生产总值增长目标为6%. */
    static final List<String> TARGET_IN_GAP = WordList.of("预期增长", "预期目标", "增长目标", "目标为", "目标是");

    /** 其中: a sentence that opens with it goes on about what the sentence before spoke of. */
    static final List<String> OF_WHICH = WordList.of("其中");

    /** Announces the year's targets: 主要预期目标是:生产总值增长7%左右. */
    static final List<String> TARGET = WordList.of("预期目标", "主要目标", "发展目标", "目标任务", "目标是", "目标为", "提出",
            "预期增长");

    /** Before a target word, these say the targets were met, which is a review: 完成全年主要目标任务. */
    static final List<String> TARGET_MET = WordList.of("完成", "实现", "超额", "好于", "高于", "低于");

    static boolean endsWithAny(CharSequence text, int end, int floor, List<String> words) {
        return endingWord(text, end, floor, words) != null;
    }

    /** The word of {@code words} that ends at {@code end} (not starting before {@code floor}), longest first. */
    static String endingWord(CharSequence text, int end, int floor, List<String> words) {
        if (end <= 0 || end > text.length() || words instanceof WordList w && !w.mayEndWith(text.charAt(end - 1))) {
            return null;
        }
        String best = null;
        for (String w : words) {
            int s = end - w.length();
            if (s >= floor && regionMatches(text, s, w) && (best == null || w.length() > best.length())) {
                best = w;
            }
        }
        return best;
    }

    static boolean startsWithAny(CharSequence text, int start, int limit, List<String> words) {
        if (start < 0 || start >= limit || start >= text.length()) {
            return false;
        }
        char first = text.charAt(start);
        if (words instanceof WordList list && !list.mayStartWith(first)) {
            return false;
        }
        for (String w : words) {
            if (w.charAt(0) == first && start + w.length() <= limit && regionMatches(text, start, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where {@code w} first starts at a position in [from, to), or -1 (it may run on past {@code to}). Unlike
     * {@code String.indexOf} it does not read on to the end of the report: the checks that use it run once per
     * sentence or candidate, and reading the rest of a 50,000-character report each time made extraction quadratic.
     */
    static int indexOf(CharSequence text, int from, int to, String w) {
        char first = w.charAt(0);
        int last = Math.min(to, text.length());
        for (int s = Math.max(0, from); s < last; s++) {
            if (text.charAt(s) == first && regionMatches(text, s, w)) {
                return s;
            }
        }
        return -1;
    }

    /** The last occurrence of any of {@code words} in [from, to): its start, or -1. */
    static int lastIndexOfAny(CharSequence text, int from, int to, List<String> words) {
        int best = -1;
        for (String w : words) {
            char first = w.charAt(0);
            for (int s = to - w.length(); s >= from && s > best; s--) {
                if (text.charAt(s) == first && regionMatches(text, s, w)) {
                    best = s;
                    break;
                }
            }
        }
        return best;
    }

    /**
     * 均 meaning "both/all" (单位GDP能耗、全社会能源消费量均下降8%), not the 均 of 年均, 人均, 平均, 亩均 (an average).
     */
    static boolean saysAll(CharSequence text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '都') {
                return true;
            }
            if (c == '均' && (i == 0 || "年人平亩户月日".indexOf(text.charAt(i - 1)) < 0)) {
                return true;
            }
        }
        return false;
    }

    static boolean containsAny(CharSequence text, int from, int to, List<String> words) {
        return lastIndexOfAny(text, from, to, words) >= 0;
    }

    static boolean regionMatches(CharSequence text, int at, String w) {
        if (at < 0 || at + w.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (text.charAt(at + i) != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
