package io.zhibiao.contracts.http;

import io.zhibiao.contracts.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void anErrorWithoutABodyOfItsOwnGetsAReasonThatNamesTheRequest() {
        assertThat(Problem.forResponse(404, "HTTP 404 Not Found", "GET", "/api/x", null))
                .isEqualTo(new Problem(404, "not-found", "no such resource: GET /api/x (the API is described at /q/openapi)"));
        assertThat(Problem.forResponse(405, null, "DELETE", "/api/search", "GET, HEAD").reason())
                .isEqualTo("DELETE is not allowed on /api/search; allowed: GET, HEAD");
        assertThat(Problem.forResponse(406, "", "GET", "/api/search", null).code()).isEqualTo("not-acceptable");
        assertThat(Problem.forStatus(502, "GET", "/x", null).code()).isEqualTo("internal-error");
    }

    @Test
    void aMessageThatSaysMoreIsKept() {
        assertThat(Problem.forResponse(400, "size must be 1 to 100", "GET", "/api/search", null))
                .isEqualTo(new Problem(400, "bad-request", "size must be 1 to 100"));
    }

    @Test
    void itIsWrittenAsStatusCodeAndReason() {
        assertThat(Json.write(Problem.of(429, "slow down"))).isEqualTo("{\"status\":429,\"code\":\"too-many-requests\",\"reason\":\"slow down\"}");
    }
}
