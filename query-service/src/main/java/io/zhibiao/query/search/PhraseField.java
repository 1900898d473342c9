package io.zhibiao.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.json.JsonData;
import io.zhibiao.contracts.words.Bigrams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Map;

/**
 * Which field a Chinese search term is matched on. Indices created with the {@code bigrams} field say so in
 * their mapping's {@code _meta} ({@code phrases: bigrams}); over them a term of two or more Han characters is
 * the phrase of its bigrams. Over an index from an earlier release (which may hold documents without
 * bigrams), and for any other term, the phrase is matched one character per token on {@code text}. Both find
 * exactly the passages that hold the term as a substring. The answer is re-read every
 * {@value #RECHECK_SECONDS} s, so a reindex that switches the alias to a new version is noticed.
 */
@ApplicationScoped
public class PhraseField {
    static final String TEXT = "text";
    static final String BIGRAMS = "bigrams";
    static final long RECHECK_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(PhraseField.class);

    @Inject
    ElasticsearchClient client;

    /** The passages alias (another name in tests). */
    String alias = "passages";

    private volatile boolean bigrams;
    private volatile long checkedAt = Long.MIN_VALUE;

    /** The field and the query text that find the term as a substring of a passage. */
    public record Match(String field, String query) {
    }

    public Match of(String term) {
        String phrase = bigramsAvailable() ? Bigrams.phrase(term) : null;
        return phrase == null ? new Match(TEXT, term) : new Match(BIGRAMS, phrase);
    }

    boolean bigramsAvailable() {
        long now = System.nanoTime();
        if (checkedAt != Long.MIN_VALUE && now - checkedAt < RECHECK_SECONDS * 1_000_000_000L) {
            return bigrams;
        }
        try {
            GetMappingResponse mapping = client.indices().getMapping(g -> g.index(alias));
            boolean all = !mapping.mappings().isEmpty();
            for (var index : mapping.mappings().values()) {
                Map<String, JsonData> meta = index.mappings().meta();
                JsonData phrases = meta == null ? null : meta.get("phrases");
                all &= phrases != null && BIGRAMS.equals(phrases.to(String.class));
            }
            if (all != bigrams) {
                LOG.infof("Chinese phrases are matched on %s", all ? BIGRAMS : TEXT + " (one token per character)");
            }
            bigrams = all;
            checkedAt = now;
        } catch (IOException | RuntimeException e) {
            // Elasticsearch away or no index yet: the search itself will say so; keep what was known
            LOG.debugf("cannot read the passages mapping: %s", e);
        }
        return bigrams;
    }
}
