package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' Deployments as Kubernetes runs them: ports and probes where the services listen,
 * a locked-down security context, resources, labels and selectors that hold together, and one image
 * name and tag per service that the Dockerfiles and the docs agree on.
 */
class WorkloadTest {
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    static Stream<String> variants() {
        return Manifests.VARIANTS.stream();
    }

    static int httpPort(Manifests manifests, JsonNode deployment) {
        return ServiceConfig.load(Manifests.service(deployment)).httpPort(manifests.environment(deployment));
    }

    static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return Manifests.stream(container.path("ports")).filter(p -> p.path("name").asText().equals(port.asText()))
                .mapToInt(p -> p.path("containerPort").asInt()).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void probesMetricsAndServicesUseThePortTheServiceListensOn(String variant) {
        Manifests manifests = Manifests.render(variant);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String app = Manifests.name(deployment);
            int port = httpPort(manifests, deployment);
            JsonNode container = Manifests.mainContainer(deployment);
            assertThat(resolvePort(container, Manifests.JSON.getNodeFactory().textNode("http"))).as(app + " port http").isEqualTo(port);
            Set<String> paths = new TreeSet<>();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                assertThat(get.isMissingNode()).as(app + " has an HTTP " + probe).isFalse();
                assertThat(resolvePort(container, get.path("port"))).as(app + " " + probe + " port").isEqualTo(port);
                paths.add(get.path("path").asText());
            }
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(HEALTH_PATHS).containsAll(paths);

            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            String metricsPath = ServiceConfig.load(Manifests.service(deployment)).fileKeys
                    .getOrDefault("quarkus.micrometer.export.prometheus.path", "/q/metrics");
            assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/port").asText()).as(app).isEqualTo(String.valueOf(port));
            assertThat(annotations.path("prometheus.io/path").asText()).as(app).isEqualTo(metricsPath);

