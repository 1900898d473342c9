package io.zhibiao.ingest.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The HTTP layer's own refusals get a reason too: 415 names the media types that are accepted,
 * 413 the size limit; any other 4xx keeps its status and message.
 */
@Provider
public class HttpLimitsMapper implements ExceptionMapper<WebApplicationException> {
    static final String ACCEPTED_TYPES = "application/json (the input contract), text/plain, text/html, multipart/form-data (field 'file')";

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String code;
        String reason;
        if (e instanceof NotSupportedException || status == 415) {
            status = 415;
            code = "unsupported-media-type";
            reason = "this media type is not accepted; send " + ACCEPTED_TYPES;
        } else if (status == 413) {
            code = "too-large";
            reason = "the request body is larger than the limit (quarkus.http.limits.max-body-size)";
        } else if (status >= 400 && status < 500) {
            code = "bad-request";
            reason = e.getMessage();
        } else {
            return e.getResponse();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new RejectionMapper.Problem(status, code, reason)).build();
    }
}
