package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.contracts.words.SimplifiedScript;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line that names who delivers a report: {@code 锦州市人民政府市长 王心宇},
 * {@code 沈阳市人民政府市长 吕志成}, {@code 滨海新区区长 宗国英}, or at the end of the session line of the national report,
 * {@code ——2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强}.
 *
 * @param organ  the government as written (锦州市人民政府, 国务院), or "" when only the office is given
 * @param office 市长, 代市长, 区长, 县长, 省长, 主席, 总理…
 * @param name   the person
 */
public record SpeakerLine(String organ, String office, String name) {
    /** Lines at the head of a report where the speaker may be. */
    static final int WITHIN_LINES = 6;

    private static final Pattern SPEAKER = Pattern.compile(
            "(?:^|\\s)(?<organ>\\p{IsHan}{0,24}?(?:人民政府|政府|国务院)|\\p{IsHan}{2,12}?(?:省|市|区|县|州|旗|盟)|)"
                    + "(?<office>(?:代理)?代?(?:省长|市长|区长|县长|州长|旗长|盟长|主席|总理))"
                    + "\\s*(?<name>[\\p{IsHan}·]{2,5})(?:[A-Za-z]{1,4})?$");

    /** A line that names the speaker; read in simplified script, so 國務院總理 溫家寶 is 国务院总理 温家宝. */
    public static Optional<SpeakerLine> parse(String written) {
        if (written.length() > 80) {
            return Optional.empty();
        }
        String line = SimplifiedScript.standard().convert(written);
        Matcher m = SPEAKER.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new SpeakerLine(m.group("organ"), m.group("office"), m.group("name")));
    }

    /** The first speaker line among the first lines of a report. */
    public static Optional<SpeakerLine> find(List<String> lines) {
        for (int i = 0; i < Math.min(WITHIN_LINES, lines.size()); i++) {
            Optional<SpeakerLine> s = parse(lines.get(i));
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** As the metadata writes it: {@code 锦州市人民政府市长 王心宇}. */
    public String display() {
        return organ + office + " " + name;
    }
}
