package io.zhibiao.ingest.messaging;

import io.smallrye.common.annotation.Blocking;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.StatusEvent;
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

    @Incoming("status-in")
    @Blocking
    public void consume(String json) {
        StatusEvent event;
        try {
            event = Json.read(json, StatusEvent.class);
        } catch (Json.MalformedEventException e) {
            // a status event is a report about work, not work: log it and move on
            LOG.warnf("skipping a malformed status event: %s", e.getMessage());
            return;
        }
        ledger.record(event);
    }
}
