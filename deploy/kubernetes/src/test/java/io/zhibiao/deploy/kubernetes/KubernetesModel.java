package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fabric8 Kubernetes model as a validator. Its classes keep any field they do not know in
 * {@code additionalProperties} instead of failing, so a typo ({@code readinesProbe}) would pass a
 * plain parse: {@link #unknownFields} walks the typed object and reports every such field.
 */
final class KubernetesModel {
    /** API groups of the kinds Kubernetes itself serves: these must parse to typed classes. */
    static final Set<String> CORE_API_VERSIONS = Set.of("v1", "apps/v1", "policy/v1", "networking.k8s.io/v1",
            "autoscaling/v2", "batch/v1", "rbac.authorization.k8s.io/v1");

    /** The custom resources this deployment uses, by apiVersion: the operators that serve them. */
    static final Map<String, Set<String>> CUSTOM_RESOURCES = Map.of(
            "kafka.strimzi.io/v1", Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"),
            "elasticsearch.k8s.elastic.co/v1", Set.of("Elasticsearch"),
            "postgresql.cnpg.io/v1", Set.of("Cluster", "ScheduledBackup"),
            "barmancloud.cnpg.io/v1", Set.of("ObjectStore"),
            "keda.sh/v1alpha1", Set.of("ScaledObject", "TriggerAuthentication"),
            "monitoring.coreos.com/v1", Set.of("PodMonitor", "PrometheusRule"));

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubernetesModel() {
    }

    static KubernetesResource parse(JsonNode manifest) {
        try {
            return SERIALIZATION.unmarshal(Manifests.JSON.writeValueAsString(manifest), KubernetesResource.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isCore(JsonNode manifest) {
        return CORE_API_VERSIONS.contains(manifest.path("apiVersion").asText());
    }

    /** Paths of the fields the typed model did not know (empty: every field is a real one). */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, model.getClass().getSimpleName(), found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            if (!(name.startsWith("get") || name.startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add(path + "." + k));
                }
                continue;
            }
            String field = name.startsWith("get") ? name.substring(3) : name.substring(2);
            if (!field.isEmpty()) {
                walk(value, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), found);
            }
        }
    }

    static boolean isGeneric(KubernetesResource parsed) {
        return parsed instanceof GenericKubernetesResource;
    }
}
