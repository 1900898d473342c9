package io.zhibiao.index.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.contracts.delivery.Backoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.zhibiao.index.elastic.Indexer;
import io.zhibiao.index.elastic.IndexService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Consumes segmented reports and extracted indicators in batches and bulk-indexes them. A batch is
 * acknowledged, and its offsets committed, only after Elasticsearch acknowledged every write and the
 * status events are in Kafka; a record Elasticsearch refuses for good goes to reports.index.dlq with
 * the reason.
 */
@ApplicationScoped
public class IndexingConsumers {
    private static final Logger LOG = Logger.getLogger(IndexingConsumers.class);
    /** Status events sent at once before their acknowledgements are awaited. */
    static final int STATUS_GROUP = 64;

    @Inject
    IndexService index;

    @ConfigProperty(name = "zhibiao.retry.attempts", defaultValue = "5")
    int attempts;

    @ConfigProperty(name = "zhibiao.retry.max-backoff-ms", defaultValue = "10000")
    long maxBackoffMillis;


    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel("status-out")
    MutinyEmitter<String> status;

    @Inject
    @Channel("index-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("reports-segmented")
    @Blocking
    public CompletionStage<Void> text(Message<List<String>> batch) {
        return acknowledged(batch, SegmentedReport.class, SegmentedReport::documentId, reports -> {
            List<Indexer.Outcome> outcomes = index.indexer().indexText(reports);
            report(outcomes, reports, SegmentedReport::documentId, StatusEvent.Stage.INDEX_TEXT, "passages and report");
            metrics.counter("zhibiao.index.reports").increment(reports.size());
        });
    }

    @Incoming("reports-indicators")
    @Blocking
    public CompletionStage<Void> facts(Message<List<String>> batch) {
        return acknowledged(batch, ExtractedIndicators.class, ExtractedIndicators::documentId, events -> {
            List<Indexer.Outcome> outcomes = index.indexer().indexFacts(events);
            report(outcomes, events, ExtractedIndicators::documentId, StatusEvent.Stage.INDEX_FACTS, "facts");
            metrics.counter("zhibiao.index.fact_events").increment(events.size());
        });
    }

    /**
     * Reads the batch's events (a record that is not one goes to reports.index.dlq with the reason) and
     * acknowledges the batch once the work on them is done. Elasticsearch or Kafka away is waited out (in the
     * bulk writer, around every send, and around the whole batch); when the service stops meanwhile, the
     * batch stays unacknowledged and is delivered again after the restart (every write is idempotent).
     * A failure that is not transient is retried {@code zhibiao.retry.attempts} times; then the events are
     * indexed one by one, so that only an event that fails alone goes to reports.index.dlq, with the
     * reason, and the batch is acknowledged. Nothing thrown here stops the consumer.
     */
    private <T> CompletionStage<Void> acknowledged(Message<List<String>> batch, Class<T> type, Function<T, String> id,
                                                   Consumer<List<T>> work) {
        try {
            List<Received> records = received(batch);
            List<T> events = new ArrayList<>(records.size());
            List<Received> sources = new ArrayList<>(records.size());
            for (Received r : records) {
                T event = parse(r, type, id);
                if (event != null) {
                    events.add(event);
                    sources.add(r);
                }
            }
            if (events.isEmpty()) {
                return batch.ack();
            }
            try {
                // not only the bulk writes: reading which facts a document has, and the status events, need
                // Elasticsearch and Kafka too; their absence is waited out, not dead-lettered (every step is idempotent)
                backoff().run(() -> work.accept(events), e -> LOG.warnf("indexing a batch of %d events failed, retrying: %s",
                        events.size(), e));
                return batch.ack();
            } catch (Backoff.Stopped stopping) {
                throw stopping;
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "could not index a batch of %d events together; indexing them one by one", events.size());
            }
            for (int i = 0; i < events.size(); i++) {
                List<T> one = List.of(events.get(i));
                try {
                    backoff().run(() -> work.accept(one), e -> LOG.warnf("indexing an event failed, retrying: %s", e));
                } catch (Backoff.Stopped stopping) {
                    throw stopping;
                } catch (RuntimeException | Error e) {
                    LOG.errorf(e, "could not index %s: dead-lettered", id.apply(events.get(i)));
                    deadLetter(sources.get(i), "internal-error", String.valueOf(e));
                }
            }
            return batch.ack();
        } catch (Backoff.Stopped stopping) {
            LOG.infof("stopping: a batch of %d records stays unacknowledged", batch.getPayload().size());
            return new CompletableFuture<>();
        } catch (Throwable unexpected) {
            // the dead-letter topic itself refused: the connector's failure strategy dead-letters the batch
            LOG.errorf(unexpected, "could not handle a batch");
            return batch.nack(unexpected);
        }
    }

