package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.zhibiao.cli.StackEndToEndIT.enc;
import static io.zhibiao.cli.StackEndToEndIT.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real browser against the real stack: Debian's headless Chromium driven by
 * Playwright (which downloads no browser of its own). A search, a facet click, a passage opened in its
 * report, the charts of targets against actuals and of a region's series, the indicator table and its
 * CSV, the comparison's years axis (a region's targets and actuals over the years, the share of regions
 * meeting their target), the panel's downloads and the note on facts no table can place; screenshots of
 * each step in cli/target/screenshots.
 */
@Order(200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageBrowserIT {
    static final Path CHROMIUM = Path.of(System.getProperty("zhibiao.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static LocalStack stack;
    private static Playwright playwright;
    private static BrowserContext browser;
    private static Page page;
    private static final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void open() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the browser test needs Debian's chromium at " + CHROMIUM + " (apt-get install -y chromium; .ci/run does)")
                .isTrue();
        stack = EndToEndStack.get();
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setLocale("zh-CN").setViewportSize(1280, 900)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        page = browser.newPage();
        page.setDefaultTimeout(30_000);
        page.onPageError(e -> errors.add("page error: " + e));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add("console: " + m.text());
            }
        });
        // the page must work offline: nothing but the query service is asked for anything
        page.onRequest(r -> {
            if (!r.url().startsWith(stack.query().url()) && !r.url().startsWith("data:")) {
                errors.add("request outside the query service: " + r.url());
            }
        });
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        assertThat(errors).as("errors in the page").isEmpty();
    }

    private static void ready() {
        page.waitForSelector("body[data-state=ready]");
    }

    private static void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    @Test
    @Order(1)
    void aSearchShowsHighlightedPassagesFromSeveralCities() {
        page.navigate(stack.query().url() + "/");
        ready();
        assertThat(page.title()).contains("指标");
        page.fill("#q", "新能源汽车");
        page.click("#search-form button[type=submit]");
        page.waitForSelector("[data-testid=hit]");
        ready();
        Locator hits = page.locator("[data-testid=hit]");
        assertThat(hits.count()).isEqualTo(10);
        List<String> marked = page.locator("[data-testid=hit] .fragment em").allTextContents();
        assertThat(marked).isNotEmpty().allMatch("新能源汽车"::equals);
        List<String> metas = page.locator("[data-testid=hit] .hit-head .meta").allTextContents();
        assertThat(metas.stream().map(m -> m.split(" · ")[0]).distinct().count()).as(metas.toString()).isGreaterThanOrEqualTo(3);
        assertThat(page.textContent("[data-testid=search-total]")).matches("共 \\d+ 段，来自 \\d+ 份报告");
        shot("1-search");
    }

    @Test
    @Order(2)
    void aFacetClickFiltersByProvince() {
        Locator province = page.locator("[data-testid=facet-province] a").first();
        String value = province.getAttribute("data-value");
        int count = Integer.parseInt(province.locator(".count").textContent().trim());
        province.click();
        page.waitForSelector(".chips .chip");
        ready();
        assertThat(page.textContent(".chips")).contains(value);
        assertThat(page.textContent("[data-testid=search-total]")).startsWith("共 " + count + " 段");
        assertThat(page.locator("[data-testid=facet-province] li.selected").textContent()).contains(value);
        for (String meta : page.locator("[data-testid=hit] .hit-head .meta").allTextContents()) {
            assertThat(meta).contains(value);
        }
        assertThat(page.url()).contains("province=");
        shot("2-facet-" + "province");
    }

    @Test
    @Order(3)
    void aHitOpensItsReportAtThePassage() {
        page.locator("[data-testid=hit] .hit-foot a").first().click();
        page.waitForSelector("#report-text .focus");
        ready();
        assertThat(page.isVisible("#view-report")).isTrue();
        String focused = page.textContent("#report-text .focus");
        assertThat(focused).contains("新能源汽车");
        assertThat(page.locator("#report-text .focus mark").first().textContent()).isEqualTo("新能源汽车");
        assertThat(page.locator("#toc li").count()).isPositive();
        assertThat((Boolean) page.evaluate("() => { const r = document.querySelector('#report-text .focus').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight; }")).as("the passage is scrolled into view").isTrue();
        shot("3-report-at-passage");
    }

    @Test
    @Order(4)
    void theComparisonChartDrawsTargetsAgainstActualsAcrossRegions() {
        page.navigate(stack.query().url() + "/#compare?indicator=gdp&period=2023&measure=growth_pct");
        page.waitForSelector("#compare-chart svg");
        ready();
        // ECharts drew the bars: an SVG with the regions on the axis and the two series in the legend
        String svg = page.innerHTML("#compare-chart");
        assertThat(svg).contains("目标").contains("实际").contains("锦州市");
        assertThat(page.locator("#compare-chart svg path").count()).isGreaterThan(20);
        assertThat(page.locator("#compare-table tbody tr").count()).isGreaterThanOrEqualTo(20);
        assertThat(page.textContent("#compare-table tbody")).contains("2023年报告");
        shot("4-compare-chart");
    }

    @Test
    @Order(5)
    void aRegionsSeriesIsCharted() {
        page.navigate(stack.query().url() + "/#series?region=" + enc("锦州市") + "&indicator=gdp");
        page.waitForSelector("[data-testid=series-chart] svg");
        ready();
        assertThat(page.innerHTML("[data-testid=series-chart]")).contains("2023").contains("2024");
        assertThat(page.textContent("#series-charts table")).contains("5.4%").contains("6.5%").contains("地区生产总值增长");
        shot("5-series-chart");
    }

    @Test
    @Order(6)
    void theIndicatorTableFiltersAndDownloadsCsv() throws IOException, InterruptedException {
        page.navigate(stack.query().url() + "/#indicators");
        page.waitForSelector("#indicator-table tbody tr");
        ready();
        page.selectOption("#indicator-form select[name=indicator]", "gdp");
        page.fill("#indicator-form input[name=region]", "锦州市");
        page.click("#indicator-form button[type=submit]");
        page.waitForFunction("() => location.hash.includes('region=')");
        ready();
        List<String> indicators = page.locator("#indicator-table tbody tr td:nth-child(3)").allTextContents();
        assertThat(indicators).isNotEmpty().allMatch("地区生产总值"::equals);
        String href = page.getAttribute("#csv-link", "href");
        assertThat(href).contains("format=csv").contains("indicator=gdp");
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.query().url() + "/" + href)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        shot("6-indicators");
    }

    @Test
    @Order(7)
    void theYearsAxisChartsARegionsTargetAndActualAndTheShareOfRegionsMeetingTheirTarget() {
        page.navigate(stack.query().url() + "/#compare?indicator=gdp&period=2024&measure=growth_pct&yearsRegion=" + enc("合肥市"));
        page.waitForSelector("#years-region-chart svg");
        page.waitForSelector("#years-share-chart svg");
        page.waitForFunction("() => document.body.dataset.state === 'ready'"
                + " && document.getElementById('years-summary').textContent.startsWith('合肥市')");
        // the real pairs of the samples: 湖北省 set 6% for 2024 and reported 6%, 合肥市 6%左右 and 5.8%左右
        Map<String, String> status = compareStatus();
        assertThat(status).containsEntry("湖北省", "达成").containsEntry("合肥市", "未达成");

        Chart hefei = chart("#years-region-chart");
        assertThat(hefei.series().keySet()).containsExactly("目标", "实际（首次公布）", "实际（修订）");
        assertThat(hefei.at("目标", "2024")).isEqualTo(6.0);
        assertThat(hefei.at("实际（首次公布）", "2024")).isEqualTo(5.8);
        assertThat(page.locator("#years-region-chart svg path").count()).isGreaterThan(10);
        String row2024 = page.locator("#years-table tbody tr", new Page.LocatorOptions().setHasText("2024年")).textContent();
        assertThat(row2024).contains("6%左右").contains("5.8%左右（预计）").contains("未达成")
                .contains("地区生产总值增长6%左右").contains("地区生产总值增长5.8%左右");
        // hovering 2024 shows both numbers with their quotes
        page.evaluate("() => echarts.getInstanceByDom(document.getElementById('years-region-chart')).dispatchAction("
                + "{type: 'showTip', seriesIndex: 0, dataIndex: " + hefei.years().indexOf("2024") + "})");
        page.waitForFunction("() => document.getElementById('years-region-chart').innerText.includes('地区生产总值增长5.8%左右')");
        assertThat(page.innerText("#years-region-chart")).contains("2024年").contains("地区生产总值增长6%左右").contains("2025年报告");

        // the share of regions meeting their target per year, as the panel counts them
        Chart share = chart("#years-share-chart");
        assertThat(share.years()).contains("2024");
        Map<Integer, int[]> counted = new HashMap<>();
        for (JsonNode r : get(stack.query().url() + "/api/indicators/panel?indicator=gdp&measure=growth_pct").get("rows")) {
            String s = r.path("status").asText();
            if (s.equals("met") || s.equals("missed")) {
                counted.computeIfAbsent(r.get("year").asInt(), y -> new int[2])[s.equals("met") ? 0 : 1]++;
            }
        }
        assertThat(share.years()).containsExactlyElementsOf(counted.keySet().stream().sorted().map(String::valueOf).toList());
        int[] y2024 = counted.get(2024);
        assertThat(y2024[0] + y2024[1]).isGreaterThanOrEqualTo(2);
        assertThat(share.at("达成比例", "2024")).isEqualTo(Math.round(1000.0 * y2024[0] / (y2024[0] + y2024[1])) / 10.0);
        assertThat(page.innerHTML("#years-share-chart")).contains(y2024[0] + "/" + (y2024[0] + y2024[1]));
        page.locator("#compare-years").scrollIntoViewIfNeeded();
        shot("7-compare-years-hefei");
    }

    @Test
    @Order(8)
    void theRegionPickerShowsAnotherRegionsYears() {
        page.selectOption("#years-region", "湖北省");
        page.waitForFunction("() => document.body.dataset.state === 'ready'"
                + " && document.getElementById('years-summary').textContent.startsWith('湖北省')");
        assertThat(page.url()).contains("yearsRegion=");
        Chart hubei = chart("#years-region-chart");
        assertThat(hubei.at("目标", "2024")).isEqualTo(6.0);
        assertThat(hubei.at("实际（首次公布）", "2024")).isEqualTo(6.0);
        assertThat(page.locator("#years-table tbody tr", new Page.LocatorOptions().setHasText("2024年")).textContent()).contains("达成");
        page.locator("#compare-years").scrollIntoViewIfNeeded();
        shot("8-compare-years-hubei");
    }

    @Test
    @Order(9)
    void thePanelDownloadsAreTheShownIndicatorsPanelWithTheChineseIntact() throws IOException, InterruptedException {
        HttpResponse<byte[]> withBom = download("#panel-csv");
        assertThat(withBom.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(withBom.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        assertThat(Arrays.copyOf(withBom.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(withBom.body(), 3, withBom.body().length - 3, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("indicator,indicator_zh,measure,region,");
        List<String> lines = csv.lines().toList();
        assertThat(lines).anyMatch(l -> l.contains("地区生产总值") && l.contains("湖北省") && l.contains(",2024,") && l.contains(",met,"));
        assertThat(lines).anyMatch(l -> l.contains("合肥市") && l.contains(",2024,") && l.contains("地区生产总值增长5.8%左右")
                && l.contains(",missed,"));

        HttpResponse<byte[]> withoutBom = download("#panel-csv-nobom");
        assertThat(withoutBom.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(new String(withoutBom.body(), StandardCharsets.UTF_8)).as("the same file without the mark").isEqualTo(csv);

        HttpResponse<byte[]> xlsx = download("#panel-xlsx");
        assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        assertThat(Arrays.copyOf(xlsx.body(), 2)).as("a zip").containsExactly('P', 'K');
    }

    @Test
    @Order(10)
    void thePageSaysHowManyFactsItCannotPlaceAndWhy() {
        // every fact of the samples has its region and year
        JsonNode unplaced = get(stack.query().url() + "/api/catalog").get("unplaced");
        assertThat(unplaced.get("facts").asLong()).isZero();
        assertThat(page.isVisible("[data-testid=unplaced-note]")).isTrue();
        assertThat(page.textContent("[data-testid=unplaced-note]")).isEqualTo("没有无法定位的指标：每条都有地区和年份。");

        // a corpus with facts that lack them (as the catalog of the query-service tests' fixture counts them)
        ObjectNode catalog = (ObjectNode) get(stack.query().url() + "/api/catalog");
        catalog.putObject("unplaced").put("facts", 3).put("noRegion", 2).put("noPeriod", 2);
        page.route("**/api/catalog", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("application/json").setBody(catalog.toString())));
        try {
            page.reload();
            page.waitForSelector("#years-region-chart svg");
            ready();
            assertThat(page.textContent("[data-testid=unplaced-note]"))
                    .startsWith("另有 3 条指标无法定位：2 条缺地区，2 条缺年份（有的两者都缺）");
            String href = (String) page.evalOnSelector("[data-testid=unplaced-link]", "a => a.href");
            assertThat(href).isEqualTo(stack.query().url() + "/api/indicators?unplaced=true");
            JsonNode listed = get(href);
            assertThat(listed.get("total").asLong()).isZero();
            page.evaluate("() => window.scrollTo(0, 0)");
            shot("9-compare-unplaced-note");
        } finally {
            page.unroute("**/api/catalog");
        }
    }

    /** An ECharts chart's categories and its series' values, as the page gave them to ECharts. */
    record Chart(List<String> years, Map<String, List<Object>> series) {
        Double at(String name, String year) {
            Object v = series.get(name).get(years.indexOf(year));
            return v == null ? null : ((Number) v).doubleValue();
        }
    }

    @SuppressWarnings("unchecked")
    private static Chart chart(String selector) {
        Map<String, Object> o = (Map<String, Object>) page.evaluate("(sel) => { const o = echarts.getInstanceByDom("
                + "document.querySelector(sel)).getOption(); return {years: o.xAxis[0].data.map(String), series:"
                + " o.series.map(s => [s.name, s.data.map(d => d === null || d === undefined ? null"
                + " : typeof d === 'object' ? d.value : d)])}; }", selector);
        Map<String, List<Object>> series = new LinkedHashMap<>();
        for (Object pair : (List<Object>) o.get("series")) {
            List<Object> p = (List<Object>) pair;
            series.put((String) p.get(0), (List<Object>) p.get(1));
        }
        return new Chart((List<String>) o.get("years"), series);
    }

    /** Region → the result badge of its row in the comparison table. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> compareStatus() {
        return (Map<String, String>) page.evaluate("() => Object.fromEntries([...document.querySelectorAll('#compare-table tbody tr')]"
                + ".filter(tr => tr.querySelector('.badge')).map(tr => [tr.querySelector('td a').textContent,"
                + " tr.querySelector('.badge').textContent]))");
    }

    /** What a download link of the page gives, fetched as the browser would (its absolute href). */
    private static HttpResponse<byte[]> download(String selector) throws IOException, InterruptedException {
        assertThat(page.getAttribute(selector, "download")).as(selector + " is a download").isNotNull();
        String href = (String) page.evalOnSelector(selector, "a => a.href");
        assertThat(href).contains("/api/indicators/panel?").contains("indicator=gdp").contains("measure=growth_pct");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(href).isEqualTo(200);
        return r;
    }
}
