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
import java.util.List;

/**
 * The three indices, each a versioned name behind an alias: {@code passages-v1} behind {@code passages}.
 * Writers write to their own version; readers read the alias. A new version is filled beside the old one
 * (by replaying the topics) and the aliases are switched at once, so search never goes down.
 */
public final class IndexLayout {
    public static final List<String> KINDS = List.of("reports", "passages", "facts");

    private final String prefix;
    private final int version;

    public IndexLayout(String prefix, int version) {
        this.prefix = prefix == null ? "" : prefix;
        this.version = version;
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

    /**
     * Puts the index templates (settings and mappings from the JSON resources beside this class), creates
     * this version's indices, and points the aliases at them when no alias exists yet.
     */
    public void ensure(ElasticsearchClient client) throws IOException {
        for (String kind : KINDS) {
            ObjectNode body = (ObjectNode) Json.mapper().readTree(resource(kind));
            ObjectNode template = Json.mapper().createObjectNode();
            template.putArray("index_patterns").add(prefix + kind + "-v*");
            template.set("template", body);
            template.put("priority", 100);
            String json = Json.mapper().writeValueAsString(template);
            client.indices().putIndexTemplate(t -> t.name(prefix + "zhibiao-" + kind).withJson(new StringReader(json)));
            if (!client.indices().exists(e -> e.index(index(kind))).value()) {
                try {
                    client.indices().create(c -> c.index(index(kind)));
                } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                    // another replica created it first
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
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

    /** Points every alias at this version, atomically, removing it from any other version. */
    public void switchAliases(ElasticsearchClient client) throws IOException {
        List<Action> actions = new ArrayList<>();
        for (String kind : KINDS) {
            actions.add(Action.of(a -> a.remove(r -> r.index(prefix + kind + "-v*").alias(alias(kind)))));
            actions.add(Action.of(a -> a.add(add -> add.index(index(kind)).alias(alias(kind)))));
        }
        client.indices().updateAliases(u -> u.actions(actions));
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
