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
        try {
            List<StatusEvent> events = new ArrayList<>(batch.getPayload().size());
            for (String payload : batch.getPayload()) {
                try {
                    events.add(Json.read(payload, StatusEvent.class));
                } catch (RuntimeException e) {
                    // a status event is a report about work, not work: count it, log it and move on
                    LOG.warnf("skipping a malformed status event: %s", e.getMessage());
                    metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "malformed").increment();
                }
            }
            // PostgreSQL away is waited out: the ledger must end up with every stage's word
            record(events);
        } catch (Backoff.Stopped stopping) {
            return new CompletableFuture<>();
        } catch (Throwable unexpected) {
            // nothing may stop the ledger's consumer (the channel's failure strategy is fail): the batch's events
            // are skipped, logged and counted, as a malformed one is
            LOG.errorf(unexpected, "could not record a batch of status events: skipped");
            metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "error").increment();
        }
        return batch.ack();
    }

    private void record(List<StatusEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (recorded(events, events.size() + " status events") || events.size() == 1) {
            return;
        }
        // the batch as a whole failed for a reason of its own: record the events one by one, so that only the
        // event at fault is skipped
        for (StatusEvent event : events) {
            recorded(List.of(event), "the status event " + event);
        }
    }

    /**
     * Records the events, waiting out PostgreSQL away ({@link Backoff.Stopped} when the service stops meanwhile);
     * false, logged and counted, when they fail for a reason of their own.
     */
    private boolean recorded(List<StatusEvent> events, String what) {
        try {
            lifecycle.backoff().run(() -> ledger.recordAll(events),
                    e -> LOG.warnf("ledger not available for %s, retrying: %s", what, e));
            return true;
        } catch (Backoff.Stopped stopping) {
            throw stopping;
        } catch (RuntimeException | Error e) {
            if (events.size() == 1) {
                LOG.errorf(e, "could not record %s: skipped", what);
                metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "error").increment();
            } else {
                LOG.warnf("could not record %s together, recording them one by one: %s", what, e);
            }
            return false;
        }
    }
}
