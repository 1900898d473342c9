package io.zhibiao.cli.load;

import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.index.documents.IndexDocuments;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import io.zhibiao.nlp.segment.ReportSegmenter;
import io.zhibiao.stack.StackLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected ids are the ids index-service gives: checked against its own IndexDocuments (index-service
 * is a provided dependency of this module, so its classes are here for the tests, never at run time).
 */
class IdSchemeTest {

    @Test
    void passageAndFactIdsAreIndexServicesIds() {
        Corpus corpus = CorpusGenerator.fromSamples(StackLayout.discover().samples()).generate(6, 5);
        ExpectedPipeline pipeline = new ExpectedPipeline();
        for (GeneratedReport r : corpus.reports()) {
            IngestedDocument doc = pipeline.ingest(r.toRawReport()).get(0);
            SegmentedReport segmented = ReportSegmenter.standard().segment(
                    new IngestedReport(doc.documentId(), doc.metadata(), doc.text(), List.of(), null));
            List<IndicatorFact> facts = IndicatorExtractor.standard().extract(segmented).stream()
                    .map(f -> f.placedIn(segmented)).toList();
            assertThat(IndexDocuments.passages(segmented).stream().map(IndexDocuments.Keyed::id).toList())
                    .isEqualTo(r.expected().passageIds());
            assertThat(IndexDocuments.facts(new ExtractedIndicators(doc.documentId(), doc.metadata(), List.of(), facts))
                    .stream().map(IndexDocuments.Keyed::id).toList())
                    .containsExactlyElementsOf(r.expected().facts().keySet().stream()
                            .sorted(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(id.indexOf(":f") + 2))))
                            .toList());
        }
    }
}
