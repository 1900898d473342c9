package io.zhibiao.index.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.StatusEvent;
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
import java.util.ArrayList;
import java.util.List;
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

    @Inject
    IndexService index;

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
    public void text(List<String> batch) {
        List<SegmentedReport> reports = parse(batch, SegmentedReport.class, SegmentedReport::documentId);
        if (reports.isEmpty()) {
            return;
        }
        List<Indexer.Outcome> outcomes = index.indexer().indexText(reports);
        report(outcomes, batch, reports, SegmentedReport::documentId, StatusEvent.Stage.INDEX_TEXT, "passages and report");
        metrics.counter("zhibiao.index.reports").increment(reports.size());
    }

    @Incoming("reports-indicators")
    @Blocking
    public void facts(List<String> batch) {
        List<ExtractedIndicators> events = parse(batch, ExtractedIndicators.class, ExtractedIndicators::documentId);
        if (events.isEmpty()) {
            return;
        }
        List<Indexer.Outcome> outcomes = index.indexer().indexFacts(events);
        report(outcomes, batch, events, ExtractedIndicators::documentId, StatusEvent.Stage.INDEX_FACTS, "facts");
        metrics.counter("zhibiao.index.fact_events").increment(events.size());
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

    private <T> void report(List<Indexer.Outcome> outcomes, List<String> batch, List<T> events, Function<T, String> id,
                            StatusEvent.Stage stage, String what) {
        for (Indexer.Outcome o : outcomes) {
            if (o.refused()) {
                LOG.warnf("Elasticsearch refused %s of %s: %s", what, o.documentId(), o.refusal());
                for (int i = 0; i < events.size(); i++) {
                    if (o.documentId().equals(id.apply(events.get(i)))) {
                        deadLetter(o.documentId(), Json.write(events.get(i)), "refused-by-elasticsearch", o.refusal());
                        break;
                    }
                }
                send(StatusEvent.failed(o.documentId(), stage, o.refusal()));
            } else {
                send(StatusEvent.done(o.documentId(), stage, o.written() + " " + what + " written"));
            }
        }
    }

    private void send(StatusEvent event) {
        status.sendMessageAndAwait(Message.of(Json.write(event)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.documentId()).build()));
    }

    private void deadLetter(String key, String payload, String code, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, bytes(reason));
        headers.add(DeadLetters.REASON_CODE, bytes(code));
        headers.add(DeadLetters.STAGE, bytes("index"));
        deadLetters.sendMessageAndAwait(Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build()));
        metrics.counter("zhibiao.index.dead_letters", "reason", code).increment();
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
