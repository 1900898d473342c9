package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base and component files read directly, without kubectl: what still runs on a machine that has
 * no kubectl (the rendered checks are then skipped, saying so). Follows each kustomization's resources.
 */
class ManifestFilesTest {

    static List<JsonNode> resourcesOf(Path kustomizationDir) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        JsonNode kustomization = Manifests.YAML.readTree(kustomizationDir.resolve("kustomization.yaml").toFile());
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = kustomizationDir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                all.addAll(resourcesOf(path));
            } else {
                all.addAll(Manifests.parse(Files.readString(path)));
            }
        }
        return all;
    }

    static List<JsonNode> allFiles() throws IOException {
        List<JsonNode> all = new ArrayList<>(resourcesOf(Project.module().resolve("base")));
        for (String component : List.of("monitoring", "backups", "index-version-2")) {
            all.addAll(resourcesOf(Project.module().resolve("components").resolve(component)));
        }
        return all;
    }

    @Test
    void everyFileParsesWithTheKubernetesModelAndCoreKindsHaveNoUnknownField() throws IOException {
        List<String> problems = new ArrayList<>();
        List<JsonNode> resources = allFiles();
        assertThat(resources).hasSizeGreaterThan(40);
        for (JsonNode manifest : resources) {
            KubernetesResource parsed = KubernetesModel.parse(manifest);
            String id = manifest.path("kind").asText() + "/" + Manifests.name(manifest);
            if (KubernetesModel.isCore(manifest)) {
                if (KubernetesModel.isGeneric(parsed)) {
                    problems.add(id + ": not a kind of the Kubernetes model");
                }
                KubernetesModel.unknownFields(parsed).forEach(f -> problems.add(id + ": unknown field " + f));
            } else if (!KubernetesModel.CUSTOM_RESOURCES.getOrDefault(manifest.path("apiVersion").asText(), Set.of())
                    .contains(manifest.path("kind").asText())) {
                problems.add(id + ": unexpected " + manifest.path("apiVersion").asText());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theBaseDeclaresExactlyTheTopicsTheServicesUse() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (JsonNode r : resourcesOf(Project.module().resolve("base"))) {
            if (r.path("kind").asText().equals("KafkaTopic")) {
                declared.add(KafkaCrossCheckTest.topicName(r));
            }
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(KafkaCrossCheckTest.topicsInServiceConfiguration());
    }
}
