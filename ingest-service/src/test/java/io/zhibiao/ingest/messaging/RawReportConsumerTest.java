package io.zhibiao.ingest.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.zhibiao.contracts.DeadLetters;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.RealPostgres;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(RealPostgres.class)
class RawReportConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySource<byte[]> raw;
    private InMemorySink<String> ingested;
    private InMemorySink<byte[]> deadLetters;

    @BeforeEach
    void channels() {
        raw = connector.source("reports-raw");
        ingested = connector.sink("reports-ingested");
        deadLetters = connector.sink("reports-raw-dlq");
        ingested.clear();
        deadLetters.clear();
    }

    @Test
    void aReportFromTheTopicIsIngestedAndAcknowledged() {
        String text = "2024年锦州市政府工作报告\n各位代表:\n现在,我代表市政府向大会报告工作。全市城镇新增就业1.7万人。";
        RawReport report = new RawReport("https://example.gov.cn/topic-test.html", Instant.now(), "text/plain", "UTF-8",
                text, null, null, null);
        raw.send(Json.writeBytes(report));
        await().atMost(Duration.ofSeconds(20)).until(() -> ingested.received().size() == 1);
        assertThat(deadLetters.received()).isEmpty();
    }

    @Test
    void aRecordThatIsNotAReportGoesToTheDeadLetterTopicWithItsReason() {
        byte[] junk = "\u0000\u0001 not json at all".getBytes(StandardCharsets.UTF_8);
        raw.send(junk);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.received().size() == 1);
        Message<byte[]> dead = deadLetters.received().get(0);
        assertThat(dead.getPayload()).as("the original payload, untouched").isEqualTo(junk);
        OutgoingKafkaRecordMetadata<?> meta = dead.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        Header reason = meta.getHeaders().lastHeader(DeadLetters.REASON);
        Header code = meta.getHeaders().lastHeader(DeadLetters.REASON_CODE);
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(new String(code.value(), StandardCharsets.UTF_8)).isEqualTo("not-json");
        assertThat(ingested.received()).isEmpty();
    }
}
