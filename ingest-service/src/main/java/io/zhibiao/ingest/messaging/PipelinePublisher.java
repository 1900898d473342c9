package io.zhibiao.ingest.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes ingested reports and status events, and waits until Kafka has them (acks=all). */
@ApplicationScoped
public class PipelinePublisher {

    @Inject
    @Channel("reports-ingested")
    MutinyEmitter<String> ingested;

    @Inject
    @Channel("status-out")
    MutinyEmitter<String> status;

    public void publish(IngestedReport report) {
        ingested.sendMessageAndAwait(keyed(report.documentId(), Json.write(report)));
    }

    public void publish(StatusEvent event) {
        status.sendMessageAndAwait(keyed(event.documentId(), Json.write(event)));
    }

    static Message<String> keyed(String key, String json) {
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
