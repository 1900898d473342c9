package io.zhibiao.cli.contract;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scraper written in Java with the official CloudEvents Java SDK ({@code io.cloudevents:cloudevents-kafka} and
 * {@code cloudevents-json-jackson} 3.0.0) and the Kafka client: what docs/INPUT.md prints between the markers
 * ({@code InputDocTest} keeps them the same), run by {@code CloudEventsJavaSdkIT} against the real stack.
 */
public final class JavaScraper {

    private JavaScraper() {
    }

    // input-doc:java:begin
    /** Publishes each report (a RawReport as JSON: sourceUrl, contentType, content, ...) as a CloudEvent. */
    public static void publish(String bootstrap, String mode, String sourceUrl, List<String> reportsJson) throws Exception {
        List<CloudEvent> events = new ArrayList<>();
        for (String json : reportsJson) {
            events.add(CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withType("io.zhibiao.report.fetched")
                    .withSource(URI.create("https://example.gov.cn/scraper"))
                    .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                    .build());
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        if (mode.equals("batch")) {
            // the SDK has no batch writer for Kafka: the events as a JSON array, content-type application/cloudevents-batch+json
            EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
            List<String> serialized = new ArrayList<>();
            for (CloudEvent event : events) {
                serialized.add(new String(format.serialize(event), StandardCharsets.UTF_8));
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("reports.raw", sourceUrl,
                    ("[" + String.join(",", serialized) + "]").getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/cloudevents-batch+json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
                producer.send(record).get();
            }
            return;
        }
        // structured: the whole event as JSON, content-type application/cloudevents+json;
        // binary: ce_* headers, content-type application/json, the report as the value
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, mode.equals("structured") ? "STRUCTURED" : "BINARY",
                CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            for (CloudEvent event : events) {
                producer.send(new ProducerRecord<>("reports.raw", sourceUrl, event)).get();
            }
        }
    }
    // input-doc:java:end
}
