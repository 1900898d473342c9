package io.zhibiao.query.api;

import io.zhibiao.query.indicators.IndicatorService;
import io.zhibiao.query.search.QueryText;
import io.zhibiao.query.search.SearchService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The read API: passages by full-text search, indicator facts by filters. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    IndicatorService indicators;

    @GET
    @Path("/search")
    @Operation(summary = "Passages that contain every term of q, best first, with highlights")
    public SearchService.Page search(
            @Parameter(description = "words, or \"quoted phrases\"; every term must occur") @QueryParam("q") String q,
            @QueryParam("from") @DefaultValue("0") int from,
            @QueryParam("size") @DefaultValue("10") int size) {
        return search.search(QueryText.parse(q), from, size);
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "Indicator facts, each with its document id and the quote that states it")
    public IndicatorService.Page indicators(
            @Parameter(description = "issuing region, e.g. 锦州市") @QueryParam("region") String region,
            @Parameter(description = "canonical indicator id, e.g. gdp") @QueryParam("indicator") String indicator,
            @Parameter(description = "actual, target or plan_target") @QueryParam("kind") String kind,
            @Parameter(description = "the year the fact is about") @QueryParam("period") Integer period,
            @QueryParam("from") @DefaultValue("0") int from,
            @QueryParam("size") @DefaultValue("100") int size) {
        return indicators.find(new IndicatorService.Filter(region, indicator, kind, period), from, size);
    }
}
