package io.zhibiao.ingest.messaging;

import io.smallrye.common.annotation.Blocking;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.delivery.Backoff;
import io.zhibiao.ingest.Lifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import io.zhibiao.ingest.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records every stage's status events in the ledger. */
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
    public CompletionStage<Void> consume(Message<String> message) {
        StatusEvent event;
        try {
            event = Json.read(message.getPayload(), StatusEvent.class);
        } catch (Json.MalformedEventException e) {
            // a status event is a report about work, not work: count it, log it and move on
            LOG.warnf("skipping a malformed status event: %s", e.getMessage());
            metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "malformed").increment();
            return message.ack();
        }
        try {
            // PostgreSQL away is waited out: the ledger must end up with every stage's word
            lifecycle.backoff().run(() -> ledger.record(event),
                    e -> LOG.warnf("ledger not available for a status event of %s, retrying: %s", event.documentId(), e));
        } catch (Backoff.Stopped stopping) {
            return new CompletableFuture<>();
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record the status event %s", event);
            metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "error").increment();
        }
        return message.ack();
    }
}
