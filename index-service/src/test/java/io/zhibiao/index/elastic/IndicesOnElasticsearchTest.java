package io.zhibiao.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.Pages;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.contracts.SegmentedReport.Paragraph;
import io.zhibiao.contracts.SegmentedReport.Section;
import io.zhibiao.stack.ElasticsearchServer;
import io.zhibiao.stack.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index layout, the indexer and the admin operations on a real Elasticsearch (the distribution
 * ./zhibiao up runs, without plugins), each test under a prefix of its own.
 */
class IndicesOnElasticsearchTest {
    static final String TEXT = "一、2023年工作回顾\n初步核算,地区生产总值增长5.4%。\n新能源汽车产业加快发展。";
    static final ReportMetadata META = new ReportMetadata("2024年锦州市政府工作报告",
            new Region("锦州市", "210700", "辽宁省", "prefecture"), "work_report", 2024, 2023, null, false,
            "file:samples/000.txt", "000.txt", 0, null, null);

    static ElasticsearchClient client;

    @BeforeAll
    static void connect() {
        ElasticsearchServer es = TestServers.elasticsearch();
        // the services' JSON mapping (java.time included), as Quarkus configures the client
        client = ElasticsearchClient.of(b -> b.host(es.url())
                .jsonMapper(new co.elastic.clients.json.jackson.JacksonJsonpMapper(io.zhibiao.contracts.Json.mapper())));
    }

    @AfterAll
    static void close() throws Exception {
        client.close();
    }

    static SegmentedReport report(String id, List<String> supersedes) {
        int p1 = TEXT.indexOf('\n') + 1;
        int p2 = TEXT.indexOf('\n', p1) + 1;
        return new SegmentedReport(id, META, TEXT, supersedes,
                List.of(new Section(0, null, 1, "一、2023年工作回顾", 0, TEXT.length())),
                List.of(new Paragraph(0, 0, p1 - 1, 0), new Paragraph(1, p1, p2 - 1, 0), new Paragraph(2, p2, TEXT.length(), 0)),
                List.of());
    }

    static ExtractedIndicators facts(String id, int count) {
        IndicatorFact gdp = new IndicatorFact("000.txt", id, "锦州市", "gdp", "actual", true, 2023, "growth_pct",
                5.4, null, "%", null, "初步核算,地区生产总值增长5.4%", 13, 30, 1);
        return new ExtractedIndicators(id, META, List.of(), java.util.Collections.nCopies(count, gdp));
    }

    static Indexer indexer(IndexLayout layout) {
        // tiny requests, so that every batch of these tests spans several bulk requests
        return new Indexer(client, layout, new BulkWriter(client, 1000, () -> false), new BulkBatches(2, 100_000));
    }

    static long count(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    @Test
    void startCreatesTemplatesIndicesAndAliasesOnce() throws IOException {
        IndexLayout v1 = new IndexLayout("t1-", 1);
        v1.ensure(client);
        v1.ensure(client);
        assertThat(new IndexAdmin(client, v1).aliases())
                .containsEntry("t1-reports", List.of("t1-reports-v1"))
                .containsEntry("t1-passages", List.of("t1-passages-v1"))
                .containsEntry("t1-facts", List.of("t1-facts-v1"));
        assertThat(client.indices().existsIndexTemplate(t -> t.name("t1-zhibiao-passages-v1")).value()).isTrue();
        // the per-character field and the words field, as the mapping says
        var mapping = client.indices().getMapping(m -> m.index("t1-passages-v1")).get("t1-passages-v1").mappings();
        assertThat(mapping.properties().get("text").text().analyzer()).isEqualTo("standard");
        assertThat(mapping.properties().get("words").text().analyzer()).isEqualTo("whitespace");
    }

    @Test
    void replicasAreSetOnNewIndicesAndOnThoseThatExist() throws IOException {
        new IndexLayout("t7-", 1).ensure(client);
        assertThat(replicas("t7-facts-v1")).isEqualTo("0");
        // the same version started on a cluster: its existing indices get the replica, and so does a new one
        new IndexLayout("t7-", 1, 1).ensure(client);
        for (String kind : IndexLayout.KINDS) {
            assertThat(replicas("t7-" + kind + "-v1")).as(kind).isEqualTo("1");
        }
        IndexLayout v2 = new IndexLayout("t7-", 1, 1).atVersion(2);
        v2.ensure(client);
        assertThat(replicas("t7-passages-v2")).isEqualTo("1");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new IndexLayout("t7-", 1, -1));
    }

    static String replicas(String index) throws IOException {
        return client.indices().getSettings(g -> g.index(index)).get(index).settings().index().numberOfReplicas();
    }

