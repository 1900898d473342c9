package io.zhibiao.query.api;

import io.zhibiao.query.catalog.Labels;
import io.zhibiao.query.indicators.CsvExport;
import io.zhibiao.query.indicators.Fact;
import io.zhibiao.query.indicators.FactFilter;
import io.zhibiao.query.indicators.IndicatorService;
import io.zhibiao.query.indicators.Panel;
import io.zhibiao.query.indicators.PanelSheet;
import io.zhibiao.query.indicators.PanelWorkbook;
import io.zhibiao.query.indicators.RegionSeries;
import io.zhibiao.query.indicators.TargetActualComparison;
import io.zhibiao.query.indicators.UnplacedFact;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Indicator facts: a filtered table (JSON or CSV), the facts no table can place, targets against actuals
 * across regions, the panel of regions × years (JSON, CSV, XLSX), a region's series.
 */
@Path("/api/indicators")
@Tag(name = "indicators", description = "indicator facts with their provenance")
public class IndicatorResource {
    static final List<String> FILTERS = List.of("indicator", "region", "province", "level", "kind", "period", "measure",
            "reportYear", "documentId");

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    IndicatorService indicators;

    /** A page of unplaced facts, each with why it cannot be placed. */
    public record UnplacedPage(long total, int from, int size, List<UnplacedFact> items) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Indicator facts by filters, each with its document id, passage and the quote that states it",
            description = "Filters may be repeated (alternatives). A fact from a paged source (PDF, Word, a scan) has the"
                    + " page that holds its quote (page, from 1) and ocr: true when that page was read by OCR; both are"
                    + " absent for text and HTML. format=csv gives every matching fact (at most 10000) as"
                    + " CSV in UTF-8 with a byte order mark, columns: " + "region, province, level, indicator, indicator_zh,"
                    + " kind, estimated, period, measure, value, value_max, unit, qualifier, quote, document_id, passage_id,"
                    + " title, report_year, source, start, end, page (empty without pages). unplaced=true lists only the facts that no table can place"
                    + " (no region or no period), each with why (no_region, no_period); /api/catalog counts them.")
    @APIResponse(responseCode = "200", description = "a page of facts (with unplaced=true each has why), or the CSV file",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorService.Page.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "400", description = "a parameter is unknown, malformed or out of range; the reason says which")
    public Response find(
            @Context UriInfo uri,
            @Parameter(description = "canonical indicator id, e.g. gdp (see /api/catalog)") @QueryParam("indicator") List<String> indicator,
            @Parameter(description = "issuing region, e.g. 锦州市") @QueryParam("region") List<String> region,
            @Parameter(description = "province, e.g. 辽宁省") @QueryParam("province") List<String> province,
            @Parameter(description = "region level: national, province, prefecture, county_city, district, county") @QueryParam("level") List<String> level,
            @Parameter(description = "actual, target or plan_target") @QueryParam("kind") List<String> kind,
            @Parameter(description = "the year the fact is about, e.g. 2023") @QueryParam("period") List<String> period,
            @Parameter(description = "growth_pct, level, share_pct, rank or count") @QueryParam("measure") List<String> measure,
            @Parameter(description = "the year of the report the fact was read from") @QueryParam("reportYear") List<String> reportYear,
            @Parameter(description = "the report's document id") @QueryParam("documentId") List<String> documentId,
            @Parameter(description = "region (default), indicator, period, -period, value, -value, reportYear, -reportYear") @QueryParam("sort") String sort,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Parameter(description = "true: only facts without a region or a period, each with why (no_region, no_period);"
                    + " false (default): every fact") @QueryParam("unplaced") String unplaced,
            @Parameter(description = "offset, 0 by default") @QueryParam("from") String from,
            @Parameter(description = "facts per page, 1 to 1000, 100 by default") @QueryParam("size") String size) throws IOException {
        List<String> allowed = new ArrayList<>(FILTERS);
        allowed.addAll(List.of("sort", "format", "unplaced", "from", "size"));
        Params p = Params.of(uri, allowed);
        boolean onlyUnplaced = p.bool("unplaced", false);
        FactFilter filter = filter(p).withUnplaced(onlyUnplaced);
        String order = p.single("sort", IndicatorService.SORTS, "region");
        String fmt = p.single("format", List.of("json", "csv"), "json");
        if (fmt.equals("csv")) {
            if (p.text("from") != null || p.text("size") != null) {
                throw new IllegalArgumentException("format=csv exports every matching fact: leave out from and size");
            }
            List<Fact> all = indicators.all(filter, order);
            return Response.ok(CsvExport.write(all), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"zhibiao-indicators.csv\"")
                    .header("X-Total-Count", all.size()).build();
        }
        IndicatorService.Page page = indicators.find(filter, order, p.integer("from", 0, 0, IndicatorService.MAX_ALL),
                p.integer("size", 100, 1, IndicatorService.MAX_SIZE));
        if (onlyUnplaced) {
            return Response.ok(new UnplacedPage(page.total(), page.from(), page.size(),
                    page.items().stream().map(UnplacedFact::of).toList()), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(page, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/panel")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @Operation(summary = "The panel of regions × years: per indicator, region and year the target (from that year's report),"
            + " the first reported actual (from the next year's report, estimated when 预计), a later revised actual,"
            + " the gap (百分点 for growth) and met/missed, every number with its document id and quote",
            description = "Long shape (default): one row per indicator × region × year. Wide shape: one row per region ×"
                    + " year with a group of columns per indicator (<indicator>_target, <indicator>_actual, …); without"
                    + " indicator, every indicator that has facts of the measure. format=csv is UTF-8 with a byte order"
                    + " mark (bom=false for Stata and R), format=xlsx a workbook with the sheet panel and a README sheet"
                    + " that explains every column in Chinese and English. Met/missed follow the rules of /compare. Every"
                    + " number has page (and ocr when true) if its report came from a paged source; the files have"
                    + " target_page, actual_page and revised_page beside the quotes.")
    @APIResponse(responseCode = "200", description = "the panel as JSON, or the CSV or XLSX file (Content-Disposition: attachment)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Panel.Table.class)),
                    @Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @APIResponse(responseCode = "400", description = "a parameter is unknown, malformed or out of range (from after to,"
            + " an unknown format or shape, bom without format=csv); the reason says which")
    public Response panel(
            @Context UriInfo uri,
            @Parameter(description = "canonical indicator ids, repeated or separated by commas (gdp,budget_revenue);"
                    + " all indicators when absent") @QueryParam("indicator") List<String> indicator,
            @Parameter(description = "growth_pct (default), level, share_pct, rank or count") @QueryParam("measure") String measure,
            @Parameter(description = "only these regions, e.g. 锦州市 (repeatable)") @QueryParam("region") List<String> region,
            @Parameter(description = "only regions of these provinces, e.g. 辽宁省 (repeatable)") @QueryParam("province") List<String> province,
            @Parameter(description = "only regions of these levels: national, province, prefecture, county_city, district,"
                    + " county (repeatable)") @QueryParam("level") List<String> level,
            @Parameter(description = "the first year, e.g. 2022 (1949–2100)") @QueryParam("from") String from,
            @Parameter(description = "the last year, e.g. 2024, not before from") @QueryParam("to") String to,
            @Parameter(description = "json (default), csv or xlsx") @QueryParam("format") String format,
            @Parameter(description = "long (default: one row per indicator × region × year) or wide (one row per region ×"
                    + " year, a column group per indicator)") @QueryParam("shape") String shape,
            @Parameter(description = "with format=csv: true (default) starts the file with a UTF-8 byte order mark for"
                    + " Excel; false leaves it out for Stata and R") @QueryParam("bom") String bom) throws IOException {
        Params p = Params.of(uri, List.of("indicator", "measure", "region", "province", "level", "from", "to", "format",
                "shape", "bom"));
        List<String> ind = p.oneOfSeparated("indicator", Labels.indicatorIds());
        String m = p.single("measure", Labels.ids(Labels.MEASURES), "growth_pct");
        Integer first = p.optionalInteger("from", 1949, 2100);
        Integer last = p.optionalInteger("to", 1949, 2100);
        if (first != null && last != null && first > last) {
            throw new IllegalArgumentException("from (" + first + ") is after to (" + last + ")");
        }
        String fmt = p.single("format", List.of("json", "csv", "xlsx"), "json");
        String shp = p.single("shape", List.of("long", "wide"), "long");
        if (p.text("bom") != null && !fmt.equals("csv")) {
            throw new IllegalArgumentException("bom applies to format=csv only");
        }
        boolean withBom = p.bool("bom", true);
        FactFilter filter = new FactFilter(ind, p.texts("region"), p.texts("province"),
                p.oneOf("level", Labels.ids(Labels.LEVELS)), null, null, List.of(m), null, null);
        Panel.Table table = Panel.of(ind, m, first, last, indicators.panelFacts(filter, first, last));
        if (fmt.equals("json")) {
            Object body = shp.equals("wide") ? Panel.wide(table) : table;
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }
        PanelSheet sheet = shp.equals("wide") ? PanelSheet.wideShape(Panel.wide(table)) : PanelSheet.longShape(table);
        String name = fileName(ind, m, first, last, shp) + "." + fmt;
        byte[] file = fmt.equals("csv") ? sheet.csv(withBom) : PanelWorkbook.write(sheet, query(uri));
        return Response.ok(file, fmt.equals("csv") ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Total-Count", sheet.rows().size()).build();
    }

    /** zhibiao-panel-gdp-growth_pct-2022-2024-long: what the file holds, in ASCII (no encoding of the header needed). */
    static String fileName(List<String> indicators, String measure, Integer from, Integer to, String shape) {
        String which = indicators.isEmpty() ? "all" : indicators.size() > 3 ? indicators.size() + "-indicators"
                : String.join("+", indicators);
        String years = from == null && to == null ? "all-years"
                : (from == null ? "" : from) + "-" + (to == null ? "" : to);
        return "zhibiao-panel-" + which + "-" + measure + "-" + years + "-" + shape;
    }

    /** The request's parameters as name=value, for the workbook's README. */
    private static List<String> query(UriInfo uri) {
        List<String> out = new ArrayList<>();
        uri.getQueryParameters(true).forEach((k, vs) -> vs.forEach(v -> out.add(k + "=" + v)));
        return out;
    }

    @GET
    @Path("/compare")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per region: the target for a year (from that year's report) beside the actual (from the next"
            + " year's report), the gap and met/missed, with the document id, quote and (paged sources) page of every number")
    @APIResponse(responseCode = "400", description = "indicator or period missing, or a parameter out of range")
    public TargetActualComparison.Table compare(
            @Context UriInfo uri,
            @Parameter(description = "canonical indicator id, e.g. gdp", required = true) @QueryParam("indicator") String indicator,
            @Parameter(description = "the target year, e.g. 2023", required = true) @QueryParam("period") String period,
            @Parameter(description = "growth_pct (default), level, share_pct, rank or count") @QueryParam("measure") String measure,
            @Parameter(description = "only these regions") @QueryParam("region") List<String> region,
            @Parameter(description = "only regions of these provinces") @QueryParam("province") List<String> province,
            @Parameter(description = "only regions of these levels") @QueryParam("level") List<String> level) throws IOException {
        Params p = Params.of(uri, List.of("indicator", "period", "measure", "region", "province", "level"));
        String ind = p.single("indicator", Labels.indicatorIds(), null);
        if (ind == null) {
            throw new IllegalArgumentException("indicator is required, e.g. indicator=gdp (see /api/catalog)");
        }
        Integer year = p.optionalInteger("period", 1949, 2100);
        if (year == null) {
            throw new IllegalArgumentException("period is required: the year of the targets, e.g. period=2023");
        }
        String m = p.single("measure", Labels.ids(Labels.MEASURES), "growth_pct");
        FactFilter base = new FactFilter(List.of(ind), p.texts("region"), p.texts("province"),
                p.oneOf("level", Labels.ids(Labels.LEVELS)), null, List.of(year), List.of(m), null, null);
        List<Fact> targets = indicators.all(base.withKinds(List.of("target")).withReportYears(List.of(year)), "region");
        List<Fact> actuals = indicators.all(base.withKinds(List.of("actual")).withReportYears(List.of(year + 1)), "region");
        return TargetActualComparison.compare(ind, year, m, targets, actuals);
    }

    @GET
    @Path("/series")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A region's values of an indicator over the years: targets and actuals per year, per measure,"
            + " and plan targets, each with its document id, quote and (paged sources) page")
    @APIResponse(responseCode = "400", description = "region or indicator missing, or a parameter out of range")
    public RegionSeries.Series series(
            @Context UriInfo uri,
            @Parameter(description = "the region, e.g. 锦州市", required = true) @QueryParam("region") String region,
            @Parameter(description = "canonical indicator id, e.g. gdp", required = true) @QueryParam("indicator") String indicator,
            @Parameter(description = "only this measure (growth_pct, level, …); all by default") @QueryParam("measure") String measure) throws IOException {
        Params p = Params.of(uri, List.of("region", "indicator", "measure"));
        String r = p.required("region");
        String ind = p.single("indicator", Labels.indicatorIds(), null);
        if (ind == null) {
            throw new IllegalArgumentException("indicator is required, e.g. indicator=gdp (see /api/catalog)");
        }
        String m = p.single("measure", Labels.ids(Labels.MEASURES), null);
        FactFilter filter = FactFilter.none().withIndicator(ind).withRegion(r)
                .withMeasures(m == null ? List.of() : List.of(m));
        return RegionSeries.of(r, ind, indicators.all(filter, "period"));
    }

    static FactFilter filter(Params p) {
        return new FactFilter(p.oneOf("indicator", Labels.indicatorIds()), p.texts("region"), p.texts("province"),
                p.oneOf("level", Labels.ids(Labels.LEVELS)), p.oneOf("kind", Labels.ids(Labels.KINDS)),
                p.integers("period", 1949, 2100), p.oneOf("measure", Labels.ids(Labels.MEASURES)),
                p.integers("reportYear", 1949, 2100), p.texts("documentId"));
    }
}
