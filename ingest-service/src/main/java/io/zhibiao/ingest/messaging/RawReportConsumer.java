package io.zhibiao.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.delivery.Backoff;
import io.zhibiao.ingest.IngestionService;
import io.zhibiao.ingest.Lifecycle;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.RawReportReader;
import io.zhibiao.ingest.domain.RejectedInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes the public input topic. A record is acknowledged (its offset committed) only after its
 * documents are in the ledger and Kafka has the ingested events, or after it is in the dead-letter
 * topic with the reason. Failures that are not the input's fault (database or broker away) are
 * thrown, so the record is retried and, in the end, dead-lettered by the connector with the cause.
 */
@ApplicationScoped
public class RawReportConsumer {
    private static final Logger LOG = Logger.getLogger(RawReportConsumer.class);

    private final RawReportReader reader = RawReportReader.standard();

    @Inject
    IngestionService ingestion;

    @Inject
    Lifecycle lifecycle;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Channel("reports-raw-dlq")
    MutinyEmitter<byte[]> deadLetters;

    @Incoming("reports-raw")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        try {
            return ingest(message);
        } catch (Throwable unexpected) {
            // nothing may stop the consumer: a record that makes anything throw goes to the dead-letter topic
            // with the reason (the connector's failure strategy), and the partition moves on
            LOG.errorf(unexpected, "could not ingest %s", where(message.getMetadata(IncomingKafkaRecordMetadata.class)));
            return message.nack(unexpected);
        }
    }

    private CompletionStage<Void> ingest(Message<byte[]> message) {
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        byte[] value = bytes(((Message<?>) message).getPayload());
        List<IngestedDocument> documents;
        try {
            documents = ingestion.prepare(reader.readAll(value, headers(kafka)));
        } catch (RejectedInputException rejected) {
            LOG.warnf("rejected %s: %s", where(kafka), rejected.reason());
            lifecycle.backoff().run(() -> deadLetter(value, kafka, rejected), e -> LOG.warnf("dead letter not sent yet: %s", e));
            return message.ack();
        } catch (RuntimeException bug) {
            LOG.errorf(bug, "could not read %s", where(kafka));
            return message.nack(bug);
        }
        try {
            // PostgreSQL or Kafka away is waited out; the record stays unacknowledged meanwhile
            for (IngestedDocument doc : documents) {
                lifecycle.backoff().run(() -> ingestion.record(doc),
                        e -> LOG.warnf("ledger or broker not available for %s, retrying: %s", doc.documentId(), e));
            }
        } catch (Backoff.Stopped stopping) {
            LOG.infof("stopping: %s stays unacknowledged and is delivered again after the restart", where(kafka));
            return new CompletableFuture<>();
        } catch (RuntimeException e) {
            // not the input's fault and not transient (a bug): the connector dead-letters it with the cause
            LOG.errorf(e, "could not ingest %s", where(kafka));
            return message.nack(e);
        }
        metrics.counter("zhibiao.ingest.documents", "source", "kafka").increment(documents.size());
        return message.ack();
    }

    private void deadLetter(byte[] value, Optional<IncomingKafkaRecordMetadata> kafka, RejectedInputException rejected) {
        RecordHeaders headers = new RecordHeaders();
        kafka.ifPresent(k -> {
            for (Header h : k.getHeaders()) {
                headers.add(h);
            }
            headers.add(DeadLetters.TOPIC, utf8(k.getTopic()));
            headers.add(DeadLetters.PARTITION, utf8(String.valueOf(k.getPartition())));
            headers.add(DeadLetters.OFFSET, utf8(String.valueOf(k.getOffset())));
        });
        headers.add(DeadLetters.REASON, utf8(rejected.reason()));
        headers.add(DeadLetters.REASON_CODE, utf8(rejected.code()));
        headers.add(DeadLetters.STAGE, utf8("ingest"));
        String key = kafka.map(k -> k.getKey() == null ? null : String.valueOf(k.getKey())).orElse(null);
        deadLetters.sendMessageAndAwait(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build()));
        metrics.counter("zhibiao.ingest.dead_letters", "reason", rejected.code()).increment();
    }

    /**
     * The record's value as bytes. The channel's deserializer gives bytes; any other payload (a connector that
     * decoded the value itself, as its CloudEvents support does with a JSON object) is taken as its JSON text.
     */
    static byte[] bytes(Object payload) {
        if (payload == null) {
            return new byte[0];
        }
        if (payload instanceof byte[] b) {
            return b;
        }
        return String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> headers(Optional<IncomingKafkaRecordMetadata> kafka) {
        Map<String, String> map = new HashMap<>();
        kafka.ifPresent(k -> {
            for (Header h : k.getHeaders()) {
                if (h.value() != null) {
                    map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                }
            }
        });
        return map;
    }

    private static String where(Optional<IncomingKafkaRecordMetadata> kafka) {
        return kafka.map(k -> k.getTopic() + "-" + k.getPartition() + "@" + k.getOffset() + " (key " + k.getKey() + ")")
                .orElse("a record");
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
