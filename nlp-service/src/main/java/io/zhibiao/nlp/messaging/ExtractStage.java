package io.zhibiao.nlp.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

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
    public CompletionStage<Void> consume(Message<String> message) {
        return runner.consume(message, SegmentedReport.class, SegmentedReport::documentId, StatusEvent.Stage.EXTRACT, report -> {
            List<IndicatorFact> facts = extractor.extract(report).stream()
                    .map(f -> f.placedIn(report))
                    .toList();
            outbox.indicators(report.documentId(),
                    new ExtractedIndicators(report.documentId(), report.metadata(), report.supersedes(), facts));
            outbox.status(StatusEvent.done(report.documentId(), StatusEvent.Stage.EXTRACT, facts.size() + " facts"));
            metrics.counter("zhibiao.nlp.extracted").increment();
            metrics.counter("zhibiao.nlp.facts").increment(facts.size());
        });
    }
}
