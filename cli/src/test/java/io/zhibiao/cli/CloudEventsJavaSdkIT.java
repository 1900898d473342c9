package io.zhibiao.cli;

import io.zhibiao.cli.contract.JavaScraper;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scraper written with the official CloudEvents Java SDK publishes ({@link JavaScraper}, the code
 * docs/INPUT.md prints), in structured, binary and batch mode, comes out indexed on the real stack.
 */
@Order(310)
class CloudEventsJavaSdkIT {
    private static LocalStack stack;

    @BeforeAll
    static void stack() {
        stack = EndToEndStack.get();
        assertThat(EndToEndStack.upExit()).as(EndToEndStack.upOutput()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"structured", "binary", "batch"})
    void eachModeIsIndexed(String mode) throws Exception {
        String run = mode + "-" + UUID.randomUUID();
        List<RawReport> raw = CloudEventsClientsIT.reports("java-sdk", run, mode.equals("batch") ? 2 : 1);
        JavaScraper.publish(stack.config().kafkaBootstrap(), mode, raw.get(0).sourceUrl(),
                raw.stream().map(Json::write).toList());
        CloudEventsClientsIT.awaitIndexed(stack, raw, mode);
    }
}
