package io.zhibiao.contracts.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {
    private static final Optional<List<String>> KEYS = Optional.of(List.of("k1", " k2 "));

    @Test
    void aKeyIsReadFromEitherHeader() {
        assertThat(ApiKeys.presented(Map.of("X-API-Key", "k1")::get)).contains("k1");
        assertThat(ApiKeys.presented(Map.of("Authorization", "Bearer k2")::get)).contains("k2");
        assertThat(ApiKeys.presented(Map.of("Authorization", "Basic abc")::get)).isEmpty();
        assertThat(ApiKeys.presented(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void onlyAConfiguredKeyMayWrite() {
        assertThat(ApiKeys.refusal(KEYS, Optional.of("k2"), "x.api-keys")).isEmpty();
        assertThat(ApiKeys.refusal(KEYS, Optional.of("k3"), "x.api-keys")).contains("the API key is not valid");
        assertThat(ApiKeys.refusal(KEYS, Optional.empty(), "x.api-keys")).get().asString().contains("required");
    }

    @Test
    void withoutConfiguredKeysNobodyMayWrite() {
        assertThat(ApiKeys.refusal(Optional.empty(), Optional.of("k1"), "x.api-keys")).get().asString()
                .contains("no API key is configured (x.api-keys)");
        assertThat(ApiKeys.refusal(Optional.of(List.of(" ")), Optional.of(" "), "x.api-keys")).isPresent();
    }
}
