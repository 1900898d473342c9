package io.zhibiao.ingest.api;

import io.zhibiao.contracts.http.Problem;
import io.zhibiao.contracts.security.ApiKeys;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
        ApiKeys.refusal(keys, ApiKeys.presented(request::getHeaderString), "zhibiao.ingest.api-keys").ifPresent(reason ->
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                        .header("WWW-Authenticate", "Bearer")
                        .entity(new Problem(401, "unauthorized", reason)).build()));
    }
}
