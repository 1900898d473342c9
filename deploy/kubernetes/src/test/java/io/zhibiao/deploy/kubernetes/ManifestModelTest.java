package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rendered manifest parses with the fabric8 Kubernetes model; core kinds with no unknown field. */
class ManifestModelTest {

    static Stream<String> variants() {
        return Manifests.VARIANTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void coreKindsParseToTheirTypedClassWithNoUnknownField(String variant) {
        Manifests manifests = Manifests.render(variant);
        List<String> problems = new ArrayList<>();
        for (JsonNode manifest : manifests.resources) {
            if (!KubernetesModel.isCore(manifest)) {
                continue;
            }
            String id = manifest.path("kind").asText() + "/" + Manifests.name(manifest);
            KubernetesResource parsed = KubernetesModel.parse(manifest);
            if (KubernetesModel.isGeneric(parsed)) {
                problems.add(id + ": " + manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText()
                        + " is no kind the Kubernetes model knows");
                continue;
            }
            KubernetesModel.unknownFields(parsed).forEach(f -> problems.add(id + ": unknown field " + f));
        }
        assertThat(problems).as(manifests + ": core manifests").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void customResourcesParseAsGenericResourcesOfTheOperatorsWeUse(String variant) {
        Manifests manifests = Manifests.render(variant);
        List<String> problems = new ArrayList<>();
        for (JsonNode manifest : manifests.resources) {
            if (KubernetesModel.isCore(manifest)) {
                continue;
            }
            String apiVersion = manifest.path("apiVersion").asText();
            String kind = manifest.path("kind").asText();
            KubernetesResource parsed = KubernetesModel.parse(manifest);
            if (!KubernetesModel.isGeneric(parsed)) {
                continue; // a kind fabric8 happens to model: fine as well
            }
            if (!KubernetesModel.CUSTOM_RESOURCES.getOrDefault(apiVersion, java.util.Set.of()).contains(kind)) {
                problems.add(apiVersion + " " + kind + " " + Manifests.name(manifest) + ": not a resource of Strimzi 1.x, ECK, "
                        + "CloudNativePG, KEDA or the Prometheus Operator");
            }
            if (!manifest.has("spec")) {
                problems.add(kind + " " + Manifests.name(manifest) + ": no spec");
            }
        }
        assertThat(problems).as(manifests + ": custom resources").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyResourceIsNamedAndInTheOverlaysNamespaceOnce(String variant) {
        Manifests manifests = Manifests.render(variant);
        String namespace = manifests.get("Namespace", manifests.variant.startsWith("prod") ? "zhibiao" : "zhibiao-dev")
                .path("metadata").path("name").asText();
        List<String> ids = new ArrayList<>();
        for (JsonNode r : manifests.resources) {
            assertThat(Manifests.name(r)).as("a resource without a name").isNotBlank();
            if (!r.path("kind").asText().equals("Namespace")) {
                assertThat(Manifests.namespace(r)).as(r.path("kind").asText() + " " + Manifests.name(r)).isEqualTo(namespace);
            }
            ids.add(r.path("apiVersion").asText() + "/" + r.path("kind").asText() + "/" + Manifests.name(r));
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theModelCatchesATypoInACoreKind() {
        JsonNode deployment = Manifests.render("dev").serviceDeployments().get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) Manifests.mainContainer(deployment)).put("readinesProbe", "x");
        assertThat(KubernetesModel.unknownFields(KubernetesModel.parse(deployment)))
                .anySatisfy(f -> assertThat(f).endsWith("containers[0].readinesProbe"));
    }
}
