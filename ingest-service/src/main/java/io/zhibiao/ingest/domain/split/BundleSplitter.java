package io.zhibiao.ingest.domain.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a cleaned page into reports. A bundle (the sample {@code 001_…} holds 24 city reports, each
 * behind a title line such as {@code 2023年彬州市政府工作报告}) becomes one segment per title line;
 * a page without a title line (a report that starts with the mayor's name, or a fragment) is one
 * segment.
 *
 * <p>A title line starts a new report only when the report before it already has a body
 * ({@value #MIN_BODY_CHARS} characters): a plan repeats its title over two or three lines
 * ({@code (辽宁省)锦州市凌河区…十四五规划(2022年更新)} then {@code 锦州市凌河区国民经济和社会发展} /
 * {@code 第十四个五年规划和二〇三五年 远景目标纲要}), and that is one document.
 *
 * <p>Lines before the first title are the page's own; when they are long enough to be a report
 * (a report without title followed by titled ones) they are one, otherwise they are page furniture
 * that no rule knew and are left out (a report starts at its title).
 */
public final class BundleSplitter {
    static final int MIN_BODY_CHARS = 300;

    /**
     * One report's lines.
     *
     * @param index     position in the page, from 0
     * @param lines     its lines
     * @param firstLine index of its first line in the page's lines
     * @param title     its title line, if it starts with one
     */
    public record Segment(int index, List<String> lines, int firstLine, Optional<ReportTitle> title) {
        public String text() {
            return String.join("\n", lines);
        }

        public int endLine() {
            return firstLine + lines.size();
        }
    }

    public List<Segment> split(List<String> lines) {
        List<int[]> bounds = new ArrayList<>();
        int start = -1;
        int bodyChars = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean title = ReportTitle.parse(lines.get(i)).isPresent();
            if (title && (start < 0 || bodyChars >= MIN_BODY_CHARS)) {
                if (start < 0) {
                    if (chars(lines, 0, i) >= MIN_BODY_CHARS) {
                        bounds.add(new int[] {0, i});
                    }
                } else {
                    bounds.add(new int[] {start, i});
                }
                start = i;
                bodyChars = 0;
            } else if (!title) {
                bodyChars += lines.get(i).length();
            }
        }
        if (start < 0) {
            if (!lines.isEmpty()) {
                bounds.add(new int[] {0, lines.size()});
            }
        } else {
            bounds.add(new int[] {start, lines.size()});
        }
        List<Segment> segments = new ArrayList<>();
        for (int[] b : bounds) {
            List<String> part = List.copyOf(lines.subList(b[0], b[1]));
            segments.add(new Segment(segments.size(), part, b[0], ReportTitle.parse(part.get(0))));
        }
        return segments;
    }

    private static int chars(List<String> lines, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += lines.get(i).length();
        }
        return n;
    }
}