    @Test
    void writingTheSameEventTwiceChangesNothingAndANewVersionReplacesTheOld() throws IOException {
        IndexLayout layout = new IndexLayout("t2-", 1);
        layout.ensure(client);
        Indexer indexer = indexer(layout);
        List<Indexer.Outcome> first = indexer.indexText(List.of(report("old", List.of())));
        assertThat(first).singleElement().satisfies(o -> assertThat(o.refused()).isFalse());
        indexer.indexText(List.of(report("old", List.of())));
        indexer.indexFacts(List.of(facts("old", 3)));
        indexer.indexFacts(List.of(facts("old", 3)));
        assertThat(count("t2-reports-v1")).isEqualTo(1);
        assertThat(count("t2-passages-v1")).isEqualTo(3);
        assertThat(count("t2-facts-v1")).isEqualTo(3);

        // re-extracted with fewer facts: the extra ones go
        indexer.indexFacts(List.of(facts("old", 2)));
        assertThat(count("t2-facts-v1")).isEqualTo(2);

        // a corrected version of the report supersedes the old one: its report, passages and facts go
        indexer.indexText(List.of(report("new", List.of("old"))));
        indexer.indexFacts(List.of(new ExtractedIndicators("new", META, List.of("old"), facts("new", 1).facts())));
        assertThat(count("t2-reports-v1")).isEqualTo(1);
        assertThat(count("t2-passages-v1")).isEqualTo(3);
        assertThat(count("t2-facts-v1")).isEqualTo(1);
        assertThat(client.get(g -> g.index("t2-reports-v1").id("old"), Void.class).found()).isFalse();
        assertThat(client.get(g -> g.index("t2-passages-v1").id("new:p2"), Void.class).found()).isTrue();
    }

    @Test
    void aNewVersionFillsBesideTheOldUntilTheAliasesSwitchAtOnce() throws IOException {
        IndexLayout v1 = new IndexLayout("t3-", 1);
        v1.ensure(client);
        indexer(v1).indexText(List.of(report("a", List.of()), report("b", List.of())));

        IndexLayout v2 = v1.atVersion(2);
        v2.ensure(client);
        IndexAdmin admin = new IndexAdmin(client, v2);
        // a second version's start leaves the aliases where they are
        assertThat(admin.aliases()).containsEntry("t3-reports", List.of("t3-reports-v1"));
        assertThat(admin.overview().serving()).isEqualTo(1);
        indexer(v2).indexText(List.of(report("a", List.of()), report("b", List.of())));

        IndexAdmin.Switch s = admin.switchTo(2);
        assertThat(s.before()).containsEntry("t3-passages", List.of("t3-passages-v1"));
        assertThat(s.after()).containsEntry("t3-reports", List.of("t3-reports-v2"))
                .containsEntry("t3-passages", List.of("t3-passages-v2")).containsEntry("t3-facts", List.of("t3-facts-v2"));
        assertThat(count("t3-passages")).isEqualTo(6);
        IndexAdmin.Overview overview = admin.overview();
        assertThat(overview.serving()).isEqualTo(2);
        assertThat(overview.versions()).containsExactly(1, 2);
        assertThat(overview.indices()).filteredOn(i -> i.name().equals("t3-passages-v2")).singleElement()
                .satisfies(i -> {
                    assertThat(i.documents()).isEqualTo(6);
                    assertThat(i.storeBytes()).isPositive();
                    assertThat(i.aliases()).containsExactly("t3-passages");
                });

        // back and forth is the rollback
        admin.switchTo(1);
        assertThat(admin.aliases()).containsEntry("t3-facts", List.of("t3-facts-v1"));
        admin.switchTo(2);

        // the old version can go once nothing reads it; the served one cannot, nor a missing one be served
        assertThatThrownBy(() -> new IndexAdmin(client, v1).delete(2)).isInstanceOf(IndexAdmin.ConflictException.class)
                .hasMessageContaining("still names");
        assertThatThrownBy(() -> admin.switchTo(7)).isInstanceOf(IndexAdmin.ConflictException.class)
                .hasMessageContaining("t3-reports-v7 does not exist");
        assertThat(admin.delete(1)).containsExactly("t3-reports-v1", "t3-passages-v1", "t3-facts-v1");
        assertThat(admin.overview().versions()).containsExactly(2);
        assertThat(v1.versionOf("t3-passages-v12")).isEqualTo(12);
        assertThat(v1.versionOf("other")).isEqualTo(-1);
    }

    @Test
    void theFirstReleasesTemplateIsReplacedByOnePerVersion() throws IOException {
        // the first releases put one template for every version (kind-v*); it would overlap the new ones
        String legacy = "{\"index_patterns\":[\"t4-reports-v*\"],\"priority\":100,\"template\":{\"settings\":{\"number_of_replicas\":0}}}";
        client.indices().putIndexTemplate(t -> t.name("t4-zhibiao-reports").withJson(new java.io.StringReader(legacy)));
        new IndexLayout("t4-", 1).ensure(client);
        assertThat(client.indices().existsIndexTemplate(t -> t.name("t4-zhibiao-reports")).value()).isFalse();
        assertThat(client.indices().existsIndexTemplate(t -> t.name("t4-zhibiao-reports-v1")).value()).isTrue();
        Map<String, List<String>> aliases = new IndexAdmin(client, new IndexLayout("t4-", 1)).aliases();
        assertThat(aliases).containsEntry("t4-reports", List.of("t4-reports-v1"));
    }

    static final ReportMetadata PAGED = META.withPages(new Pages("pdf", 4, List.of(new Pages.Start(3, 0),
            new Pages.Start(4, TEXT.indexOf("新能源"))), List.of(4), 87.0));

