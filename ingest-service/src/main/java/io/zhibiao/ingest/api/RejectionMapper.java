package io.zhibiao.ingest.api;

import io.zhibiao.contracts.http.Problem;
import io.zhibiao.ingest.domain.RejectedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bad input answers 4xx with its reason: 413 when too large, 415 for an unsupported type, else 400. */
@Provider
public class RejectionMapper implements ExceptionMapper<RejectedInputException> {

    @Override
    public Response toResponse(RejectedInputException e) {
        int status = switch (e.code()) {
            case "too-large" -> 413;
            case "unsupported-content-type" -> 415;
            default -> 400;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(status, e.code(), e.reason())).build();
    }
}
