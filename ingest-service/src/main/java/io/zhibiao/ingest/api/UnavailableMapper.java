package io.zhibiao.ingest.api;

import io.zhibiao.contracts.http.Problem;
import io.zhibiao.contracts.delivery.Transience;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * A request that failed for no fault of its own: 503 with Retry-After when the ledger or the broker
 * is away (the client tries again; nothing was half-done, since every step is idempotent), else 500.
 */
@Provider
public class UnavailableMapper implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(UnavailableMapper.class);

    @Override
    public Response toResponse(RuntimeException e) {
        if (Transience.isTransient(e)) {
            LOG.warnf("answering 503: %s", e.toString());
            return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "10")
                    .entity(new Problem(503, "unavailable",
                            "the ledger or the message broker is not available right now; try again shortly"))
                    .build();
        }
        LOG.errorf(e, "internal error");
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(500, "internal-error", "an internal error occurred; it was logged"))
                .build();
    }
}
