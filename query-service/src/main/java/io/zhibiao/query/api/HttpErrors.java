package io.zhibiao.query.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.http.Problem;
import io.zhibiao.contracts.http.RequestTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * No error of this service is an empty answer or an HTML page: every one is a JSON {@link Problem} with a
 * reason. URLs as people type them: a query string with raw UTF-8 ({@code curl 'http://…?q=新能源'}) is read
 * as the percent-encoded URL it stands for; a URL that cannot be read gets a 400 with the reason. That runs
 * before every other route; Quarkus's own check, which answers such a request with an empty 400 before any
 * route, is off ({@code vertx.disableURIValidation}, set by {@link io.zhibiao.query.QueryMain} and the test configuration).
 * A path no route serves gets a 404 with the reason, and the HTTP layer's own refusals (405, 406, 415)
 * get one too.
 */
@ApplicationScoped
public class HttpErrors {

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpErrors::readTarget);
        router.route().last().handler(ctx -> answer(ctx, Problem.forStatus(404, ctx.request().method().name(),
                ctx.request().path(), null)));
    }

    private static void readTarget(RoutingContext ctx) {
        String target = ctx.request().uri();
        String normalized;
        try {
            normalized = RequestTarget.normalized(target);
        } catch (RequestTarget.Unreadable e) {
            answer(ctx, new Problem(400, "bad-url", e.getMessage()));
            return;
        }
        if (normalized.equals(target)) {
            ctx.next();
        } else {
            ctx.reroute(normalized);
        }
    }

    private static void answer(RoutingContext ctx, Problem problem) {
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.write(problem));
    }

    /** A refusal of the HTTP layer (no such resource, method not allowed, not acceptable, ...) with its reason. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e, HttpServerRequest request) {
        Response r = e.getResponse();
        if (r == null || r.getStatus() < 400 || r.hasEntity()) {
            return r;
        }
        Problem problem = Problem.forResponse(r.getStatus(), e.getMessage(), request.method().name(), request.path(),
                r.getHeaderString("Allow"));
        return Response.fromResponse(r).type(MediaType.APPLICATION_JSON).entity(problem).build();
    }
}
