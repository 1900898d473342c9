package io.zhibiao.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhibiao.contracts.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three indices, each a versioned name behind an alias: {@code passages-v1} behind {@code passages}.
 * Writers write to their own version; readers read the alias. A new version is filled beside the old one
 * (by replaying the topics) and the aliases are switched at once, so search never goes down.
 */
public final class IndexLayout {
    public static final List<String> KINDS = List.of("reports", "passages", "facts");

    private final String prefix;
    private final int version;
    private final Integer replicas;

    public IndexLayout(String prefix, int version) {
        this(prefix, version, null);
    }

    /**
     * @param replicas copies of each shard besides the primary (0 on one node, 1 or more on a cluster: a node
     *                 can then go without losing a shard); null keeps what the JSON resources say (0)
     */
    public IndexLayout(String prefix, int version, Integer replicas) {
        this.prefix = prefix == null ? "" : prefix;
        this.version = version;
        if (replicas != null && replicas < 0) {
            throw new IllegalArgumentException("zhibiao.index.replicas must be 0 or more, not " + replicas);
        }
        this.replicas = replicas;
    }

    /** The replicas of each shard this layout asks for, or null for the resources' own setting. */
    public Integer replicas() {
        return replicas;
    }

    public int version() {
        return version;
    }

    public String alias(String kind) {
        return prefix + kind;
    }

    public String index(String kind) {
        return prefix + kind + "-v" + version;
    }

    public String reports() {
        return index("reports");
    }

    public String passages() {
        return index("passages");
    }

    public String facts() {
        return index("facts");
    }

    /** The name of this version's index template of one kind: one template per version and kind. */
    public String template(String kind) {
        return prefix + "zhibiao-" + kind + "-v" + version;
    }

    /**
     * Puts the index templates (settings and mappings from the JSON resources beside this class), creates
     * this version's indices, and points the aliases at them when no alias exists yet. Each version has a
     * template of its own that matches exactly its index, so an older instance that restarts during a
     * reindex cannot put its mappings on the new version's indices.
     */
    public void ensure(ElasticsearchClient client) throws IOException {
        for (String kind : KINDS) {
            // the template of the first releases matched every version (kind-v*); it would overlap
            String legacy = prefix + "zhibiao-" + kind;
            if (client.indices().existsIndexTemplate(t -> t.name(legacy)).value()) {
                client.indices().deleteIndexTemplate(t -> t.name(legacy));
            }
            ObjectNode body = (ObjectNode) Json.mapper().readTree(resource(kind));
            if (replicas != null) {
                ((ObjectNode) body.path("settings")).put("number_of_replicas", replicas);
            }
            ObjectNode template = Json.mapper().createObjectNode();
            template.putArray("index_patterns").add(index(kind));
            template.set("template", body);
            template.put("priority", 100);
            ObjectNode meta = template.putObject("_meta");
            meta.put("kind", kind);
            meta.put("version", version);
            String json = Json.mapper().writeValueAsString(template);
            client.indices().putIndexTemplate(t -> t.name(template(kind)).withJson(new StringReader(json)));
            if (!client.indices().exists(e -> e.index(index(kind))).value()) {
                try {
                    client.indices().create(c -> c.index(index(kind)));
                } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                    // another replica created it first
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            } else if (replicas != null) {
                // a dynamic setting: an index made on one node gets its replicas once the cluster has room
                String index = index(kind);
                client.indices().putSettings(s -> s.index(index).settings(x -> x.numberOfReplicas(String.valueOf(replicas))));
            }
        }
        List<Action> actions = new ArrayList<>();
        for (String kind : KINDS) {
            if (!client.indices().existsAlias(a -> a.name(alias(kind))).value()) {
                actions.add(Action.of(a -> a.add(add -> add.index(index(kind)).alias(alias(kind)))));
            }
        }
        if (!actions.isEmpty()) {
            client.indices().updateAliases(u -> u.actions(actions));
        }
    }

    /**
     * The fields of this release's mappings that the existing indices of this version lack, by kind (empty when
     * they have them all). An index keeps the mapping it was created with: one made by an earlier release lacks
     * the fields added since, and as its mapping is strict it refuses every document that has one of them (the
     * event is dead-lettered). A mapping change is a reindex into a new version (docs/SEARCH.md), not a change
     * in place; this only says that one is due.
     */
    public Map<String, List<String>> missingFields(ElasticsearchClient client) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String kind : KINDS) {
            String name = index(kind);
            if (!client.indices().exists(e -> e.index(name)).value()) {
                continue;
            }
            var existing = client.indices().getMapping(g -> g.index(name)).get(name);
            Set<String> have = existing == null ? Set.of() : existing.mappings().properties().keySet();
            List<String> missing = new ArrayList<>();
            Json.mapper().readTree(resource(kind)).path("mappings").path("properties").fieldNames()
                    .forEachRemaining(field -> {
                        if (!have.contains(field)) {
                            missing.add(field);
                        }
                    });
            if (!missing.isEmpty()) {
                out.put(kind, missing);
            }
        }
        return out;
    }

    /** True when all three indices of this version exist. */
    public boolean exists(ElasticsearchClient client) throws IOException {
        for (String kind : KINDS) {
            if (!client.indices().exists(e -> e.index(index(kind))).value()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Points every alias at this version, atomically, removing it from any other version: one alias
     * update, so a search sees either the old version or the new one, never none.
     */
    public void switchAliases(ElasticsearchClient client) throws IOException {
        List<Action> actions = new ArrayList<>();
        for (String kind : KINDS) {
            actions.add(Action.of(a -> a.remove(r -> r.index(prefix + kind + "-v*").alias(alias(kind)).mustExist(false))));
            actions.add(Action.of(a -> a.add(add -> add.index(index(kind)).alias(alias(kind)))));
        }
        client.indices().updateAliases(u -> u.actions(actions));
    }

    /** The version an index name stands for ({@code passages-v12} → 12), or -1 when it is none of ours. */
    public int versionOf(String index) {
        for (String kind : KINDS) {
            String head = prefix + kind + "-v";
            if (index.startsWith(head)) {
                try {
                    return Integer.parseInt(index.substring(head.length()));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The same layout at another version. */
    public IndexLayout atVersion(int other) {
        return new IndexLayout(prefix, other, replicas);
    }

    public String prefix() {
        return prefix;
    }

    static String resource(String kind) {
        try (InputStream in = IndexLayout.class.getResourceAsStream("/elasticsearch/" + kind + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource elasticsearch/" + kind + ".json");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