    static SegmentedReport pagedReport(String id) {
        SegmentedReport r = report(id, List.of());
        return new SegmentedReport(id, PAGED, r.text(), r.supersedes(), r.sections(), r.paragraphs(), r.sentences());
    }

    @Test
    void theMappingsTakeThePagesOfAPagedReportAndStoreThePageStartsUnindexed() throws IOException {
        IndexLayout layout = new IndexLayout("t5-", 1);
        layout.ensure(client);
        assertThat(layout.missingFields(client)).isEmpty();
        Indexer indexer = indexer(layout);
        SegmentedReport paged = pagedReport("paged");
        assertThat(indexer.indexText(List.of(paged))).singleElement().satisfies(o -> assertThat(o.refusal()).isNull());
        IndicatorFact gdp = facts("paged", 1).facts().get(0).placedIn(paged);
        assertThat(indexer.indexFacts(List.of(new ExtractedIndicators("paged", PAGED, List.of(), List.of(gdp)))))
                .singleElement().satisfies(o -> assertThat(o.refusal()).isNull());
        // a text report beside it, without any of the fields
        indexer.indexText(List.of(report("text", List.of())));

        var report = client.get(g -> g.index("t5-reports-v1").id("paged"), com.fasterxml.jackson.databind.node.ObjectNode.class).source();
        assertThat(report.path("format").asText()).isEqualTo("pdf");
        assertThat(report.path("pageCount").asInt()).isEqualTo(4);
        assertThat(report.path("ocr").asBoolean()).isTrue();
        assertThat(report.path("ocrConfidence").asDouble()).isEqualTo(87.0);
        assertThat(report.path("pageStarts").toString()).isEqualTo("[3,0,4," + TEXT.indexOf("新能源") + "]");
        var passage = client.get(g -> g.index("t5-passages-v1").id("paged:p2"), com.fasterxml.jackson.databind.node.ObjectNode.class).source();
        assertThat(passage.path("page").asInt()).isEqualTo(4);
        assertThat(passage.path("ocr").asBoolean()).isTrue();
        var fact = client.get(g -> g.index("t5-facts-v1").id("paged:f0"), com.fasterxml.jackson.databind.node.ObjectNode.class).source();
        assertThat(fact.path("page").asInt()).isEqualTo(3);
        assertThat(fact.has("ocr")).isFalse();
        var text = client.get(g -> g.index("t5-reports-v1").id("text"), com.fasterxml.jackson.databind.node.ObjectNode.class).source();
        assertThat(text.has("format")).isFalse();
        assertThat(text.has("pageStarts")).isFalse();

        // the page starts are kept for the reader, not indexed: no query can use them
        client.indices().refresh(r -> r.index("t5-*"));
        assertThat(client.count(c -> c.index("t5-passages-v1").query(q -> q.term(t -> t.field("page").value(4)))).count())
                .isEqualTo(1);
        assertThat(client.count(c -> c.index("t5-reports-v1").query(q -> q.term(t -> t.field("ocr").value(true)))).count())
                .isEqualTo(1);
        assertThatThrownBy(() -> client.count(c -> c.index("t5-reports-v1").query(q -> q.term(t -> t.field("pageStarts").value(3)))))
                .isInstanceOf(co.elastic.clients.elasticsearch._types.ElasticsearchException.class);
    }

    @Test
    void anIndexMadeByAnEarlierReleaseLacksThePageFieldsAndRefusesThemUntilAReindex() throws IOException {
        // reports-v1 as the release before the pages made it: the same mapping without the page fields
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) io.zhibiao.contracts.Json.mapper()
                .readTree(IndexLayout.resource("reports"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.path("mappings").path("properties"))
                .remove(List.of("format", "pageCount", "ocr", "ocrConfidence", "pageStarts", "ocrPages"));
        String old = io.zhibiao.contracts.Json.write(body);
        client.indices().create(c -> c.index("t6-reports-v1").withJson(new java.io.StringReader(old)));
        IndexLayout v1 = new IndexLayout("t6-", 1);
        v1.ensure(client);
        assertThat(v1.missingFields(client)).containsOnlyKeys("reports").containsEntry("reports",
                List.of("format", "pageCount", "ocr", "ocrConfidence", "pageStarts", "ocrPages"));
        // a text report still goes in; a paged one is refused (its event is dead-lettered) ...
        assertThat(indexer(v1).indexText(List.of(report("text", List.of())))).singleElement()
                .satisfies(o -> assertThat(o.refused()).isFalse());
        assertThat(indexer(v1).indexText(List.of(pagedReport("paged")))).singleElement()
                .satisfies(o -> assertThat(o.refusal()).contains("strict"));
        // ... until a new version, made with this release's mappings, takes it
        IndexLayout v2 = v1.atVersion(2);
        v2.ensure(client);
        assertThat(v2.missingFields(client)).isEmpty();
        assertThat(indexer(v2).indexText(List.of(pagedReport("paged")))).singleElement()
                .satisfies(o -> assertThat(o.refused()).isFalse());
    }
}