            assertThat(Dockerfile.of(Manifests.service(deployment)).instructions("EXPOSE")).as(app + " Dockerfile.jvm EXPOSE")
                    .containsExactly(String.valueOf(port));
        }
        for (JsonNode service : manifests.ofKind("Service")) {
            JsonNode deployment = selectedDeployment(manifests, service.path("spec").path("selector"), "Service " + Manifests.name(service));
            JsonNode container = Manifests.mainContainer(deployment);
            for (JsonNode port : service.path("spec").path("ports")) {
                assertThat(resolvePort(container, port.path("targetPort"))).isEqualTo(httpPort(manifests, deployment));
                assertThat(port.path("port").asInt()).as("Service " + Manifests.name(service) + " on the service's own port")
                        .isEqualTo(httpPort(manifests, deployment));
            }
        }
        manifests.find("PodMonitor", "zhibiao-services").ifPresent(monitor -> {
            for (JsonNode deployment : manifests.serviceDeployments()) {
                String metricsPath = ServiceConfig.load(Manifests.service(deployment)).fileKeys
                        .getOrDefault("quarkus.micrometer.export.prometheus.path", "/q/metrics");
                JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").path(0);
                assertThat(resolvePort(Manifests.mainContainer(deployment), endpoint.path("port"))).isEqualTo(httpPort(manifests, deployment));
                assertThat(endpoint.path("path").asText()).isEqualTo(metricsPath);
                assertThat(monitor.path("spec").path("selector").path("matchExpressions").path(0).path("values").toString())
                        .as("PodMonitor selects " + Manifests.name(deployment)).contains("\"" + Manifests.service(deployment) + "\"");
            }
        });
    }

    /** The one Deployment whose pods a selector picks. */
    static JsonNode selectedDeployment(Manifests manifests, JsonNode matchLabels, String by) {
        List<JsonNode> selected = manifests.serviceDeployments().stream()
                .filter(d -> matches(matchLabels, d.path("spec").path("template").path("metadata").path("labels"))).toList();
        assertThat(selected).as(by + " selects the pods of exactly one Deployment").hasSize(1);
        return selected.get(0);
    }

    static boolean matches(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) matchLabels::fields) {
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void labelsAndSelectorsHoldTogetherAndEveryDeploymentHasADisruptionBudget(String variant) {
        Manifests manifests = Manifests.render(variant);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String app = Manifests.name(deployment);
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            for (JsonNode labelled : List.of(deployment.path("metadata").path("labels"), podLabels)) {
                assertThat(labelled.path("app").asText()).as(app + " label app").isEqualTo(app);
                assertThat(labelled.path("application").asText()).as(app + " label application").isIn(Project.SERVICES);
                assertThat(labelled.path("system").asText()).as(app + " label system").isEqualTo("zhibiao");
            }
            assertThat(matches(deployment.path("spec").path("selector").path("matchLabels"), podLabels)).as(app + " selector").isTrue();
            for (JsonNode spread : Manifests.podSpec(deployment).path("topologySpreadConstraints")) {
                assertThat(selectedDeployment(manifests, spread.path("labelSelector").path("matchLabels"), app + " topology spread"))
                        .isSameAs(deployment);
            }
        }
        List<String> budgeted = new ArrayList<>();
        for (JsonNode pdb : manifests.ofKind("PodDisruptionBudget")) {
            JsonNode deployment = selectedDeployment(manifests, pdb.path("spec").path("selector").path("matchLabels"),
                    "PodDisruptionBudget " + Manifests.name(pdb));
            budgeted.add(Manifests.name(deployment));
            // a budget that allows no disruption at all would block every node drain
            assertThat(pdb.path("spec").path("maxUnavailable").asInt()).as(Manifests.name(pdb)).isGreaterThanOrEqualTo(1);
        }
        assertThat(budgeted).containsExactlyInAnyOrderElementsOf(manifests.serviceDeployments().stream().map(Manifests::name).toList());
        for (String kind : List.of("ConfigMap", "Service", "PodDisruptionBudget", "ScaledObject")) {
            for (JsonNode r : manifests.ofKind(kind)) {
                for (String label : List.of("app", "application", "system")) {
                    assertThat(Manifests.label(r, label)).as(kind + " " + Manifests.name(r) + " label " + label).isNotBlank();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void podsRunAsTheImagesNonRootUserOnAReadOnlyRootWithAWritableTmp(String variant) {
        Manifests manifests = Manifests.render(variant);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String app = Manifests.name(deployment);
            JsonNode pod = Manifests.podSpec(deployment);
            // the user the container runs as: the image's last USER (ingest's installs Tesseract as root first)
            List<String> users = Dockerfile.of(Manifests.service(deployment)).instructions("USER");
            String imageUser = users.get(users.size() - 1);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(app + " runAsNonRoot").isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asText()).as(app + " runAsUser = Dockerfile USER").isEqualTo(imageUser);
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(app + " mounts no API token").isFalse();
            String tmpVolume = null;
            for (JsonNode v : pod.path("volumes")) {
                if (v.has("emptyDir") && v.path("name").asText().equals("tmp")) {
                    tmpVolume = v.path("name").asText();
                }
            }
            assertThat(tmpVolume).as(app + " has an emptyDir volume tmp").isNotNull();
            List<JsonNode> containers = new ArrayList<>();
            pod.path("containers").forEach(containers::add);
            pod.path("initContainers").forEach(containers::add);
            for (JsonNode c : containers) {
                String id = app + "/" + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(id + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(id + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.path("capabilities").path("drop").toString()).as(id + " drops all capabilities").contains("\"ALL\"");
                assertThat(Manifests.stream(c.path("volumeMounts"))
                        .anyMatch(m -> m.path("mountPath").asText().equals("/tmp") && m.path("name").asText().equals("tmp")))
                        .as(id + " mounts the emptyDir on /tmp").isTrue();
                assertThat(c.path("resources").path("requests").path("cpu").isMissingNode()).as(id + " requests cpu").isFalse();
                assertThat(c.path("resources").path("requests").path("memory").isMissingNode()).as(id + " requests memory").isFalse();
                assertThat(c.path("resources").path("limits").path("memory").isMissingNode()).as(id + " limits memory").isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyContainerRunsItsServicesImageAtTheProjectsVersion(String variant) {
        Manifests manifests = Manifests.render(variant);
        String tag = Project.releaseVersion();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String service = Manifests.service(deployment);
            List<JsonNode> containers = new ArrayList<>();
            Manifests.podSpec(deployment).path("containers").forEach(containers::add);
            Manifests.podSpec(deployment).path("initContainers").forEach(containers::add);
            for (JsonNode c : containers) {
                assertThat(c.path("image").asText()).as(Manifests.name(deployment) + "/" + c.path("name").asText())
                        .isEqualTo(Project.IMAGE_REGISTRY + service + ":" + tag);
            }
        }
    }

    @Test
    void dockerfilesPackageTheQuarkusAppOfTheirOwnServiceFromTheRepositoryRoot() throws IOException {
        String dockerignore = Files.readString(Project.root().resolve(".dockerignore"));
        for (String service : Project.SERVICES) {
            Dockerfile dockerfile = Dockerfile.of(service);
            assertThat(dockerfile.instructions("FROM")).hasSize(1);
            List<String> copies = dockerfile.instructions("COPY");
            assertThat(copies).as(service + " COPY").isNotEmpty().allSatisfy(copy ->
                    assertThat(copy.split("\\s+")[copy.startsWith("--") ? 1 : 0]).startsWith(service + "/target/quarkus-app/"));
            assertThat(dockerfile.env("JAVA_APP_JAR")).isEqualTo("/deployments/quarkus-run.jar");
            assertThat(dockerignore.lines()).as(".dockerignore lets the build context have it").contains("!" + service + "/target/quarkus-app/");
            // the documented build names the image the manifests run
            assertThat(String.join("\n", Files.readAllLines(Project.dockerfile(service))))
                    .contains("-t " + Project.IMAGE_REGISTRY + service + ":" + Project.releaseVersion());
        }
    }

    @Test
    void theOperationsGuideNamesEveryImageAndEveryVariableTheManifestsSet() throws IOException {
        String guide = Files.readString(Project.root().resolve("docs/OPERATIONS.md"));
        for (String service : Project.SERVICES) {
            assertThat(guide).contains(Project.IMAGE_REGISTRY + service);
        }
        Manifests prod = Manifests.render("prod");
        for (JsonNode deployment : prod.serviceDeployments()) {
            for (String env : prod.environment(deployment).keySet()) {
                assertThat(guide).as("docs/OPERATIONS.md explains " + env).contains(env);
            }
        }
    }
}
