package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.ingest.domain.split.ReportTitle;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a report's text starts in its middle. A report opens with its title, the speaker's line
 * or the salutation {@code 各位代表:}; a fragment opens elsewhere, typically at a later heading
 * (the 葫芦岛 sample starts {@code (四)积极调整产业结构,产业集群加速壮大。}) or in the middle of a sentence.
 */
public final class FragmentStart {
    /** How many lines into a report its opening may be (title, session line, speaker, salutation). */
    static final int OPENING_LINES = 5;

    /** A heading that is not the first of its series: 二、 (四) 第三章 3. */
    static final Pattern LATER_HEADING = Pattern.compile(
            "^(?:[二三四五六七八九十]+、|\\([二三四五六七八九十]+\\)|第[二三四五六七八九十]+[章节部分篇]|[2-9][.、])");
    /** A line that continues a sentence begun before it. */
    static final Pattern CONTINUATION = Pattern.compile("^[,。、;:)”’》!?\\p{Ll}]");
    static final Pattern SALUTATION = Pattern.compile("^各位(?:代表|委员)");

    private FragmentStart() {
    }

    public static boolean isFragment(Optional<ReportTitle> title, List<String> lines, DocumentKind kind) {
        if (title.isPresent() || lines.isEmpty()) {
            return false;
        }
        List<String> head = lines.subList(0, Math.min(OPENING_LINES, lines.size()));
        boolean opening = head.stream().anyMatch(l -> SALUTATION.matcher(l).find() || SpeakerLine.parse(l).isPresent());
        if (opening) {
            return false;
        }
        String first = lines.get(0);
        if (LATER_HEADING.matcher(first).find() || CONTINUATION.matcher(first).find()) {
            return true;
        }
        return kind == DocumentKind.WORK_REPORT;
    }
}
