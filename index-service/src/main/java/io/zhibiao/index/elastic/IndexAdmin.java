package io.zhibiao.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Bytes;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an operator needs to run a reindex: which versions of the indices exist, how full they are,
 * where the aliases point; switching the aliases to a version, and deleting a version nobody reads.
 */
public final class IndexAdmin {
    private final ElasticsearchClient client;
    private final IndexLayout layout;

    /** One index of ours. */
    public record IndexInfo(String name, String kind, int version, long documents, long storeBytes,
                            List<String> aliases) {
    }

    /** The indices by version, and the index each alias names. */
    public record Overview(int writing, Integer serving, Map<String, List<String>> aliases, List<IndexInfo> indices,
                           List<Integer> versions) {
    }

    /** Where the aliases pointed before a switch, and after. */
    public record Switch(int version, Map<String, List<String>> before, Map<String, List<String>> after) {
    }

    /** Asked for something the indices' state does not allow: the reason says what to do. */
    public static final class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message);
        }
    }

    public IndexAdmin(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    public Overview overview() throws IOException {
        Map<String, List<String>> aliases = aliases();
        List<IndexInfo> indices = new ArrayList<>();
        TreeSet<Integer> versions = new TreeSet<>();
        for (String kind : IndexLayout.KINDS) {
            List<IndicesRecord> records = client.cat().indices(c -> c.index(layout.prefix() + kind + "-v*")
                    .bytes(Bytes.Bytes)).indices();
            for (IndicesRecord r : records) {
                int version = layout.versionOf(r.index());
                if (version < 0) {
                    continue;
                }
                versions.add(version);
                List<String> on = new ArrayList<>();
                aliases.forEach((alias, targets) -> {
                    if (targets.contains(r.index())) {
                        on.add(alias);
                    }
                });
                indices.add(new IndexInfo(r.index(), kind, version, parse(r.docsCount()), parse(r.storeSize()), on));
            }
        }
        indices.sort(java.util.Comparator.comparing(IndexInfo::version).thenComparing(IndexInfo::kind));
        return new Overview(layout.version(), serving(aliases), aliases, indices, List.copyOf(versions));
    }

    /** The indices each alias (reports, passages, facts) names now; an alias that is missing names none. */
    public Map<String, List<String>> aliases() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (String kind : IndexLayout.KINDS) {
            String alias = layout.alias(kind);
            List<String> targets = new ArrayList<>();
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                targets.addAll(client.indices().getAlias(a -> a.name(alias)).aliases().keySet());
            }
            targets.sort(null);
            out.put(alias, targets);
        }
        return out;
    }

    /**
     * Points the three aliases at {@code version} in one atomic update, after a refresh so that the new
     * version serves everything it acknowledged. Refused when any of its indices is missing.
     */
    public Switch switchTo(int version) throws IOException {
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, not " + version);
        }
        IndexLayout target = layout.atVersion(version);
        for (String kind : IndexLayout.KINDS) {
            String index = target.index(kind);
            if (!client.indices().exists(e -> e.index(index)).value()) {
                throw new ConflictException(index + " does not exist: start an index-service with ZHIBIAO_INDEX_VERSION="
                        + version + " and let it catch up first");
            }
        }
        Map<String, List<String>> before = aliases();
        client.indices().refresh(r -> r.index(target.reports(), target.passages(), target.facts()));
        target.switchAliases(client);
        return new Switch(version, before, aliases());
    }

    /** Deletes the three indices of a version that no alias names (the old one, after a reindex). */
    public List<String> delete(int version) throws IOException {
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, not " + version);
        }
        IndexLayout target = layout.atVersion(version);
        Map<String, List<String>> aliases = aliases();
        for (String kind : IndexLayout.KINDS) {
            if (aliases.getOrDefault(target.alias(kind), List.of()).contains(target.index(kind))) {
                throw new ConflictException("alias " + target.alias(kind) + " still names " + target.index(kind)
                        + ": switch the aliases to another version first");
            }
        }
        if (version == layout.version()) {
            throw new ConflictException("this index-service writes version " + version + "; delete it from another one");
        }
        List<String> deleted = new ArrayList<>();
        for (String kind : IndexLayout.KINDS) {
            String index = target.index(kind);
            if (client.indices().exists(e -> e.index(index)).value()) {
                client.indices().delete(d -> d.index(index));
                deleted.add(index);
            }
            String template = target.template(kind);
            if (client.indices().existsIndexTemplate(t -> t.name(template)).value()) {
                client.indices().deleteIndexTemplate(t -> t.name(template));
            }
        }
        return deleted;
    }

    /** The version all three aliases name, or null when they disagree or are missing. */
    private Integer serving(Map<String, List<String>> aliases) {
        Integer version = null;
        for (String kind : IndexLayout.KINDS) {
            List<String> targets = aliases.getOrDefault(layout.alias(kind), List.of());
            if (targets.size() != 1) {
                return null;
            }
            int v = layout.versionOf(targets.get(0));
            if (version != null && version != v) {
                return null;
            }
            version = v;
        }
        return version;
    }

    private static long parse(String number) {
        try {
            return number == null ? 0 : Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
