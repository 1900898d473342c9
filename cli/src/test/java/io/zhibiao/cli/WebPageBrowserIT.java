package io.zhibiao.cli;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.zhibiao.cli.StackEndToEndIT.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real browser against the real stack: Debian's headless Chromium driven by
 * Playwright (which downloads no browser of its own). A search, a facet click, a passage opened in its
 * report, the charts of targets against actuals and of a region's series, the indicator table and its
 * CSV; screenshots of each step in cli/target/screenshots.
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
}
