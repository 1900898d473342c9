package io.zhibiao.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void defaultsCanBeOverriddenOneByOne() {
        Ports p = Ports.fromEnvironment(Map.of("ZHIBIAO_QUERY_PORT", "18080"));
        assertThat(p.query()).isEqualTo(18080);
        assertThat(p.kafka()).isEqualTo(9092);
    }

    @Test
    void aBadPortIsRefusedWithItsName() {
        assertThatThrownBy(() -> Ports.fromEnvironment(Map.of("ZHIBIAO_KAFKA_PORT", "http")))
                .hasMessageContaining("ZHIBIAO_KAFKA_PORT");
    }

    @Test
    void recordedPortsRoundTrip() {
        Ports p = Ports.free();
        assertThat(Ports.fromProperties(p.toProperties())).isEqualTo(p);
    }

    @Test
    void portsRecordedBeforeTheExtractStageHadOneOfItsOwnStillRead() {
        java.util.Properties p = Ports.defaults().toProperties();
        p.remove("nlpExtract");
        assertThat(Ports.fromProperties(p).index()).isEqualTo(8083);
    }

    @Test
    void freePortsAreDistinctAndBelowTheRangeForOutgoingConnections() {
        Ports p = Ports.free();
        assertThat(p.all()).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isGreaterThanOrEqualTo(1024).isLessThan(Ports.ephemeralLowerBound()));
    }
}
