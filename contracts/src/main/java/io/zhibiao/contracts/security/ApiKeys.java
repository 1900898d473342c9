package io.zhibiao.contracts.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a client proves it may write: an API key in {@code X-API-Key}, or as {@code Authorization: Bearer
 * <key>}, that is one of the keys the operator configured (from a Secret). No key configured means
 * no write is allowed: the services fail closed. Keys are compared in constant time and never logged.
 */
public final class ApiKeys {
    public static final String HEADER = "X-API-Key";

    /** The key a request presents, read through a header lookup. */
    public static Optional<String> presented(Function<String, String> header) {
        String key = header.apply(HEADER);
        if (key == null) {
            String auth = header.apply("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = auth.substring(7).trim();
            }
        }
        return Optional.ofNullable(key).filter(k -> !k.isBlank());
    }

    /** Why the request may not write, or empty when it may. {@code setting} names the configuration key. */
    public static Optional<String> refusal(Optional<List<String>> configured, Optional<String> presented, String setting) {
        List<String> keys = configured.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            return Optional.of("writes are disabled: no API key is configured (" + setting + ")");
        }
        if (presented.isEmpty()) {
            return Optional.of("an API key is required: send " + HEADER + " or Authorization: Bearer");
        }
        byte[] given = presented.get().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String key : keys) {
            match |= MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), given);
        }
        return match ? Optional.empty() : Optional.of("the API key is not valid");
    }

    private ApiKeys() {
    }
}
