package io.zhibiao.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.delivery.Backoff;
import io.zhibiao.ingest.Lifecycle;
import io.zhibiao.ingest.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Records every stage's status events in the ledger, a poll's worth at a time (one transaction for the
 * batch), and acknowledges the batch once the ledger has it.
 */
@ApplicationScoped
public class StatusConsumer {
    private static final Logger LOG = Logger.getLogger(StatusConsumer.class);

    @Inject
    Ledger ledger;

    @Inject
    Lifecycle lifecycle;

    @Inject
    MeterRegistry metrics;

    @Incoming("status-in")
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        List<StatusEvent> events = new ArrayList<>(batch.getPayload().size());
        for (String payload : batch.getPayload()) {
            try {
                events.add(Json.read(payload, StatusEvent.class));
            } catch (Json.MalformedEventException e) {
                // a status event is a report about work, not work: count it, log it and move on
                LOG.warnf("skipping a malformed status event: %s", e.getMessage());
                metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "malformed").increment();
            }
        }
        try {
            // PostgreSQL away is waited out: the ledger must end up with every stage's word
            record(events);
        } catch (Backoff.Stopped stopping) {
            return new CompletableFuture<>();
        }
        return batch.ack();
    }

    private void record(List<StatusEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            lifecycle.backoff().run(() -> ledger.recordAll(events),
                    e -> LOG.warnf("ledger not available for %d status events, retrying: %s", events.size(), e));
        } catch (Backoff.Stopped stopping) {
            throw stopping;
        } catch (RuntimeException batchFailed) {
            LOG.warnf("recording %d status events together failed, recording them one by one: %s", events.size(), batchFailed);
            // the batch as a whole failed for a reason of its own: record the events one by one, so that
            // only the event at fault is skipped
            for (StatusEvent event : events) {
                try {
                    lifecycle.backoff().run(() -> ledger.record(event),
                            e -> LOG.warnf("ledger not available for a status event of %s, retrying: %s", event.documentId(), e));
                } catch (Backoff.Stopped stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "could not record the status event %s", event);
                    metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "error").increment();
                }
            }
        }
    }
}
