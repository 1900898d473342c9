package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.contracts.SegmentedReport.Sentence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The extract stage: indicator facts in the shape of {@code corpus/SCHEMA.md}, each with the exact
 * clause that states it. The sentence grammar is {@link IndicatorGrammar}; the kind and period come from
 * {@link TimeFrame}. Stateless after construction, so one instance serves every thread.
 */
public final class IndicatorExtractor {
    private static final IndicatorExtractor STANDARD = new IndicatorExtractor(IndicatorLexicon.load());

    private final IndicatorGrammar grammar;

    IndicatorExtractor(IndicatorLexicon lexicon) {
        this.grammar = new IndicatorGrammar(lexicon);
    }

    public static IndicatorExtractor standard() {
        return STANDARD;
    }

    public List<IndicatorFact> extract(SegmentedReport report) {
        String text = report.text() == null ? "" : report.text();
        ReportMetadata metadata = report.metadata();
        String region = metadata == null ? null : metadata.regionName();
        String source = metadata == null ? null : metadata.sourceName();
        TimeFrame time = TimeFrame.of(metadata, text);
        TimeFrame.Part[] parts = parts(report.sections(), time);

        List<IndicatorFact> facts = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        List<Paragraph> paragraphs = report.paragraphs();
        TimeFrame.Part current = TimeFrame.Part.REVIEW;
        int sentenceIndex = 0;
        boolean zoneTopic = false;
        List<Sentence> sentences = report.sentences();
        for (Paragraph paragraph : paragraphs) {
            if (paragraph.section() != null && parts[paragraph.section()] != null) {
                current = parts[paragraph.section()];
            }
            while (sentenceIndex < sentences.size() && sentences.get(sentenceIndex).paragraph() < paragraph.index()) {
                sentenceIndex++;
            }
            for (; sentenceIndex < sentences.size() && sentences.get(sentenceIndex).paragraph() == paragraph.index(); sentenceIndex++) {
                Sentence sentence = sentences.get(sentenceIndex);
                // a zone as topic holds through the clauses of a sentence cut at ；
                zoneTopic = (zoneTopic && afterSemicolon(text, sentence.start()))
                        || (IndicatorGrammar.startsWithZone(text, sentence.start(), sentence.end()) && !startsWithVerb(text, sentence));
                if (zoneTopic || !mayHoldNumbers(text, sentence.start(), sentence.end())) {
                    continue;
                }
                List<Reading> readings = grammar.read(text, sentence.start(), sentence.end(), region);
                for (Reading r : withoutPassedMilestones(readings)) {
                    TimeFrame.When when = time.when(current, text, sentence.start(), r.start());
                    boolean estimated = "actual".equals(when.kind())
                            && Cues.containsAny(text, paragraph.start(), r.end(), Cues.ESTIMATE);
                    IndicatorFact fact = new IndicatorFact(source, report.documentId(), region, r.indicator(), when.kind(),
                            estimated, when.period(), r.measure(), r.value(), r.valueMax(), r.unit(), r.qualifier(),
                            text.substring(r.start(), r.end()), r.start(), r.end());
                    if (seen.add(List.of(r.indicator(), when.kind(), Objects.toString(when.period()), r.measure(),
                            r.value(), r.unit(), Objects.toString(r.qualifier()), Objects.toString(r.valueMax())))) {
                        facts.add(fact);
                    }
                }
            }
        }
        return facts;
    }

    /**
     * The part of the document each section opens: its own heading's or, failing that, its nearest
     * ancestor's — the outermost heading that says decides (一、2022年工作回顾 over (三)…目标任务).
     */
    private static TimeFrame.Part[] parts(List<Section> sections, TimeFrame time) {
        TimeFrame.Part[] own = new TimeFrame.Part[sections.size()];
        for (Section s : sections) {
            own[s.index()] = time.classify(s.heading());
        }
        TimeFrame.Part[] out = new TimeFrame.Part[sections.size()];
        for (Section s : sections) {
            TimeFrame.Part decided = null;
            for (Integer i = s.index(); i != null; i = sections.get(i).parent()) {
                if (own[i] != null) {
                    decided = own[i];
                }
            }
            out[s.index()] = decided;
        }
        return out;
    }

    /** 地区生产总值突破千亿元大关,达1000.24亿元: the mark passed gives way to the figure reached. */
    private static List<Reading> withoutPassedMilestones(List<Reading> readings) {
        if (readings.stream().noneMatch(Reading::milestone)) {
            return readings;
        }
        List<Reading> out = new ArrayList<>();
        for (Reading r : readings) {
            boolean passed = r.milestone() && readings.stream().anyMatch(o -> o != r && !o.milestone()
                    && o.indicator().equals(r.indicator()) && o.measure().equals(r.measure()));
            if (!passed) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean afterSemicolon(String text, int sentenceStart) {
        int i = sentenceStart - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && (text.charAt(i) == '；' || text.charAt(i) == ';');
    }

    private static final Set<String> MODAL = Set.of("力争", "确保", "争取");

    /** 支持渭南高新区建设…: a zone as the object of the opening verb is not the topic; 力争/确保 are not such verbs. */
    private static boolean startsWithVerb(String text, Sentence sentence) {
        if (sentence.pos() == null || sentence.pos().length == 0) {
            return false;
        }
        String first = text.substring(sentence.words()[0], sentence.words()[1]);
        return sentence.pos()[0].startsWith("v") && !MODAL.contains(first);
    }

    /** Cheap filter: a sentence without a digit or a Chinese magnitude cannot state a value. */
    private static boolean mayHoldNumbers(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９') || c == '百' || c == '千' || c == '万' || c == '十') {
                return true;
            }
        }
        return false;
    }
}