    /** A record of the batch: its key and value, and where it was read (null off Kafka). */
    record Received(String key, String value, String topic, Integer partition, Long offset) {
    }

    /** The batch's records with their keys (from the Kafka metadata; off Kafka, the payloads without keys). */
    @SuppressWarnings("unchecked")
    static List<Received> received(Message<List<String>> batch) {
        var kafka = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class);
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

    /** The event in the record, or null when it is not one (then the record is dead-lettered with the reason). */
    private <T> T parse(Received r, Class<T> type, Function<T, String> id) {
        String json = r.value();
        try {
            T event = Json.read(json, type);
            if (id.apply(event) == null) {
                throw new Json.MalformedEventException("the event has no documentId", null);
            }
            return event;
        } catch (RuntimeException e) {
            // not the event of this topic (or no event at all: a record without a value)
            deadLetter(r, "malformed-event", String.valueOf(e.getMessage()));
            return null;
        }
    }

    private <T> void report(List<Indexer.Outcome> outcomes, List<T> events, Function<T, String> id,
                            StatusEvent.Stage stage, String what) {
        List<StatusEvent> said = new ArrayList<>(outcomes.size());
        for (Indexer.Outcome o : outcomes) {
            if (o.refused()) {
                LOG.warnf("Elasticsearch refused %s of %s: %s", what, o.documentId(), o.refusal());
                for (int i = 0; i < events.size(); i++) {
                    if (o.documentId().equals(id.apply(events.get(i)))) {
                        deadLetter(new Received(o.documentId(), Json.write(events.get(i)), null, null, null),
                                "refused-by-elasticsearch", o.refusal());
                        break;
                    }
                }
                said.add(StatusEvent.failed(o.documentId(), stage, o.refusal()));
            } else {
                said.add(StatusEvent.done(o.documentId(), stage, o.written() + " " + what + " written"));
            }
        }
        send(said);
    }

    /**
     * Sends the batch's status events together and waits until Kafka has acknowledged all of them (one
     * round trip for the batch instead of one per event); sent again as a whole while Kafka is away
     * (the ledger records each document, stage and state once).
     */
    private void send(List<StatusEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        backoff().run(() -> {
            // in groups, well within the emitter's buffer
            for (int from = 0; from < events.size(); from += STATUS_GROUP) {
                List<Uni<Void>> sent = new ArrayList<>();
                for (StatusEvent event : events.subList(from, Math.min(events.size(), from + STATUS_GROUP))) {
                    sent.add(status.sendMessage(Message.of(Json.write(event)).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(event.documentId()).build())));
                }
                Uni.join().all(sent).andFailFast().await().indefinitely();
            }
        }, e -> LOG.warnf("status of %d documents not sent yet: %s", events.size(), e));
    }

    private Backoff backoff() {
        return new Backoff(attempts, Duration.ofMillis(100), Duration.ofMillis(maxBackoffMillis), index::stopping);
    }

    /** The record to reports.index.dlq, its key and value untouched, with the reason and where it was read. */
    private void deadLetter(Received r, String code, String reason) {
        String key = r.key();
        String payload = r.value();
        RecordHeaders headers = new RecordHeaders();
        if (r.topic() != null) {
            headers.add(DeadLetters.TOPIC, bytes(r.topic()));
            headers.add(DeadLetters.PARTITION, bytes(String.valueOf(r.partition())));
            headers.add(DeadLetters.OFFSET, bytes(String.valueOf(r.offset())));
        }
        headers.add(DeadLetters.REASON, bytes(reason));
        headers.add(DeadLetters.REASON_CODE, bytes(code));
        headers.add(DeadLetters.STAGE, bytes("index"));
        backoff().run(() -> deadLetters.sendMessageAndAwait(Message.of(payload == null ? "" : payload).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())),
                e -> LOG.warnf("dead letter not sent yet: %s", e));
        metrics.counter("zhibiao.index.dead_letters", "reason", code).increment();
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
