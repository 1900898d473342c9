package io.zhibiao.ingest.api;

import io.vertx.core.http.HttpServerRequest;
import io.zhibiao.contracts.http.HttpErrorRoutes;
import io.zhibiao.contracts.http.Problem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The HTTP layer's own refusals get a reason too: 415 names the media types that are accepted,
 * 413 the size limit; any other (no such resource, method not allowed, not acceptable) keeps its status
 * and says what the request was (and, for 405, which methods are allowed).
 */
public class HttpLimitsMapper {
    static final String ACCEPTED_TYPES = "application/json (the input contract), text/plain, text/html, multipart/form-data (field 'file')";

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, HttpServerRequest request) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        Problem problem;
        if (e instanceof NotSupportedException || status == 415) {
            status = 415;
            problem = new Problem(415, "unsupported-media-type", "this media type is not accepted; send " + ACCEPTED_TYPES);
        } else if (status == 413) {
            problem = new Problem(413, "too-large", "the request body is larger than the limit (quarkus.http.limits.max-body-size)");
        } else if (status >= 400 && status < 500) {
            return HttpErrorRoutes.refused(e, request);
        } else {
            return r;
        }
        return Response.fromResponse(r).status(status).type(MediaType.APPLICATION_JSON).entity(problem).build();
    }
}
