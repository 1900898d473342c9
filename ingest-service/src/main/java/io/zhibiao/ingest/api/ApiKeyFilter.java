package io.zhibiao.ingest.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Writes need a key: {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}, one of the keys in
 * {@code zhibiao.ingest.api-keys} (ZHIBIAO_INGEST_API_KEYS, from a Secret in production). With no key
 * configured, every write is refused: the service fails closed.
 */
@Provider
public class ApiKeyFilter implements ContainerRequestFilter {

    @ConfigProperty(name = "zhibiao.ingest.api-keys")
    Optional<List<String>> keys;

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            return;
        }
        String presented = presentedKey(request);
        String reason;
        if (keys.isEmpty() || keys.get().isEmpty()) {
            reason = "writes are disabled: no API key is configured (zhibiao.ingest.api-keys)";
        } else if (presented == null || presented.isBlank()) {
            reason = "an API key is required: send X-API-Key or Authorization: Bearer";
        } else if (keys.get().stream().noneMatch(k -> constantTimeEquals(k.trim(), presented))) {
            reason = "the API key is not valid";
        } else {
            return;
        }
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Bearer")
                .entity(new RejectionMapper.Problem(401, "unauthorized", reason)).build());
    }

    private static String presentedKey(ContainerRequestContext request) {
        String key = request.getHeaderString("X-API-Key");
        String auth = request.getHeaderString("Authorization");
        if (key == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = auth.substring(7).trim();
        }
        return key;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
