package io.zhibiao.cli.faults;

import io.zhibiao.cli.load.Corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Elasticsearch and the ledger hold, compared with what the corpus must have become: by id, for
 * the reports, passages and facts aliases, and what each fact says.
 *
 * @param expected   documents, passages, facts expected
 * @param found      documents, passages, facts found (hits, so an id found twice counts twice)
 * @param lost       expected ids that are missing, per alias
 * @param duplicated ids found more than once behind an alias, per alias
 * @param unexpected ids found that no report of the corpus should have made, per alias
 * @param wrongFacts facts whose content differs from the extractor's
 * @param wrongRegions reports indexed with another region than ingestion detected
 * @param notFinal   expected documents whose ledger status is not indexed (status → count)
 * @param examples   a few ids of each problem, for the message
 */
public record Verification(long[] expected, long[] found, long[] lost, long[] duplicated, long[] unexpected,
                           long wrongFacts, long wrongRegions, Map<String, Long> notFinal, List<String> examples) {

    static final String[] ALIASES = {"reports", "passages", "facts"};

    public long lostTotal() {
        return lost[0] + lost[1] + lost[2];
    }

    /** Ids found twice, or found where none should be. */
    public long duplicatedTotal() {
        return duplicated[0] + duplicated[1] + duplicated[2] + unexpected[0] + unexpected[1] + unexpected[2];
    }

    public long notFinalTotal() {
        return notFinal.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean exact() {
        return lostTotal() == 0 && duplicatedTotal() == 0 && wrongFacts == 0 && wrongRegions == 0 && notFinalTotal() == 0;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(String.format("%s %d/%d (lost %d, twice %d, unexpected %d); ", ALIASES[i], found[i], expected[i], lost[i],
                    duplicated[i], unexpected[i]));
        }
        sb.append("facts with other content ").append(wrongFacts).append(", reports with another region ").append(wrongRegions)
                .append(", documents not indexed in the ledger ").append(notFinal);
        if (!examples.isEmpty()) {
            sb.append("; e.g. ").append(String.join(", ", examples));
        }
        return sb.toString();
    }

    /**
     * Checks Elasticsearch by id and the ledger. With {@code perDocument}, every document's ledger status
     * is read; else the ledger's summary must count exactly the corpus, all indexed.
     */
    public static Verification check(Corpus corpus, PipelineProbe probe, boolean perDocument) {
        long[] expected = new long[3];
        long[] found = new long[3];
        long[] lost = new long[3];
        long[] duplicated = new long[3];
        long[] unexpected = new long[3];
        List<String> examples = new ArrayList<>();

        Set<String> docs = corpus.documentIds();
        Set<String> passages = corpus.passageIds();
        Map<String, String> facts = corpus.facts();
        Map<String, String> regions = corpus.regions();
        List<Set<String>> want = List.of(docs, passages, facts.keySet());
        List<List<String>> fields = List.of(List.of("region"), List.of(),
                List.of("indicator", "kind", "period", "measure", "value", "start", "end"));
        long wrongFacts = 0;
        long wrongRegions = 0;
        for (int i = 0; i < 3; i++) {
            List<PipelineProbe.Hit> hits = probe.all(ALIASES[i], fields.get(i));
            expected[i] = want.get(i).size();
            found[i] = hits.size();
            Set<String> seen = new HashSet<>();
            for (PipelineProbe.Hit h : hits) {
                if (!seen.add(h.id())) {
                    duplicated[i]++;
                    example(examples, "twice in " + ALIASES[i] + ": " + h.id());
                } else if (!want.get(i).contains(h.id())) {
                    unexpected[i]++;
                    example(examples, "unexpected in " + ALIASES[i] + ": " + h.id() + " (" + h.index() + ")");
                } else if (i == 0 && !java.util.Objects.equals(regions.get(h.id()), h.source().path("region").asText(null))) {
                    wrongRegions++;
                    example(examples, "region of " + h.id() + ": " + h.source().path("region").asText(null));
                } else if (i == 2 && !facts.get(h.id()).equals(PipelineProbe.factSignature(h.source()))) {
                    wrongFacts++;
                    example(examples, "fact " + h.id() + " is " + PipelineProbe.factSignature(h.source())
                            + ", expected " + facts.get(h.id()));
                }
            }
            for (String id : want.get(i)) {
                if (!seen.contains(id)) {
                    lost[i]++;
                    example(examples, "lost from " + ALIASES[i] + ": " + id);
                }
            }
        }

        Map<String, Long> notFinal = new HashMap<>();
        if (perDocument) {
            for (String id : docs) {
                String status = probe.status(id);
                if (!"indexed".equals(status)) {
                    notFinal.merge(status, 1L, Long::sum);
                    example(examples, "ledger: " + probe.statusDetail(id));
                }
            }
        } else {
            PipelineProbe.Ledger ledger = probe.ledger();
            if (ledger.documents() != docs.size() || ledger.count("indexed") != docs.size()) {
                ledger.byStatus().forEach((status, n) -> {
                    if (!"indexed".equals(status)) {
                        notFinal.put(status, n);
                    }
                });
                if (ledger.documents() != docs.size()) {
                    notFinal.put("documents in the ledger: " + ledger.documents() + " of " + docs.size(), 1L);
                }
            }
        }
        return new Verification(expected, found, lost, duplicated, unexpected, wrongFacts, wrongRegions, notFinal, examples);
    }

    private static void example(List<String> examples, String s) {
        if (examples.size() < 8) {
            examples.add(s);
        }
    }

    /** Counts by key, for messages. */
    static Map<String, Long> count(List<String> keys) {
        Map<String, Long> out = new HashMap<>();
        keys.forEach(k -> out.merge(k, 1L, Long::sum));
        return out;
    }
}
