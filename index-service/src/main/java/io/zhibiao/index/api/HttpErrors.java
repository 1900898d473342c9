package io.zhibiao.index.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.zhibiao.contracts.http.HttpErrorRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * No error of this service is an empty answer or an HTML page ({@link HttpErrorRoutes}): raw UTF-8 in a URL is
 * read (Quarkus's own URI check is off, see {@link io.zhibiao.index.IndexMain}), a URL that cannot be read is a 400 with the
 * reason, a path nothing serves a 404 with the request, and the HTTP layer's 405/406/415 get reasons.
 */
@ApplicationScoped
public class HttpErrors {

    void routes(@Observes Router router) {
        HttpErrorRoutes.install(router);
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, HttpServerRequest request) {
        return HttpErrorRoutes.refused(e, request);
    }
}
