package io.zhibiao.index.api;

import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdminResourceTest {

    @Test
    void aVersionIsAWholeNumberFromOne() {
        assertThat(AdminResource.parseVersion(" 2 ")).isEqualTo(2);
        for (String bad : new String[]{null, "", "two", "0", "-1", "10000", "2.5"}) {
            BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> AdminResource.parseVersion(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.getResponse().getStatus()).isEqualTo(400);
            assertThat(((io.zhibiao.contracts.http.Problem) e.getResponse().getEntity()).reason()).contains("version");
        }
    }
}
