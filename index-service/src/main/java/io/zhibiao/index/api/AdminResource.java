package io.zhibiao.index.api;

import io.zhibiao.contracts.http.Problem;
import io.zhibiao.index.elastic.IndexAdmin;
import io.zhibiao.index.elastic.IndexService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The operator's side of a reindex (docs/SEARCH.md, "Reindex"): see the index versions and this
 * instance's consumer lag, switch the aliases to a version once it caught up, delete an old version.
 * Reached from inside the cluster only (network policy zhibiao-index-service-admin).
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "index versions and aliases (reindex without downtime)")
public class AdminResource {

    @Inject
    IndexService index;

    @Inject
    ConsumerLag lag;

    /** This instance: the version it writes, its consumer lag, and whether it may be switched to. */
    public record Status(int version, boolean indicesReady, ConsumerLag.Lag lag, IndexAdmin.Overview indices) {
    }

    @GET
    @Path("/status")
    @Operation(summary = "The version this instance writes, its consumer lag (0 = caught up) and every index version with its size")
    public Response status() throws IOException {
        if (!index.isReady()) {
            return problem(503, "the indices of version " + version() + " are not ready yet (is Elasticsearch up?)");
        }
        return Response.ok(new Status(version(), true, lag.lag(), admin().overview())).build();
    }

    @GET
    @Path("/indices")
    @Operation(summary = "Every version of the three indices: documents, size on disk, aliases")
    public IndexAdmin.Overview indices() throws IOException {
        return admin().overview();
    }

    @GET
    @Path("/lag")
    @Operation(summary = "How many records this instance's consumer groups have not committed yet, per group")
    public ConsumerLag.Lag consumerLag() {
        return lag.lag();
    }

    @POST
    @Path("/aliases/switch")
    @Operation(summary = "Point the aliases reports, passages and facts at one version, atomically")
    @APIResponse(responseCode = "200", description = "switched; before and after name the indices")
    @APIResponse(responseCode = "400", description = "no version, or not a number")
    @APIResponse(responseCode = "409", description = "an index of that version is missing, or (without force) this instance has not caught up")
    public Response switchAliases(
            @Parameter(description = "the index version to serve, e.g. 2", required = true) @QueryParam("version") String version,
            @Parameter(description = "switch even when this instance writes that version and still has consumer lag")
            @QueryParam("force") boolean force) throws IOException {
        int v = parseVersion(version);
        if (v == version() && !force) {
            ConsumerLag.Lag now = lag.lag();
            if (!now.caughtUp()) {
                return problem(409, "version " + v + " has not caught up: " + now.total()
                        + " records not yet indexed; wait for lag 0 (GET /api/admin/lag) or pass force=true");
            }
        }
        try {
            return Response.ok(admin().switchTo(v)).build();
        } catch (IndexAdmin.ConflictException e) {
            return problem(409, e.getMessage());
        }
    }

    @DELETE
    @Path("/versions/{version}")
    @Operation(summary = "Delete the indices (and templates) of a version no alias names any more")
    public Response deleteVersion(@PathParam("version") String version) throws IOException {
        int v = parseVersion(version);
        try {
            List<String> deleted = admin().delete(v);
            return Response.ok(Map.of("version", v, "deleted", deleted)).build();
        } catch (IndexAdmin.ConflictException e) {
            return problem(409, e.getMessage());
        }
    }

    /** Kafka or Elasticsearch away: 503 with the reason, not a stack trace (this resource only). */
    @org.jboss.resteasy.reactive.server.ServerExceptionMapper({IllegalStateException.class, IOException.class,
            co.elastic.clients.elasticsearch._types.ElasticsearchException.class})
    public Response unavailable(Exception e) {
        return problem(503, e.getMessage());
    }

    private IndexAdmin admin() {
        return new IndexAdmin(index.client(), index.layout());
    }

    private int version() {
        return index.layout().version();
    }

    static int parseVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException(problem(400, "version is required, e.g. version=2"));
        }
        try {
            int v = Integer.parseInt(version.strip());
            if (v < 1 || v > 9999) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException(problem(400, "version must be a whole number from 1 to 9999, not " + version));
        }
    }

    private static Response problem(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Problem.of(status, reason)).build();
    }
}
