package io.zhibiao.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as it runs in production: its application.properties (read at test time:
 * the services' engineers keep adding keys), the {@code %prod.} profile over the plain keys, and the
 * environment variables a Deployment sets over both, mapped the way Quarkus maps them
 * (KAFKA_BOOTSTRAP_SERVERS → kafka.bootstrap.servers).
 */
final class ServiceConfig {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    final String service;
    /** the production view of the file: key → raw value */
    final Map<String, String> fileKeys;

    private ServiceConfig(String service, Map<String, String> fileKeys) {
        this.service = service;
        this.fileKeys = fileKeys;
    }

    static ServiceConfig load(String service) {
        Path file = Project.applicationProperties(service);
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> prod = new TreeMap<>();
        for (String name : raw.stringPropertyNames()) {
            String value = raw.getProperty(name);
            if (!name.startsWith("%")) {
                plain.put(name, value);
                continue;
            }
            int dot = name.indexOf('.');
            List<String> profiles = List.of(name.substring(1, dot).split(","));
            if (profiles.contains("prod")) {
                prod.put(name.substring(dot + 1), value);
            }
        }
        plain.putAll(prod);
        return new ServiceConfig(service, plain);
    }

    /** The environment variable Quarkus reads for a property: upper case, every other character '_'. */
    static String envName(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    /** The key of this file an environment variable sets, if any. */
    Optional<String> keyForEnv(String env) {
        return fileKeys.keySet().stream().filter(k -> envName(k).equals(env)).findFirst();
    }

    /** The configuration with a Deployment's environment applied (only variables that map to file keys). */
    Map<String, String> effective(Map<String, String> environment) {
        Map<String, String> result = new TreeMap<>(fileKeys);
        environment.forEach((env, value) -> keyForEnv(env).ifPresent(key -> result.put(key, value)));
        return result;
    }

    /**
     * The value of one key under a Deployment's environment: the variable named for it (Quarkus looks any key
     * up that way, and hands every KAFKA_* variable to all channels, whether the file has the key or not),
     * else the file's production value, resolved; null where neither sets it.
     */
    String setting(String key, Map<String, String> environment) {
        String fromEnvironment = environment.get(envName(key));
        return fromEnvironment != null ? fromEnvironment : resolve(fileKeys.get(key), effective(environment));
    }

    /** Resolves ${key} and ${key:default} against the given configuration. */
    static String resolve(String value, Map<String, String> config) {
        if (value == null) {
            return null;
        }
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = config.containsKey(m.group(1)) ? resolve(config.get(m.group(1)), config) : m.group(2);
            if (replacement == null) {
                throw new IllegalStateException("unresolvable " + m.group() + " in " + value);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A Kafka channel as configured: incoming channels have a group, and may have a dead-letter topic. */
    record Channel(String direction, String name, String topic, String group, String deadLetterTopic, boolean enabled) {
        boolean incoming() {
            return direction.equals("incoming");
        }
    }

    /** The Kafka channels (connector smallrye-kafka) under a Deployment's environment. */
    List<Channel> kafkaChannels(Map<String, String> environment) {
        Map<String, String> config = effective(environment);
        Map<String, Map<String, String>> byChannel = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                byChannel.computeIfAbsent(m.group(1) + " " + m.group(2), c -> new HashMap<>()).put(m.group(3), value);
            }
        });
        List<Channel> channels = new ArrayList<>();
        byChannel.forEach((id, attributes) -> {
            if (!"smallrye-kafka".equals(attributes.get("connector"))) {
                return;
            }
            String[] parts = id.split(" ");
            String topic = resolve(attributes.getOrDefault("topic", parts[1]), config);
            String group = resolve(attributes.get("group.id"), config);
            String dlq = "dead-letter-queue".equals(attributes.get("failure-strategy"))
                    ? resolve(attributes.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + parts[1]), config)
                    : null;
            boolean enabled = !"false".equals(attributes.getOrDefault("enabled", "true").toLowerCase(Locale.ROOT));
            channels.add(new Channel(parts[0], parts[1], topic, group, dlq, enabled));
        });
        return channels;
    }

    /** Every topic the file names: mp.messaging.*.topic and *.dead-letter-queue.topic (all channels, enabled or not). */
    List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (Channel c : kafkaChannels(Map.of())) {
            topics.add(c.topic());
            if (c.deadLetterTopic() != null) {
                topics.add(c.deadLetterTopic());
            }
        }
        return topics;
    }

    int httpPort(Map<String, String> environment) {
        return Integer.parseInt(effective(environment).getOrDefault("quarkus.http.port", "8080"));
    }

    boolean usesKafka() {
        return fileKeys.containsKey("kafka.bootstrap.servers");
    }
}
