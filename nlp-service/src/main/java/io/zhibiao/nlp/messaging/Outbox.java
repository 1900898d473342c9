package io.zhibiao.nlp.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The stages' outputs; every send waits for Kafka's acknowledgement (acks=all) before the input is committed. */
@ApplicationScoped
public class Outbox {

    @Inject
    @Channel("reports-segmented-out")
    MutinyEmitter<String> segmented;

    @Inject
    @Channel("reports-indicators-out")
    MutinyEmitter<String> indicators;

    @Inject
    @Channel("status-out")
    MutinyEmitter<String> status;

    void segmented(String documentId, Object event) {
        segmented.sendMessageAndAwait(keyed(documentId, Json.write(event)));
    }

    void indicators(String documentId, Object event) {
        indicators.sendMessageAndAwait(keyed(documentId, Json.write(event)));
    }

    void status(StatusEvent event) {
        status.sendMessageAndAwait(keyed(event.documentId(), Json.write(event)));
    }

    private static Message<String> keyed(String key, String json) {
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
