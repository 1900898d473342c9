package io.zhibiao.query.limits;

import io.zhibiao.contracts.http.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.zhibiao.query.api.ErrorMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bounds what one client can ask of the read API: {@code zhibiao.query.rate-limit.per-second} requests a
 * second after a burst of {@code zhibiao.query.rate-limit.burst}, per client address; more gets 429 with
 * Retry-After. A per-second of 0 turns the limit off (benchmarks, or a gateway that limits already).
 */
@ApplicationScoped
public class RateLimitFilter {
    private final RateLimiter limiter;

    public RateLimitFilter(@ConfigProperty(name = "zhibiao.query.rate-limit.per-second", defaultValue = "50") double perSecond,
                           @ConfigProperty(name = "zhibiao.query.rate-limit.burst", defaultValue = "100") double burst) {
        this.limiter = perSecond > 0 ? new RateLimiter(perSecond, Math.max(1, burst)) : null;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (limiter == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        RateLimiter.Decision d = limiter.acquire(client);
        if (d.allowed()) {
            return null;
        }
        return Response.status(429).type(MediaType.APPLICATION_JSON).header("Retry-After", d.retryAfterSeconds())
                .entity(Problem.of(429, "too many requests from this client; try again in "
                        + d.retryAfterSeconds() + " s")).build();
    }
}
