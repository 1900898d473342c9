package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The manifests as an operator applies them: an overlay rendered by {@code kubectl kustomize}
 * (Kustomize built into kubectl, offline), one JSON tree per resource. Renders are cached per run.
 */
final class Manifests {
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** What the tests render: the two overlays, and each with a reindex running (components/index-version-2). */
    static final List<String> VARIANTS = List.of("dev", "prod", "dev+index-version-2", "prod+index-version-2");

    /** The base alone (no overlay, no namespace): what every overlay starts from. */
    static final String BASE = "base";

    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();
    private static Boolean kubectl;

    /** The kubectl to render with: on the PATH, or -Dzhibiao.kubectl=/path/to/kubectl. */
    static String kubectlCommand() {
        return System.getProperty("zhibiao.kubectl", "kubectl");
    }

    final String variant;
    final List<JsonNode> resources;

    private Manifests(String variant, List<JsonNode> resources) {
        this.variant = variant;
        this.resources = resources;
    }

    @Override
    public String toString() {
        return variant;
    }

    static boolean kubectlAvailable() {
        if (kubectl == null) {
            try {
                Process p = new ProcessBuilder(kubectlCommand(), "version", "--client").redirectErrorStream(true).start();
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                kubectl = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                kubectl = false;
            }
        }
        return kubectl;
    }

    /** Skips the calling test (with the reason) where kubectl is missing; the file-level tests still run. */
    static void assumeKubectl() {
        Assumptions.assumeTrue(kubectlAvailable(),
                "kubectl (" + kubectlCommand() + ") is not available: the overlays are not rendered here, so the "
                        + "cross-checks on them are skipped; ManifestFilesTest still reads the base and component files directly");
    }

    static Manifests render(String variant) {
        assumeKubectl();
        return CACHE.computeIfAbsent(variant, Manifests::doRender);
    }

    private static Manifests doRender(String variant) {
        if (variant.equals(BASE)) {
            return new Manifests(variant, parse(kustomize(Project.module().resolve("base"))));
        }
        Path dir;
        String[] parts = variant.split("\\+");
        Path overlay = Project.module().resolve("overlays").resolve(parts[0]);
        if (parts.length == 1) {
            dir = overlay;
        } else {
            dir = overlayWithComponent(overlay, parts[1]);
        }
        return new Manifests(variant, parse(kustomize(dir)));
    }

    /**
     * A copy of an overlay with one more component, as an operator adds it: in target/, at the same depth
     * below the module as overlays/NAME, so the overlay's relative paths work with one more "../".
     */
    private static Path overlayWithComponent(Path overlay, String component) {
        try {
            Path copy = Project.module().resolve("target/kustomize").resolve(overlay.getFileName() + "-" + component);
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(overlay)) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f);
                    if (f.getFileName().toString().equals("kustomization.yaml")) {
                        ObjectNode k = (ObjectNode) YAML.readTree(text.replace("../../", "../../../"));
                        ArrayNode components = k.has("components") ? (ArrayNode) k.get("components") : k.putArray("components");
                        components.add("../../../components/" + component);
                        text = YAML.writeValueAsString(k);
                    }
                    Files.writeString(copy.resolve(f.getFileName()), text);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kustomize(Path dir) {
        try {
            File err = File.createTempFile("kustomize", ".err");
            err.deleteOnExit();
            Process p = new ProcessBuilder(kubectlCommand(), "kustomize", dir.toString())
                    .redirectError(err)
                    .start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " took more than 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + Files.readString(err.toPath()));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every non-empty document of a YAML stream. */
    static List<JsonNode> parse(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(new YAMLFactory().createParser(yaml))) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                        docs.add(doc);
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- queries

    List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(variant + ": no " + kind + " " + name));
    }

    static String name(JsonNode r) {
        return r.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode r) {
        return r.path("metadata").path("namespace").asText();
    }

    static String label(JsonNode r, String label) {
        return r.path("metadata").path("labels").path(label).asText(null);
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    /** The Deployments of the Zhibiao services (not the operators' workloads, which this project does not write). */
    List<JsonNode> serviceDeployments() {
        return ofKind("Deployment").stream().filter(d -> "zhibiao".equals(label(d, "system"))).toList();
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static JsonNode mainContainer(JsonNode deployment) {
        return podSpec(deployment).path("containers").path(0);
    }

    /** The service (module) a Deployment runs, from its application label. */
    static String service(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels").path("application").asText();
    }

    /**
     * The environment a Deployment's main container gets: the ConfigMaps it takes whole (envFrom),
     * then its own env entries, which win. Secret values are not in the manifests: their names map to
     * the placeholder "(secret)".
     */
    Map<String, String> environment(JsonNode deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode container = mainContainer(deployment);
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                JsonNode cm = get("ConfigMap", from.path("configMapRef").path("name").asText());
                cm.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "(secret)");
        }
        return env;
    }
}
