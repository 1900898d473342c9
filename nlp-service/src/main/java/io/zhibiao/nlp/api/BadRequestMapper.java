package io.zhibiao.nlp.api;

import io.zhibiao.contracts.http.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request that cannot be answered as asked: 400 with the reason. */
@Provider
public class BadRequestMapper implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(new Problem(400, "bad-request", e.getMessage())).build();
    }
}
