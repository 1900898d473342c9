package io.zhibiao.query.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.http.RequestTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * URLs as people type them: a query string with raw UTF-8 ({@code curl 'http://…/api/search?q=新能源'})
 * is read as the percent-encoded URL it stands for; a URL that cannot be read gets a 400 with the reason,
 * not an empty answer. Runs before every other route. Quarkus's own check, which answers such a request
 * with an empty 400 before any route, is off ({@code vertx.disableURIValidation}, set by
 * {@link io.zhibiao.query.QueryMain} and the test configuration).
 */
@ApplicationScoped
public class RequestTargets {
    void route(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String target = ctx.request().uri();
            String normalized;
            try {
                normalized = RequestTarget.normalized(target);
            } catch (RequestTarget.Unreadable e) {
                ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(Json.write(new ErrorMappers.Problem(400, e.getMessage())));
                return;
            }
            if (normalized.equals(target)) {
                ctx.next();
            } else {
                ctx.reroute(normalized);
            }
        });
    }
}
