package io.zhibiao.nlp.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.delivery.Backoff;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a stage's work on one record. The broker being away is waited out (the record stays
 * unacknowledged); a failure that is the document's own is retried {@code zhibiao.stage.attempts}
 * times, then the stage says so on the status topic and the record is nacked: the connector puts it in
 * the stage's dead-letter topic with the reason, and the partition moves on.
 */
@ApplicationScoped
public class StageRunner {
    private static final Logger LOG = Logger.getLogger(StageRunner.class);

    @ConfigProperty(name = "zhibiao.stage.attempts", defaultValue = "3")
    int attempts;

    @ConfigProperty(name = "zhibiao.stage.backoff-ms", defaultValue = "200")
    long backoffMillis;

    @ConfigProperty(name = "zhibiao.retry.max-backoff-ms", defaultValue = "10000")
    long maxBackoffMillis;

    @Inject
    Outbox outbox;

    private volatile boolean stopping;

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    Backoff backoff() {
        return new Backoff(attempts, Duration.ofMillis(backoffMillis), Duration.ofMillis(maxBackoffMillis), () -> stopping);
    }

    /**
     * Reads the record as the stage's input event (a record that is not one goes to the dead-letter
     * topic with the reason) and runs the work on it.
     */
    <T> CompletionStage<Void> consume(Message<String> message, Class<T> type, Function<T, String> documentId,
                                      StatusEvent.Stage stage, Consumer<T> work) {
        try {
            T event;
            try {
                event = Json.read(message.getPayload(), type);
            } catch (Json.MalformedEventException malformed) {
                return deadLetter(message, malformed, stage, "malformed-event");
            }
            return run(message, documentId.apply(event), stage, () -> work.accept(event));
        } catch (Throwable unexpected) {
            // nothing may stop the consumer: the record goes to the stage's dead-letter topic with the reason
            LOG.errorf(unexpected, "%s: could not handle a record", stage.id());
            return deadLetter(message, unexpected, stage, "internal-error");
        }
    }

    CompletionStage<Void> run(Message<?> message, String documentId, StatusEvent.Stage stage, Runnable work) {
        try {
            backoff().run(work, e -> LOG.warnf("%s of %s failed, retrying: %s", stage.id(), documentId, e));
            return message.ack();
        } catch (Backoff.Stopped stopping) {
            LOG.infof("stopping: %s of %s stays unacknowledged and is delivered again after the restart", stage.id(), documentId);
            return new CompletableFuture<>();
        } catch (RuntimeException | Error e) {
            // a failure of the document's own (an Error too, such as a stack overflow on a pathological text):
            // said on the status topic, then the record is dead-lettered
            try {
                backoff().run(() -> outbox.status(StatusEvent.failed(documentId, stage, String.valueOf(e))),
                        retry -> LOG.warnf("status of %s not sent yet: %s", documentId, retry));
            } catch (Backoff.Stopped stopping) {
                return new CompletableFuture<>();
            }
            return deadLetter(message, e, stage, "stage-failed");
        }
    }

    /**
     * Nacks the record: the connector's dead-letter strategy writes it to the stage's dead-letter topic, its key
     * and value untouched, with the reason (the connector's headers) and our reason code and stage.
     */
    static CompletionStage<Void> deadLetter(Message<?> message, Throwable reason, StatusEvent.Stage stage, String code) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON_CODE, code.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.STAGE, stage.id().getBytes(StandardCharsets.UTF_8));
        return message.nack(reason, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
    }
}
