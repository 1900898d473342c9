package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Deployments tell the services is something the services read: every environment variable
 * (set directly or through the ConfigMap) maps to a key of the service's application.properties, or to
 * a key Quarkus, SmallRye or the Kafka client defines that is listed below with its reason. Secrets come
 * from where the operators write them, and never sit in a ConfigMap.
 */
class ConfigurationCrossCheckTest {

    /**
     * Keys a Deployment may set that the services' files do not hold. Each is defined by a library the
     * service has, and is allowed only for a service that uses that library (its file has a key of the
     * same family: kafka.*, quarkus.elasticsearch.*).
     */
    static final Map<String, String> DEFINED_ELSEWHERE = Map.of(
            // the Kafka client's own properties; Quarkus passes every KAFKA_* variable to all channels
            // (KafkaRuntimeConfigProducer: KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config)
            "kafka.security.protocol", "SASL_SSL on the Strimzi listener tls",
            "kafka.sasl.mechanism", "SCRAM-SHA-512, the KafkaUsers' authentication",
            "kafka.sasl.jaas.config", "the KafkaUser's credentials, from the Secret Strimzi writes",
            "kafka.ssl.truststore.type", "PEM: the Strimzi cluster CA as Strimzi writes it",
            "kafka.ssl.truststore.location", "the mounted Strimzi cluster CA",
            // the Quarkus Elasticsearch client (quarkus-elasticsearch-rest-client configuration)
            "quarkus.elasticsearch.protocol", "https: ECK serves TLS",
            "quarkus.elasticsearch.username", "the service's file-realm user, from its Secret",
            "quarkus.elasticsearch.password", "the service's file-realm user, from its Secret");

    /** Variables for the image, not the application: run-java.sh of the UBI OpenJDK runtime image. */
    static final Map<String, String> IMAGE_VARIABLES = Map.of(
            "JAVA_OPTS_APPEND", "JVM options: the image's defaults plus the Elasticsearch trust store");

    private static final Pattern SECRET_LIKE = Pattern.compile("PASSWORD|SECRET|JAAS|TOKEN|API_KEY|CREDENTIAL|PRIVATE");
    private static final Pattern MOUNTED_FILE = Pattern.compile("/etc/zhibiao/[A-Za-z0-9._/-]+");

    static Stream<String> variants() {
        return Manifests.VARIANTS.stream();
    }

