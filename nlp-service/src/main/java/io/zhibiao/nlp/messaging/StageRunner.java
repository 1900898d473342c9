package io.zhibiao.nlp.messaging;

import io.zhibiao.contracts.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a stage's work on one document a bounded number of times. When every attempt fails, the stage
 * says so on the status topic and rethrows: the connector then puts the record in the stage's
 * dead-letter topic with the reason, and the partition moves on.
 */
@ApplicationScoped
public class StageRunner {
    private static final Logger LOG = Logger.getLogger(StageRunner.class);

    @ConfigProperty(name = "zhibiao.stage.attempts", defaultValue = "3")
    int attempts;

    @ConfigProperty(name = "zhibiao.stage.backoff-ms", defaultValue = "200")
    long backoffMillis;

    @Inject
    Outbox outbox;

    void run(String documentId, StatusEvent.Stage stage, Runnable work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= Math.max(1, attempts); attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("%s of %s failed (attempt %d of %d): %s", stage.id(), documentId, attempt, attempts, e);
                sleep(backoffMillis * attempt * attempt);
            }
        }
        outbox.status(StatusEvent.failed(documentId, stage, String.valueOf(last)));
        throw last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
