package io.zhibiao.index.api;

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
 * Switching aliases and deleting index versions need an API key (one of {@code zhibiao.index.admin-api-keys},
 * ZHIBIAO_INDEX_ADMIN_API_KEYS, from a Secret); reading the status does not. No key configured: no admin write.
 */
@Provider
public class AdminKeyFilter implements ContainerRequestFilter {

    @ConfigProperty(name = "zhibiao.index.admin-api-keys")
    Optional<List<String>> keys;

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            return;
        }
        ApiKeys.refusal(keys, ApiKeys.presented(request::getHeaderString), "zhibiao.index.admin-api-keys").ifPresent(reason ->
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                        .header("WWW-Authenticate", "Bearer")
                        .entity(new Problem(401, "unauthorized", reason)).build()));
    }
}
