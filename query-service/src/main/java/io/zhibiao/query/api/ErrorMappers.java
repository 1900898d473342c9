package io.zhibiao.query.api;

import io.zhibiao.contracts.http.Problem;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Errors as JSON with a reason: a request the API cannot answer as asked is a 400; Elasticsearch away
 * or refusing is a 503 (try again), never a stack trace.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return problem(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response elasticsearch(ElasticsearchException e) {
        if (e.status() == 404) {
            return problem(503, "the search indices are not there yet (is index-service up?): " + e.getMessage());
        }
        LOG.warnf("Elasticsearch refused a query: %s", e.getMessage());
        return problem(503, "the search engine could not answer: " + e.error().type());
    }

    @ServerExceptionMapper({IOException.class, UncheckedIOException.class})
    public Response unavailable(Exception e) {
        LOG.warnf("Elasticsearch unavailable: %s", e.toString());
        return problem(503, "the search engine is not reachable; try again shortly");
    }

    static Response problem(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Problem.of(status, reason)).build();
    }

    /** Something the request names does not exist: 404 with the reason. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
