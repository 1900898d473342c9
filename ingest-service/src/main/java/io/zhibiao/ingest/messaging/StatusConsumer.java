package io.zhibiao.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.delivery.Backoff;
import io.zhibiao.ingest.Lifecycle;
import io.zhibiao.ingest.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Records every stage's status events in the ledger, a poll's worth at a time (one transaction for the
 * batch), and acknowledges the batch once the ledger has it. A record that is not a status event, or whose
 * event the ledger cannot take, goes to reports.status.dlq with the reason (its key and value untouched);
 * nothing thrown here stops the consumer.
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

    @Inject
    @Channel("status-dlq")
    MutinyEmitter<String> deadLetters;

    /** A record of the batch: its key and value, and where it was read (null off Kafka). */
    record Received(String key, String value, String topic, Integer partition, Long offset) {
    }

    /** A status event and the record it came from. */
    record ReceivedEvent(StatusEvent event, Received from) {
    }

    @Incoming("status-in")
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        List<Received> received = received(batch);
        try {
            List<ReceivedEvent> events = new ArrayList<>(received.size());
            for (Received r : received) {
                try {
                    events.add(new ReceivedEvent(Json.read(r.value(), StatusEvent.class), r));
                } catch (RuntimeException e) {
                    LOG.warnf("a record that is not a status event: dead-lettered: %s", e.getMessage());
                    deadLetter(r, "malformed-event", String.valueOf(e.getMessage()));
                }
            }
            // PostgreSQL away is waited out: the ledger must end up with every stage's word
            record(events);
        } catch (Backoff.Stopped stopping) {
            return new CompletableFuture<>();
        } catch (Throwable unexpected) {
            // nothing may stop the ledger's consumer (the channel's failure strategy is fail): the batch's records
            // go to the dead-letter topic with the reason
            LOG.errorf(unexpected, "could not record a batch of status events: dead-lettered");
            try {
                for (Received r : received) {
                    deadLetter(r, "internal-error", String.valueOf(unexpected));
                }
            } catch (Backoff.Stopped stopping) {
                return new CompletableFuture<>();
            } catch (Throwable alsoUnexpected) {
                LOG.errorf(alsoUnexpected, "could not dead-letter a batch of %d status events: skipped", received.size());
                metrics.counter("zhibiao.ledger.status_events_skipped", "reason", "error").increment(received.size());
            }
        }
        return batch.ack();
    }

    /** The batch's records with their keys (from the Kafka metadata; off Kafka, the payloads without keys). */
    @SuppressWarnings("unchecked")
    static List<Received> received(Message<List<String>> batch) {
        Optional<IncomingKafkaRecordBatchMetadata> kafka = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class);
        List<Received> out = new ArrayList<>();
        if (kafka.isPresent() && kafka.get().getRecords() != null) {
            for (Object o : kafka.get().getRecords()) {
                ConsumerRecord<Object, Object> r = (ConsumerRecord<Object, Object>) o;
                out.add(new Received(r.key() == null ? null : String.valueOf(r.key()),
                        r.value() == null ? null : String.valueOf(r.value()), r.topic(), r.partition(), r.offset()));
            }
            return out;
        }
        for (String payload : batch.getPayload()) {
            out.add(new Received(null, payload, null, null, null));
        }
        return out;
    }

    private void deadLetter(Received r, String code, String reason) {
        RecordHeaders headers = new RecordHeaders();
        if (r.topic() != null) {
            headers.add(DeadLetters.TOPIC, utf8(r.topic()));
            headers.add(DeadLetters.PARTITION, utf8(String.valueOf(r.partition())));
            headers.add(DeadLetters.OFFSET, utf8(String.valueOf(r.offset())));
        }
        headers.add(DeadLetters.REASON, utf8(reason));
        headers.add(DeadLetters.REASON_CODE, utf8(code));
        headers.add(DeadLetters.STAGE, utf8("ledger"));
        lifecycle.backoff().run(() -> deadLetters.sendMessageAndAwait(Message.of(r.value() == null ? "" : r.value())
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key()).withHeaders(headers).build())),
                e -> LOG.warnf("dead letter not sent yet: %s", e));
        metrics.counter("zhibiao.ledger.dead_letters", "reason", code).increment();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void record(List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (recorded(events, events.size() + " status events") || events.size() == 1) {
            return;
        }
        // the batch as a whole failed for a reason of its own: record the events one by one, so that only the
        // event at fault is dead-lettered
        for (ReceivedEvent event : events) {
            recorded(List.of(event), "the status event " + event.event());
        }
    }

    /**
     * Records the events, waiting out PostgreSQL away ({@link Backoff.Stopped} when the service stops meanwhile);
     * false when they fail for a reason of their own: then a single event goes to the dead-letter topic.
     */
    private boolean recorded(List<ReceivedEvent> events, String what) {
        try {
            List<StatusEvent> plain = events.stream().map(ReceivedEvent::event).toList();
            lifecycle.backoff().run(() -> ledger.recordAll(plain),
                    e -> LOG.warnf("ledger not available for %s, retrying: %s", what, e));
            return true;
        } catch (Backoff.Stopped stopping) {
            throw stopping;
        } catch (RuntimeException | Error e) {
            if (events.size() == 1) {
                LOG.errorf(e, "could not record %s: dead-lettered", what);
                deadLetter(events.get(0).from(), "internal-error", String.valueOf(e));
            } else {
                LOG.warnf("could not record %s together, recording them one by one: %s", what, e);
            }
            return false;
        }
    }
}
