package io.zhibiao.ingest.api;

import io.zhibiao.contracts.http.Problem;
import io.zhibiao.ingest.domain.RejectedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bad input answers 4xx with its reason: 413 when too large (bytes, pages, a zip bomb), 415 for an unsupported type,
 * 422 for a file that cannot be read (encrypted, corrupt, OCR failed), else 400; a scan where no OCR is installed
 * answers 503 (the server cannot read it yet).
 */
@Provider
public class RejectionMapper implements ExceptionMapper<RejectedInputException> {

    @Override
    public Response toResponse(RejectedInputException e) {
        int status = switch (e.code()) {
            case "too-large", "too-many-pages", "zip-bomb" -> 413;
            case "unsupported-content-type" -> 415;
            case "encrypted", "corrupt-file", "ocr-failed" -> 422;
            // not the input's fault: this deployment has no OCR; the same file is read once it has
            case "ocr-unavailable" -> 503;
            default -> 400;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(status, e.code(), e.reason())).build();
    }
}
