package io.zhibiao.query.api;

import io.zhibiao.query.catalog.CatalogService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;

/** What can be asked: indicators with labels, regions, provinces, years, with counts. */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "the vocabulary, with counts")
public class CatalogResource {

    @Inject
    CatalogService catalog;

    @GET
    @Operation(summary = "Indicators (Chinese and English labels, facts each), regions (province, level, reports, facts,"
            + " years), counts of provinces, years, kinds, measures, levels and document types, and the facts no table can"
            + " place (unplaced: facts, noRegion, noPeriod; listed by /api/indicators?unplaced=true)")
    public CatalogService.Catalog get(@Context UriInfo uri) throws IOException {
        Params.of(uri, List.of());
        return catalog.catalog();
    }
}
