package io.zhibiao.query.api;

import io.zhibiao.query.search.QueryText;
import io.zhibiao.query.search.SearchQuery;
import io.zhibiao.query.search.SearchService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Full-text search over the passages of every report. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search", description = "passages by full text, with filters and facets")
public class SearchResource {
    static final List<String> PARAMS = List.of("q", "region", "province", "level", "year", "docType", "section",
            "sort", "from", "size");

    @Inject
    SearchService search;

    @GET
    @Operation(summary = "Passages that contain every term of q, with highlights, facets with counts, and filters",
            description = "Terms are separated by spaces; \"quoted phrases\" stay whole; -term excludes. Each term must"
                    + " occur as written (a substring); the shared HanLP word segmentation ranks the hits. A filter may be"
                    + " repeated (values of one filter are alternatives; different filters all apply). Each facet counts"
                    + " passages (count) and reports (reports) with every filter applied except its own. A hit from a paged"
                    + " source (PDF, Word, a scan) has the page its passage begins on (page) and ocr: true when a page it"
                    + " spans was read by OCR.")
    @APIResponse(responseCode = "200", description = "a page of passages")
    @APIResponse(responseCode = "400", description = "a parameter is missing, unknown or out of range; the reason says which")
    public SearchService.Page search(
            @Context UriInfo uri,
            @Parameter(description = "words, \"quoted phrases\", -excluded; e.g. 新能源汽车", required = true) @QueryParam("q") String q,
            @Parameter(description = "issuing region, e.g. 锦州市 (repeatable)") @QueryParam("region") List<String> region,
            @Parameter(description = "province, e.g. 辽宁省 (repeatable)") @QueryParam("province") List<String> province,
            @Parameter(description = "national, province, prefecture, county_city, district or county (repeatable)") @QueryParam("level") List<String> level,
            @Parameter(description = "year of the report, e.g. 2024 (repeatable)") @QueryParam("year") List<String> year,
            @Parameter(description = "work_report, five_year_plan or other (repeatable)") @QueryParam("docType") List<String> docType,
            @Parameter(description = "top-level section heading, as the section facet lists it (repeatable)") @QueryParam("section") List<String> section,
            @Parameter(description = "relevance (default), year (newest first) or year_asc") @QueryParam("sort") String sort,
            @Parameter(description = "offset of the first hit, 0 by default; from + size at most 1000") @QueryParam("from") String from,
            @Parameter(description = "hits per page, 1 to 50, 10 by default") @QueryParam("size") String size) throws IOException {
        Params p = Params.of(uri, PARAMS);
        QueryText text = QueryText.parse(p.raw("q", QueryText.MAX_LENGTH));
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("region", p.texts("region"));
        filters.put("province", p.texts("province"));
        filters.put("level", p.oneOf("level", io.zhibiao.query.catalog.Labels.ids(io.zhibiao.query.catalog.Labels.LEVELS)));
        filters.put("docType", p.oneOf("docType", io.zhibiao.query.catalog.Labels.ids(io.zhibiao.query.catalog.Labels.DOC_TYPES)));
        filters.put("section", p.texts("section"));
        filters.values().removeIf(List::isEmpty);
        SearchQuery query = new SearchQuery(text, filters, p.integers("year", 1949, 2100),
                SearchQuery.Sort.of(p.single("sort", List.of("relevance", "year", "year_asc"), "relevance")),
                p.integer("from", 0, 0, SearchQuery.MAX_DEPTH), p.integer("size", 10, 1, SearchQuery.MAX_SIZE));
        return search.search(query);
    }
}
