package io.zhibiao.nlp.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.nlp.RealKafka;
import io.zhibiao.stack.ErrorProbes;
import io.zhibiao.stack.ErrorProbes.Probe;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No error of this service is an empty answer or an HTML page: every refusal is a JSON problem with a reason. */
@QuarkusTest
@WithTestResource(RealKafka.class)
class HttpErrorsTest {

    @Test
    void everyRefusalHasAReason() {
        List<Probe> probes = new ArrayList<>(ErrorProbes.standard());
        probes.add(Probe.of("a method the resource does not take", "GET", "/api/extract", Map.of(), null, 405));
        probes.add(Probe.of("a body of a type the resource does not take", "POST", "/api/extract", Map.of("Content-Type", "image/png"), "x", 415));
        probes.add(Probe.of("a media type the resource cannot answer in", "POST", "/api/extract", Map.of("Content-Type", "text/plain", "Accept", "image/png"), "增长5%", 406));
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        assertThat(ErrorProbes.problems("127.0.0.1", port, probes)).isEmpty();
    }
}
