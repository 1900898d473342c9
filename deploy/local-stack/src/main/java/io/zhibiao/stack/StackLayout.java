package io.zhibiao.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are in a checkout of the project: its root, the infrastructure distributions that
 * the build fetched ({@code deploy/infra-dist/target/dist}), and the built services.
 */
public record StackLayout(Path root) {

    public static final String ELASTICSEARCH_VERSION = "9.2.0";
    public static final String POSTGRES_VERSION = "16.10.0";

    /** Finds the project root from the working directory or any directory below it. */
    public static StackLayout discover() {
        return discover(Path.of("").toAbsolutePath());
    }

    public static StackLayout discover(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("zhibiao")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("deploy"))) {
                return new StackLayout(p);
            }
        }
        throw new StackException("not inside a Zhibiao checkout (no ./zhibiao and pom.xml above " + from + ")");
    }

    public Path dist() {
        return root.resolve("deploy/infra-dist/target/dist");
    }

    public Path kafkaLibs() {
        return requireDist(dist().resolve("kafka/libs"));
    }

    public Path elasticsearchZip() {
        return requireDist(dist().resolve("elasticsearch-" + ELASTICSEARCH_VERSION + ".zip"));
    }

    public Path postgresBinariesJar() {
        return requireDist(dist().resolve("postgres-" + POSTGRES_VERSION + ".jar"));
    }

    /** The runnable Quarkus application of a service module, e.g. {@code ingest-service}. */
    public Path serviceJar(String module) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException(module + " is not built (" + jar + " is missing); run ./mvnw package -DskipTests");
        }
        return jar;
    }

    public Path samples() {
        return root.resolve("samples");
    }

    private static Path requireDist(Path p) {
        if (!Files.exists(p)) {
            throw new StackException(p + " is missing: the build fetches it (./mvnw -pl deploy/infra-dist package)");
        }
        return p;
    }
}
