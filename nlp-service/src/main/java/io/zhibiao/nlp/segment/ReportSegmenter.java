package io.zhibiao.nlp.segment;

import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.contracts.SegmentedReport.Sentence;
import io.zhibiao.contracts.words.WordSegmenter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The segment stage: a report's section tree, paragraphs, sentences and words, all as offsets into
 * its normalised text. Stateless, so one instance serves every thread.
 */
public final class ReportSegmenter {
    private static final ReportSegmenter STANDARD = new ReportSegmenter(WordSegmenter.standard());

    private final ParagraphSplitter paragraphs = new ParagraphSplitter();
    private final HeadingParser headings = new HeadingParser();
    private final SentenceSplitter sentences = new SentenceSplitter();
    private final WordSegmenter words;

    ReportSegmenter(WordSegmenter words) {
        this.words = words;
    }

    public static ReportSegmenter standard() {
        return STANDARD;
    }

    public SegmentedReport segment(IngestedReport report) {
        String text = report.text() == null ? "" : report.text();
        Outline outline = outline(text);
        List<Sentence> sentenceList = new ArrayList<>();
        for (Paragraph p : outline.paragraphs) {
            for (int[] s : sentences.split(text, p.start(), p.end())) {
                WordSegmenter.Words w = words.segment(text, s[0], s[1]);
                sentenceList.add(new Sentence(s[0], s[1], p.index(), w.offsets(), w.pos()));
            }
        }
        return new SegmentedReport(report.documentId(), report.metadata(), text, report.supersedes(),
                outline.sections(), outline.paragraphs, sentenceList);
    }

    /** Sections and paragraphs without the words: what extraction and tests need. */
    Outline outline(String text) {
        List<SectionDraft> drafts = new ArrayList<>();
        List<Paragraph> paragraphList = new ArrayList<>();
        // the open outline: one entry per numbering style in use, outermost first
        Deque<SectionDraft> open = new ArrayDeque<>();
        for (int[] p : paragraphs.split(text)) {
            HeadingParser.Heading heading = headings.parse(text, p[0], p[1]);
            Integer section;
            if (heading == null) {
                section = open.isEmpty() ? null : open.peekLast().index;
            } else if (heading.style().isOutline()) {
                // a style already open closes everything inside it; a new style nests
                SectionDraft sameStyle = null;
                for (SectionDraft d : open) {
                    if (d.style == heading.style()) {
                        sameStyle = d;
                        break;
                    }
                }
                if (sameStyle != null) {
                    while (!open.isEmpty()) {
                        SectionDraft closed = open.pollLast();
                        closed.end = p[0];
                        if (closed == sameStyle) {
                            break;
                        }
                    }
                }
                SectionDraft parent = open.peekLast();
                SectionDraft d = new SectionDraft(drafts.size(), parent == null ? null : parent.index,
                        open.size() + 1, heading.style(), text.substring(heading.start(), heading.end()).strip(), p[0]);
                drafts.add(d);
                open.addLast(d);
                section = d.index;
            } else {
                SectionDraft parent = open.peekLast();
                SectionDraft d = new SectionDraft(drafts.size(), parent == null ? null : parent.index,
                        open.size() + 1, heading.style(), text.substring(heading.start(), heading.end()).strip(), p[0]);
                d.end = p[1];
                drafts.add(d);
                section = d.index;
            }
            paragraphList.add(new Paragraph(paragraphList.size(), p[0], p[1], section));
        }
        for (SectionDraft d : open) {
            d.end = text.length();
        }
        List<Section> sectionList = new ArrayList<>(drafts.size());
        for (SectionDraft d : drafts) {
            sectionList.add(new Section(d.index, d.parent, d.level, d.heading, d.start, d.end));
        }
        return new Outline(sectionList, paragraphList);
    }

    record Outline(List<Section> sections, List<Paragraph> paragraphs) {
    }

    private static final class SectionDraft {
        final int index;
        final Integer parent;
        final int level;
        final HeadingStyle style;
        final String heading;
        final int start;
        int end;

        SectionDraft(int index, Integer parent, int level, HeadingStyle style, String heading, int start) {
            this.index = index;
            this.parent = parent;
            this.level = level;
            this.style = style;
            this.heading = heading;
            this.start = start;
        }
    }
}
