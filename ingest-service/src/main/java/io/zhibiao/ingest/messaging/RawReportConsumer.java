package io.zhibiao.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.IngestionService;
import io.zhibiao.ingest.domain.RawReportReader;
import io.zhibiao.ingest.domain.RejectedInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

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
    MeterRegistry metrics;

    @Inject
    @Channel("reports-raw-dlq")
    MutinyEmitter<byte[]> deadLetters;

    @Incoming("reports-raw")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        try {
            RawReport raw = reader.read(record.value() == null ? new byte[0] : record.value(), headers(record));
            var receipts = ingestion.ingest(raw);
            metrics.counter("zhibiao.ingest.documents", "source", "kafka").increment(receipts.size());
        } catch (RejectedInputException rejected) {
            LOG.warnf("rejected %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                    record.key(), rejected.reason());
            deadLetter(record, rejected);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RejectedInputException rejected) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        headers.add(DeadLetters.REASON, utf8(rejected.reason()));
        headers.add(DeadLetters.REASON_CODE, utf8(rejected.code()));
        headers.add(DeadLetters.STAGE, utf8("ingest"));
        headers.add(DeadLetters.TOPIC, utf8(record.topic()));
        headers.add(DeadLetters.PARTITION, utf8(String.valueOf(record.partition())));
        headers.add(DeadLetters.OFFSET, utf8(String.valueOf(record.offset())));
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        deadLetters.sendMessageAndAwait(Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build()));
        metrics.counter("zhibiao.ingest.dead_letters", "reason", rejected.code()).increment();
    }

    static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> map = new HashMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
