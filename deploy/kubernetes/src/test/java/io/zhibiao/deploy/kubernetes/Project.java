package io.zhibiao.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where things are: the repository, this module, the services. Read at test time, never copied. */
final class Project {
    /** The services that have an image; nlp-segment and nlp-extract are Deployments of nlp-service. */
    static final List<String> SERVICES = List.of("ingest-service", "nlp-service", "index-service", "query-service");
    static final String IMAGE_REGISTRY = "ghcr.io/zhibiao/";

    private Project() {
    }

    static Path root() {
        String configured = System.getProperty("zhibiao.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        return root.toAbsolutePath().normalize();
    }

    static Path module() {
        String configured = System.getProperty("zhibiao.kubernetes.dir");
        return (configured != null ? Path.of(configured) : Path.of(".")).toAbsolutePath().normalize();
    }

    static Path applicationProperties(String service) {
        return root().resolve(service).resolve("src/main/resources/application.properties");
    }

    static Path dockerfile(String service) {
        return root().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }

    /** The project's version without -SNAPSHOT: the tag every image carries. */
    static String releaseVersion() {
        try {
            String pom = Files.readString(root().resolve("pom.xml"));
            // the first <version> after the project's own artifactId (the parent pom has no parent)
            Matcher m = Pattern.compile("<artifactId>zhibiao-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
            if (!m.find()) {
                throw new IllegalStateException("no version in " + root().resolve("pom.xml"));
            }
            return m.group(1).replace("-SNAPSHOT", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
