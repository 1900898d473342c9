package io.zhibiao.ingest.api;

import io.zhibiao.contracts.http.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A query parameter the API cannot work with: 400 with the reason. */
@Provider
public class BadParameterMapper implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(400, "bad-parameter", e.getMessage())).build();
    }
}