    static String family(String key) {
        String[] parts = key.split("\\.");
        return parts[0].equals("quarkus") ? parts[0] + "." + parts[1] + "." : parts[0] + ".";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyEnvironmentVariableMapsToARealConfigKeyOfItsService(String variant) {
        Manifests manifests = Manifests.render(variant);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String service = Manifests.service(deployment);
            assertThat(Project.SERVICES).as(Manifests.name(deployment) + "'s application label").contains(service);
            ServiceConfig config = ServiceConfig.load(service);
            Set<String> families = new HashSet<>();
            config.fileKeys.keySet().forEach(k -> families.add(family(k)));
            for (String env : manifests.environment(deployment).keySet()) {
                if (config.keyForEnv(env).isPresent() || IMAGE_VARIABLES.containsKey(env)) {
                    continue;
                }
                boolean definedElsewhere = DEFINED_ELSEWHERE.keySet().stream()
                        .anyMatch(k -> ServiceConfig.envName(k).equals(env) && families.contains(family(k)));
                if (!definedElsewhere) {
                    problems.add(Manifests.name(deployment) + ": " + env + " is no key of " + service
                            + "/src/main/resources/application.properties nor of DEFINED_ELSEWHERE");
                }
            }
        }
        assertThat(problems).as(manifests.variant).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void configMapsAreNamedForTheirAppHoldNoSecretAndAreAllUsed(String variant) {
        Manifests manifests = Manifests.render(variant);
        Set<String> used = new HashSet<>();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String app = Manifests.label(deployment, "app");
            String service = Manifests.service(deployment);
            for (JsonNode from : Manifests.mainContainer(deployment).path("envFrom")) {
                if (from.has("configMapRef")) {
                    String name = from.path("configMapRef").path("name").asText();
                    assertThat(name).as(app).isIn(app + "-config", service + "-config");
                    used.add(name);
                } else {
                    // credentials the operator adds (ZHIBIAO_INGEST_API_KEYS, ...); optional, never committed
                    assertThat(from.path("secretRef").path("name").asText()).as(app).isIn(app + "-config-creds", service + "-config-creds");
                    assertThat(from.path("secretRef").path("optional").asBoolean()).as(app + "-config-creds optional").isTrue();
                }
            }
        }
        for (JsonNode cm : manifests.ofKind("ConfigMap")) {
            assertThat(used).as("ConfigMaps used by a Deployment").contains(Manifests.name(cm));
            cm.path("data").fieldNames().forEachRemaining(key ->
                    assertThat(SECRET_LIKE.matcher(key).find()).as(Manifests.name(cm) + " holds " + key + ": a secret").isFalse());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void secretsAreTheOnesTheOperatorsWrite(String variant) {
        Manifests manifests = Manifests.render(variant);
        Set<String> kafkaScramUsers = new HashSet<>();
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            if (user.path("spec").path("authentication").path("type").asText().equals("scram-sha-512")) {
                kafkaScramUsers.add(Manifests.name(user));
            }
        }
        Set<String> ledgerSecrets = new HashSet<>();
        Set<String> caSecrets = new HashSet<>();
        manifests.ofKind("Cluster").forEach(c -> {
            ledgerSecrets.add(Manifests.name(c) + "-app");
            caSecrets.add(Manifests.name(c) + "-ca");
        });
        manifests.ofKind("Kafka").forEach(k -> caSecrets.add(Manifests.name(k) + "-cluster-ca-cert"));
        manifests.ofKind("Elasticsearch").forEach(es -> caSecrets.add(Manifests.name(es) + "-es-http-certs-public"));
        Set<String> esUsers = new HashSet<>();
        manifests.ofKind("Elasticsearch").forEach(es ->
                es.path("spec").path("auth").path("fileRealm").forEach(r -> esUsers.add(r.path("secretName").asText())));

        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String app = Manifests.name(deployment);
            for (JsonNode env : Manifests.mainContainer(deployment).path("env")) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                if (ref.isMissingNode()) {
                    continue;
                }
                String secret = ref.path("name").asText();
                String key = ref.path("key").asText();
                boolean known = (kafkaScramUsers.contains(secret) && key.equals("sasl.jaas.config"))
                        || (ledgerSecrets.contains(secret) && Set.of("username", "password").contains(key))
                        || (esUsers.contains(secret) && Set.of("username", "password").contains(key));
                if (!known) {
                    problems.add(app + ": " + env.path("name").asText() + " from " + secret + "/" + key
                            + " is no Secret a KafkaUser, the CloudNativePG cluster or the Elasticsearch file realm has");
                }
            }
            for (JsonNode volume : Manifests.podSpec(deployment).path("volumes")) {
                if (volume.has("secret")) {
                    String secret = volume.path("secret").path("secretName").asText();
                    if (!caSecrets.contains(secret)) {
                        problems.add(app + ": volume from Secret " + secret + ", which is no operator's CA");
                    }
                }
            }
        }
        assertThat(problems).as(manifests.variant).isEmpty();
        // the only Secret in the manifests: Elasticsearch role definitions, which are not secret
        assertThat(manifests.ofKind("Secret")).extracting(Manifests::name).containsExactly("zhibiao-es-roles");
        assertThat(manifests.get("Secret", "zhibiao-es-roles").path("data").size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void filesTheConfigurationNamesAreMountedInTheContainer(String variant) {
        Manifests manifests = Manifests.render(variant);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            JsonNode container = Manifests.mainContainer(deployment);
            for (Map.Entry<String, String> env : manifests.environment(deployment).entrySet()) {
                Matcher m = MOUNTED_FILE.matcher(env.getValue());
                while (m.find()) {
                    String file = m.group();
                    boolean mounted = Manifests.stream(container.path("volumeMounts"))
                            .anyMatch(mount -> file.startsWith(mount.path("mountPath").asText() + "/")
                                    && providesFile(deployment, mount, file.substring(mount.path("mountPath").asText().length() + 1)));
                    if (!mounted) {
                        problems.add(Manifests.name(deployment) + ": " + env.getKey() + " names " + file + ", which no volume provides");
                    }
                }
            }
        }
        assertThat(problems).as(manifests.variant).isEmpty();
    }

    /** A Secret volume provides its items; an emptyDir provides what an init container writes into it. */
    private static boolean providesFile(JsonNode deployment, JsonNode mount, String relative) {
        JsonNode volume = Manifests.stream(Manifests.podSpec(deployment).path("volumes"))
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
        if (volume.has("secret")) {
            return Manifests.stream(volume.path("secret").path("items")).anyMatch(i -> i.path("path").asText().equals(relative));
        }
        String file = mount.path("mountPath").asText() + "/" + relative;
        return Manifests.stream(Manifests.podSpec(deployment).path("initContainers"))
                .anyMatch(init -> init.path("command").toString().contains(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void javaOptionsKeepTheImagesDefaults(String variant) {
        Manifests manifests = Manifests.render(variant);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String options = manifests.environment(deployment).get("JAVA_OPTS_APPEND");
            if (options == null) {
                continue;
            }
            for (String flag : Dockerfile.of(Manifests.service(deployment)).env("JAVA_OPTS_APPEND").split("\\s+")) {
                assertThat(options.split("\\s+")).as(Manifests.name(deployment) + " JAVA_OPTS_APPEND").contains(flag);
            }
        }
    }
}
