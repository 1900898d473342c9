package io.zhibiao.cli;

import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.formats.SourceFormat;
import io.zhibiao.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes report files to the input topic as a scraper would: one {@link RawReport} per file, the
 * file's bytes base64-encoded (the ingest service detects the charset), key = source URL.
 */
public final class ReportPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public ReportPublisher(String bootstrap, String topic) {
        this.producer = new KafkaProducer<>(producerProperties(bootstrap, "zhibiao-cli"), new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topic;
    }

    /** How the input topic is written to, as the contract asks: acks=all, idempotent, lz4, records up to 16 MiB. */
    public static Properties producerProperties(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    public ReportPublisher(String bootstrap) {
        this(bootstrap, Topics.RAW);
    }

    /** The event a file becomes: its bytes, with the source URL and hints of its sidecars ({@link Sidecars}). */
    public static RawReport toRawReport(Path file, String sourceUrl) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            // text and HTML by their extension; any other file (PDF, Word, WPS, RTF, ODT, a scan) is detected by
            // ingest from its bytes and name
            String type = SourceFormat.contentTypeFor(name);
            // the URL and hints its sidecars give, where it has them (SOURCES.tsv, NAME.hints.json)
            return Sidecars.apply(new RawReport(sourceUrl, Instant.now(), type, null, null,
                    Base64.getEncoder().encodeToString(bytes), name, null), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Publishes and waits until the broker has the record. */
    public void publish(RawReport report) {
        try {
            producer.send(new ProducerRecord<>(topic, report.sourceUrl(), Json.writeBytes(report)))
                    .get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take " + report.sourceUrl() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
