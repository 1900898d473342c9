package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.contracts.SegmentedReport.Sentence;
import io.zhibiao.contracts.words.NormalizedText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final TableRows tables;

    IndicatorExtractor(IndicatorLexicon lexicon) {
        this.grammar = new IndicatorGrammar(lexicon);
        this.tables = new TableRows(lexicon);
    }

    public static IndicatorExtractor standard() {
        return STANDARD;
    }

    public List<IndicatorFact> extract(SegmentedReport report) {
        String original = report.text() == null ? "" : report.text();
        // rules read one way of writing (simplified script, no stray spaces, …); quotes come from the original
        NormalizedText norm = NormalizedText.of(original);
        String text = norm.text();
        ReportMetadata metadata = report.metadata();
        String region = metadata == null ? null : metadata.regionName();
        String source = metadata == null ? null : metadata.sourceName();
        String regionFoundBy = region == null ? null : metadata.foundBy().getOrDefault("region", "given");
        TimeFrame time = TimeFrame.of(metadata, text);
        TimeFrame.Part[] parts = parts(report.sections(), time);

        List<IndicatorFact> facts = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        // the rows of tables (地区生产总值增长 | % | 3.6 | — | 6左右 | 预期性) are read by their own rule, not as sentences
        TableRows.Result table = tables.read(original, time, region);
        int nextRow = 0;
        int nextTableFact = 0;
        List<Paragraph> paragraphs = report.paragraphs();
        TimeFrame.Part current = leadPart(paragraphs, parts, norm, time);
        int sentenceIndex = 0;
        boolean zoneTopic = false;
        // (预计,下同): every actual from here on is an estimate
        boolean estimatesOnward = false;
        // the start of the paragraph before when it is an infographic's label for the figure on the next line
        int label = -1;
        int cursor = 0;
        List<Sentence> sentences = report.sentences();
        for (Paragraph paragraph : paragraphs) {
            if (paragraph.section() != null && parts[paragraph.section()] != null) {
                current = parts[paragraph.section()];
            }
            while (sentenceIndex < sentences.size() && sentences.get(sentenceIndex).paragraph() < paragraph.index()) {
                sentenceIndex++;
            }
            if (!table.rows().isEmpty()) {
                // the facts of the rows before this paragraph, in the order of the text
                for (; nextTableFact < table.facts().size() && table.facts().get(nextTableFact).start() <= paragraph.start();
                     nextTableFact++) {
                    addTableFact(table.facts().get(nextTableFact), source, report.documentId(), region, regionFoundBy,
                            original, seen, facts);
                }
                while (nextRow < table.rows().size() && table.rows().get(nextRow)[1] <= paragraph.start()) {
                    nextRow++;
                }
                if (nextRow < table.rows().size() && table.rows().get(nextRow)[0] <= paragraph.start()
                        && paragraph.end() <= table.rows().get(nextRow)[1]) {
                    label = -1;
                    continue; // a row of a table: no sentence
                }
            }
            int paragraphStart = norm.index(paragraph.start(), cursor);
            int paragraphEnd = norm.index(paragraph.end(), paragraphStart);
            cursor = paragraphStart;
            Integer topicYear = null;
            Integer baseYear = null;
            // what the last sentence spoke of, for a sentence that goes on with 其中
            String lastIndicator = null;
            int sentenceCursor = paragraphStart;
            // 初步预计,2019年,…: an estimate frame at the head of a clause holds for the rest of its paragraph
            int estimateFrame = TimeFrame.estimateFrame(text, paragraphStart, paragraphEnd);
            for (; sentenceIndex < sentences.size() && sentences.get(sentenceIndex).paragraph() == paragraph.index(); sentenceIndex++) {
                Sentence sentence = sentences.get(sentenceIndex);
                int start = norm.index(sentence.start(), sentenceCursor);
                int end = norm.index(sentence.end(), start);
                sentenceCursor = start;
                // 全年GDP / 增长5.3%左右: an infographic's label on the line before its figure reads with it
                int labelStart = label >= 0 && start == paragraphStart && Cues.startsWithAny(text, start, end, Cues.CONTINUATION)
                        ? label : start;
                boolean numbers = mayHoldNumbers(text, start, end);
                // a zone as topic holds through the clauses of a sentence cut at ；(looked for only where it matters:
                // in a sentence with numbers, or one whose topic the next clause may carry on)
                boolean carried = zoneTopic && afterSemicolon(text, start);
                zoneTopic = carried || (numbers || endsWithSemicolon(text, start, end))
                        && IndicatorGrammar.startsWithZone(text, start, end) && !startsWithVerb(original, sentence);
                if (!zoneTopic && numbers) {
                    // cue words reach over the clauses of a sentence that the segmenter cut at ；
                    int sentenceStart = labelStart < start ? labelStart : fullSentenceStart(text, paragraphStart, start);
                    List<Reading> readings = grammar.read(norm, labelStart, end, region, lastIndicator);
                    for (Reading r : withoutPassedMilestones(readings)) {
                        Integer own = r.year();
                        if (r.changeStart()) {
                            own = TimeFrame.changeStartYear(own, baseYear, text.substring(sentenceStart, r.start()));
                            if (own == null) {
                                continue; // 从54万亿元增加到82.7万亿元: a start whose year nothing says
                            }
                            baseYear = own;
                        }
                        TimeFrame.When when = time.when(current, text, sentenceStart, r, topicYear, own);
                        if ("actual".equals(when.kind()) && r.forecast()) {
                            continue; // 新雪季接待游客将突破5000万人次: what will be is no outcome
                        }
                        boolean estimated = "actual".equals(when.kind()) && time.mayBeEstimated(when.period())
                                && (estimatesOnward || estimateFrame >= 0 && estimateFrame <= r.start()
                                || Cues.containsAny(text, sentenceStart, r.end(), Cues.ESTIMATE)
                                || TimeFrame.estimateNoteAfter(text, r.end(), end));
                        estimatesOnward |= TimeFrame.estimateNoteOnward(text, r.end(), end);
                        int quoteStart = norm.originalStart(r.start());
                        int quoteEnd = norm.originalEnd(r.end());
                        IndicatorFact fact = new IndicatorFact(source, report.documentId(), region, r.indicator(), when.kind(),
                                estimated, when.period(), r.measure(), r.value(), r.valueMax(), r.unit(), r.qualifier(),
                                original.substring(quoteStart, quoteEnd), quoteStart, quoteEnd, null,
                                foundBy(regionFoundBy, when));
                        lastIndicator = r.indicator();
                        if (seen.add(List.of(r.indicator(), when.kind(), Objects.toString(when.period()), r.measure(),
                                r.value(), r.unit(), Objects.toString(r.qualifier()), Objects.toString(r.valueMax())))) {
                            facts.add(fact);
                        }
                    }
                }
                Integer named = TimeFrame.namesAYear(text, start, end) || Cues.indexOf(text, start, end, "五") >= 0
                        ? TimeFrame.explicitYear(text.substring(start, end)) : null;
                if (named != null) {
                    topicYear = named;
                }
            }
            label = isLabel(text, paragraphStart, paragraphEnd) ? paragraphStart : -1;
            // 2016年全省国民经济和社会发展主要预期目标是: opens the list below it, as a heading would
            TimeFrame.Part announced = time.classifyListLead(text, paragraphStart, paragraphEnd);
            if (announced != null) {
                current = announced;
            }
        }
        for (; nextTableFact < table.facts().size(); nextTableFact++) {
            addTableFact(table.facts().get(nextTableFact), source, report.documentId(), region, regionFoundBy, original,
                    seen, facts);
        }
        return facts;
    }

    /** A fact of a table row ({@link TableRows}), its quote the whole row; the same fact stated before is kept once. */
    private static void addTableFact(TableRows.Fact t, String source, String documentId, String region,
                                     String regionFoundBy, String original, Set<List<Object>> seen, List<IndicatorFact> facts) {
        if (!seen.add(List.of(t.indicator(), t.kind(), Objects.toString(t.period()), t.measure(), t.value(), t.unit(),
                Objects.toString(t.qualifier()), Objects.toString(t.valueMax())))) {
            return;
        }
        Map<String, String> foundBy = new LinkedHashMap<>();
        if (regionFoundBy != null) {
            foundBy.put("region", regionFoundBy);
        }
        foundBy.put("period", t.periodFrom());
        foundBy.put("rule", TableRows.RULE);
        facts.add(new IndicatorFact(source, documentId, region, t.indicator(), t.kind(), t.estimated(), t.period(),
                t.measure(), t.value(), t.valueMax(), t.unit(), t.qualifier(), original.substring(t.start(), t.end()),
                t.start(), t.end(), null, foundBy));
    }

    /**
     * The part a text is in before its first heading says: a plan's goals, or what the opening paragraphs
     * of a digest speak of ({@code 王正谱在回顾河北省2024年工作时表示…} → the review; {@code 新的一年有啥新目标}
     * → the outlook); a work report's first part is its review.
     */
    private static TimeFrame.Part leadPart(List<Paragraph> paragraphs, TimeFrame.Part[] parts, NormalizedText norm,
                                           TimeFrame time) {
        for (Paragraph p : paragraphs) {
            if (p.section() != null && parts[p.section()] != null) {
                break;
            }
            TimeFrame.Part lead = time.leadCue(norm.text(), norm.index(p.start()), norm.index(p.end()));
            if (lead != null) {
                return lead;
            }
        }
        return time.isPlan() ? TimeFrame.Part.OUTLOOK : TimeFrame.Part.REVIEW;
    }

    /** The longest label an infographic prints on its own line above a figure: 城镇和农村居民人均可支配收入. */
    static final int MAX_LABEL = 24;

    /** A short line without punctuation or numbers: a label that the figure on the next line belongs to. */
    private static boolean isLabel(String text, int start, int end) {
        if (end - start > MAX_LABEL || end <= start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if ("。,，;；:：!?！？、".indexOf(c) >= 0 || (c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** How the fact's region and period were found. */
    private static Map<String, String> foundBy(String region, TimeFrame.When when) {
        Map<String, String> out = new LinkedHashMap<>();
        if (region != null) {
            out.put("region", region);
        }
        if (when.periodFrom() != null) {
            out.put("period", when.periodFrom());
        }
        return out;
    }

    /** Back from a clause to the start of its sentence: after the last 。！？ of the paragraph before it. */
    private static int fullSentenceStart(String text, int paragraphStart, int clauseStart) {
        for (int i = clauseStart - 1; i >= paragraphStart; i--) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?') {
                return i + 1;
            }
        }
        return paragraphStart;
    }

    /**
     * The part of the document each section opens: its own heading's or, failing that, its nearest
     * ancestor's — the outermost heading that says decides (一、2022年工作回顾 over (三)…目标任务).
     */
    private static TimeFrame.Part[] parts(List<Section> sections, TimeFrame time) {
        TimeFrame.Part[] own = new TimeFrame.Part[sections.size()];
        for (Section s : sections) {
            own[s.index()] = time.classify(s.heading() == null ? null : NormalizedText.normalize(s.heading()));
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

    private static boolean endsWithSemicolon(String text, int start, int end) {
        int i = end - 1;
        while (i >= start && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= start && (text.charAt(i) == '；' || text.charAt(i) == ';');
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
