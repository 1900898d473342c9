package io.zhibiao.cli.load;

import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import io.zhibiao.nlp.segment.ReportSegmenter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline in-process, by the services' own classes: {@link ReportIngestor} (ingest-service),
 * {@link ReportSegmenter} and {@link IndicatorExtractor} (nlp-service), with the events passing through
 * JSON as they do on the topics. Thread-safe.
 */
public final class ExpectedPipeline {
    private final ReportIngestor ingestor = ReportIngestor.standard();
    private final ReportSegmenter segmenter = ReportSegmenter.standard();
    private final IndicatorExtractor extractor = IndicatorExtractor.standard();

    /** The documents ingestion makes of the input (rejected input throws RejectedInputException). */
    public List<IngestedDocument> ingest(RawReport raw) {
        return ingestor.ingest(raw);
    }

    /** What index-service must hold for each document of the input. */
    public List<Expected> expect(RawReport raw) {
        List<Expected> out = new ArrayList<>();
        for (IngestedDocument doc : ingest(raw)) {
            out.add(expect(doc));
        }
        return out;
    }

    public Expected expect(IngestedDocument doc) {
        IngestedReport ingested = roundTrip(new IngestedReport(doc.documentId(), doc.metadata(), doc.text(), List.of(),
                Instant.EPOCH), IngestedReport.class);
        SegmentedReport segmented = roundTrip(segmenter.segment(ingested), SegmentedReport.class);
        List<String> passages = new ArrayList<>(segmented.paragraphs().size());
        for (SegmentedReport.Paragraph p : segmented.paragraphs()) {
            passages.add(Expected.passageId(doc.documentId(), p.index()));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        int ordinal = 0;
        for (IndicatorFact f : extractor.extract(segmented)) {
            facts.put(Expected.factId(doc.documentId(), ordinal++), Expected.factSignature(f.indicator(), f.kind(),
                    f.period(), f.measure(), f.value(), f.start(), f.end()));
        }
        var m = doc.metadata();
        return new Expected(doc.documentId(), m.regionName(), m.region() == null ? null : m.region().code(), m.year(),
                m.docType(), passages, facts);
    }

    /** The events the pipeline makes of one document: what the segment and extract stages publish. */
    public record Events(SegmentedReport segmented, ExtractedIndicators indicators) {
    }

    /**
     * The segment stage's and the extract stage's events for a document, as nlp-service makes them
     * (io.zhibiao.nlp.messaging.SegmentStage, ExtractStage): what index-service turns into documents.
     */
    public Events events(IngestedDocument doc) {
        IngestedReport ingested = new IngestedReport(doc.documentId(), doc.metadata(), doc.text(), List.of(), Instant.EPOCH);
        SegmentedReport segmented = segmenter.segment(ingested);
        List<IndicatorFact> facts = extractor.extract(segmented).stream()
                .map(f -> f.placedIn(segmented))
                .toList();
        return new Events(segmented, new ExtractedIndicators(segmented.documentId(), segmented.metadata(),
                segmented.supersedes(), facts));
    }

    private static <T> T roundTrip(Object event, Class<T> type) {
        return Json.read(Json.write(event), type);
    }
}
