package io.zhibiao.query.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.RealElasticsearch;
import io.zhibiao.stack.RawHttp;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URLs as curl sends them when pasted from the README: the query string's Chinese as raw UTF-8 bytes in the
 * request line (an HTTP client library would percent-encode them, so this test writes the request itself).
 */
@QuarkusTest
@WithTestResource(RealElasticsearch.class)
class RawUrlTest {

    @Test
    void rawUtf8InTheQueryStringIsReadAsWhatItSpells() {
        RawHttp.Answer search = get("/api/search?q=新能源汽车&size=50".getBytes(StandardCharsets.UTF_8));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("新能源汽车");
        RawHttp.Answer encoded = get("/api/search?q=%E6%96%B0%E8%83%BD%E6%BA%90%E6%B1%BD%E8%BD%A6&size=50".getBytes(StandardCharsets.US_ASCII));
        assertThat(withoutTiming(search.body())).as("the same answer as to the percent-encoded URL")
                .isEqualTo(withoutTiming(encoded.body()));
        RawHttp.Answer indicators = get("/api/indicators?region=锦州市&indicator=gdp".getBytes(StandardCharsets.UTF_8));
        assertThat(indicators.status()).isEqualTo(200);
        assertThat(indicators.body()).contains("锦州市");
    }

    @Test
    void aUrlThatCannotBeReadGetsAReasonNotAnEmptyAnswer() throws IOException {
        // GBK bytes, not UTF-8
        RawHttp.Answer gbk = get(concat("/api/search?q=".getBytes(StandardCharsets.US_ASCII), "新能源".getBytes("GBK")));
        assertThat(gbk.status()).isEqualTo(400);
        assertThat(gbk.body()).contains("\"status\":400").contains("not UTF-8").contains("%E6%96%B0");
        // characters a URI may not hold unescaped
        RawHttp.Answer braces = get("/api/search?q={新能源}".getBytes(StandardCharsets.UTF_8));
        assertThat(braces.status()).isEqualTo(400);
        assertThat(braces.body()).contains("\"status\":400").contains("percent-encode");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String withoutTiming(String json) {
        return json.replaceAll("\"tookMillis\":\\d+", "");
    }

    private static RawHttp.Answer get(byte[] target) {
        return RawHttp.get("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class), target);
    }
}
