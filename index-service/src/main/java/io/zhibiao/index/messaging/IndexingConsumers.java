package io.zhibiao.index.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
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
        return acknowledged(batch, () -> {
            List<SegmentedReport> reports = parse(batch.getPayload(), SegmentedReport.class, SegmentedReport::documentId);
            if (!reports.isEmpty()) {
                List<Indexer.Outcome> outcomes = index.indexer().indexText(reports);
                report(outcomes, reports, SegmentedReport::documentId, StatusEvent.Stage.INDEX_TEXT, "passages and report");
                metrics.counter("zhibiao.index.reports").increment(reports.size());
            }
        });
    }

    @Incoming("reports-indicators")
    @Blocking
    public CompletionStage<Void> facts(Message<List<String>> batch) {
        return acknowledged(batch, () -> {
            List<ExtractedIndicators> events = parse(batch.getPayload(), ExtractedIndicators.class, ExtractedIndicators::documentId);
            if (!events.isEmpty()) {
                List<Indexer.Outcome> outcomes = index.indexer().indexFacts(events);
                report(outcomes, events, ExtractedIndicators::documentId, StatusEvent.Stage.INDEX_FACTS, "facts");
                metrics.counter("zhibiao.index.fact_events").increment(events.size());
            }
        });
    }

    /**
     * Acknowledges the batch once the work is done. Elasticsearch or Kafka away is waited out (in the
     * bulk writer, around every send, and around the whole batch); when the service stops meanwhile, the
     * batch stays unacknowledged and is delivered again after the restart (every write is idempotent).
     * A failure that is not transient is retried {@code zhibiao.retry.attempts} times, then the batch is
     * nacked and its records go to reports.index.dlq.
     */
    private CompletionStage<Void> acknowledged(Message<List<String>> batch, Runnable work) {
        try {
            // not only the bulk writes: reading which facts a document has, and the status events, need
            // Elasticsearch and Kafka too; their absence is waited out, not dead-lettered (every step is idempotent)
            backoff().run(work, e -> LOG.warnf("indexing a batch of %d records failed, retrying: %s",
                    batch.getPayload().size(), e));
            return batch.ack();
        } catch (Backoff.Stopped stopping) {
            LOG.infof("stopping: a batch of %d records stays unacknowledged", batch.getPayload().size());
            return new CompletableFuture<>();
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not index a batch of %d records", batch.getPayload().size());
            return batch.nack(e);
        }
    }

    private <T> List<T> parse(List<String> batch, Class<T> type, Function<T, String> id) {
        List<T> out = new ArrayList<>(batch.size());
        for (String json : batch) {
            try {
                T event = Json.read(json, type);
                if (id.apply(event) == null) {
                    throw new Json.MalformedEventException("the event has no documentId", null);
                }
                out.add(event);
            } catch (Json.MalformedEventException e) {
                deadLetter(null, json, "malformed-event", e.getMessage());
            }
        }
        return out;
    }

    private <T> void report(List<Indexer.Outcome> outcomes, List<T> events, Function<T, String> id,
                            StatusEvent.Stage stage, String what) {
        List<StatusEvent> said = new ArrayList<>(outcomes.size());
        for (Indexer.Outcome o : outcomes) {
            if (o.refused()) {
                LOG.warnf("Elasticsearch refused %s of %s: %s", what, o.documentId(), o.refusal());
                for (int i = 0; i < events.size(); i++) {
                    if (o.documentId().equals(id.apply(events.get(i)))) {
                        deadLetter(o.documentId(), Json.write(events.get(i)), "refused-by-elasticsearch", o.refusal());
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

    private void deadLetter(String key, String payload, String code, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, bytes(reason));
        headers.add(DeadLetters.REASON_CODE, bytes(code));
        headers.add(DeadLetters.STAGE, bytes("index"));
        backoff().run(() -> deadLetters.sendMessageAndAwait(Message.of(payload).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())),
                e -> LOG.warnf("dead letter not sent yet: %s", e));
        metrics.counter("zhibiao.index.dead_letters", "reason", code).increment();
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
