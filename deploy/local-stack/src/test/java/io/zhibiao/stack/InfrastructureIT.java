package io.zhibiao.stack;

import io.zhibiao.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real infrastructure starts, serves, is left alone when started twice, and stops without a trace. */
class InfrastructureIT {

    @Test
    void kafkaElasticsearchAndPostgresStartAndStop() throws Exception {
        Path data = Path.of("target", "infrastructure-it").toAbsolutePath();
        LocalStack.wipe(data);
        LocalStack stack = new LocalStack(StackConfig.forTests(StackLayout.discover(), data));
        try {
            stack.startInfrastructure();
            for (Component c : stack.infrastructure()) {
                assertThat(c.isRunning()).as(c.name()).isTrue();
                assertThat(Processes.portOpen(c.port())).as(c.name() + " port").isTrue();
            }
            try (Admin admin = stack.kafka().admin()) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(Topics.all());
            }
            assertThat(Processes.httpStatus(stack.config().elasticsearchUrl() + "/_cluster/health")).isEqualTo(200);

            List<Long> pids = stack.infrastructure().stream().map(c -> c.process().orElseThrow().pid()).toList();
            stack.startInfrastructure();
            assertThat(stack.infrastructure().stream().map(c -> c.process().orElseThrow().pid()).toList())
                    .as("starting again leaves the running processes alone").isEqualTo(pids);
        } finally {
            stack.down();
        }
        for (Component c : stack.infrastructure()) {
            assertThat(c.isRunning()).as(c.name()).isFalse();
            assertThat(Processes.portOpen(c.port())).as(c.name() + " port after down").isFalse();
        }
    }
}
