package io.zhibiao.query.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.RealElasticsearch;
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
@WithTestResource(RealElasticsearch.class)
class HttpErrorsTest {

    @Test
    void everyRefusalHasAReason() {
        List<Probe> probes = new ArrayList<>(ErrorProbes.standard());
        probes.add(Probe.of("a method the resource does not take", "DELETE", "/api/search?q=x", Map.of(), null, 405));
        probes.add(Probe.of("a media type the resource cannot answer in", "GET", "/api/search?q=x", Map.of("Accept", "image/png"), null, 406));
        probes.add(Probe.of("a bad parameter", "GET", "/api/search?q=x&size=-1", Map.of(), null, 400));
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        assertThat(ErrorProbes.problems("127.0.0.1", port, probes)).isEmpty();
    }
}
