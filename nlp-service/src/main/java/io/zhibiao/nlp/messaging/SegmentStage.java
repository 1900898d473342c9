package io.zhibiao.nlp.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.nlp.segment.ReportSegmenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Stage "segment": reports.ingested → reports.segmented. A record that fails here is retried by the
 * connector's bounded retry and then goes to reports.segment.dlq with the reason; the partition moves on.
 */
@ApplicationScoped
public class SegmentStage {
    private final ReportSegmenter segmenter = ReportSegmenter.standard();

    @Inject
    Outbox outbox;

    @Inject
    StageRunner runner;

    @Inject
    MeterRegistry metrics;

    @Incoming("reports-ingested")
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<String> message) {
        return runner.consume(message, IngestedReport.class, IngestedReport::documentId, StatusEvent.Stage.SEGMENT, report -> {
            SegmentedReport segmented = segmenter.segment(report);
            outbox.segmented(report.documentId(), segmented);
            outbox.status(StatusEvent.done(report.documentId(), StatusEvent.Stage.SEGMENT,
                    segmented.sections().size() + " sections, " + segmented.paragraphs().size() + " paragraphs, "
                            + segmented.sentences().size() + " sentences"));
            metrics.counter("zhibiao.nlp.segmented").increment();
            metrics.counter("zhibiao.nlp.segmented.chars").increment(report.text().length());
        });
    }
}
