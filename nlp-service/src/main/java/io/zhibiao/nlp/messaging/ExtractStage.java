package io.zhibiao.nlp.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Stage "extract": reports.segmented → reports.indicators (an empty list of facts is an answer too). */
@ApplicationScoped
public class ExtractStage {
    private final IndicatorExtractor extractor = IndicatorExtractor.standard();

    @Inject
    Outbox outbox;

    @Inject
    StageRunner runner;

    @Inject
    MeterRegistry metrics;

    @Incoming("reports-segmented")
    @Blocking(ordered = false)
    public void consume(String json) {
        SegmentedReport report = Json.read(json, SegmentedReport.class);
        runner.run(report.documentId(), StatusEvent.Stage.EXTRACT, () -> {
            List<IndicatorFact> facts = extractor.extract(report).stream()
                    .map(f -> f.paragraph() != null ? f : f.withParagraph(report.paragraphAt(f.start())))
                    .toList();
            outbox.indicators(report.documentId(),
                    new ExtractedIndicators(report.documentId(), report.metadata(), report.supersedes(), facts));
            outbox.status(StatusEvent.done(report.documentId(), StatusEvent.Stage.EXTRACT, facts.size() + " facts"));
            metrics.counter("zhibiao.nlp.extracted").increment();
            metrics.counter("zhibiao.nlp.facts").increment(facts.size());
        });
    }
}
