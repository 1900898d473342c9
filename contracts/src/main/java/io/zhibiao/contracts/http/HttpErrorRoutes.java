package io.zhibiao.contracts.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zhibiao.contracts.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What every service does so that no error is an empty answer or an HTML page: every one is a JSON
 * {@link Problem} with a reason. Each service's {@code HttpErrors} installs the routes and delegates its
 * exception mapper here (vertx-web and JAX-RS come with the service's Quarkus).
 * <ul>
 *   <li>URLs as people type them: a query string with raw UTF-8 ({@code curl 'http://…?q=新能源'}) is read as the
 *       percent-encoded URL it stands for ({@link RequestTarget}); a URL that cannot be read gets a 400
 *       {@code bad-url} with the reason. This route runs before every other; Quarkus's own check, which answers such
 *       a request with an empty 400 before any route, is off ({@code vertx.disableURIValidation}, set by each
 *       service's main and its test configuration).</li>
 *   <li>A path no route serves gets a 404 naming the request (a last route; Vert.x would answer an HTML page).</li>
 *   <li>The HTTP layer's own refusals (405, 406, 415, ...) without a body get a reason ({@link #refused}).</li>
 * </ul>
 */
public final class HttpErrorRoutes {
    private HttpErrorRoutes() {
    }

    /** The first route (reading the request target) and the last (404 with a reason). */
    public static void install(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpErrorRoutes::readTarget);
        router.route().last().handler(ctx -> answer(ctx, Problem.forStatus(404, ctx.request().method().name(),
                ctx.request().path(), null)));
    }

    /** The response of a JAX-RS refusal, with a {@link Problem} body when it has none of its own. */
    public static Response refused(WebApplicationException e, HttpServerRequest request) {
        Response r = e.getResponse();
        if (r == null || r.getStatus() < 400 || r.hasEntity()) {
            return r;
        }
        Problem problem = Problem.forResponse(r.getStatus(), e.getMessage(), request.method().name(), request.path(),
                r.getHeaderString("Allow"));
        return Response.fromResponse(r).type(MediaType.APPLICATION_JSON).entity(problem).build();
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
}
