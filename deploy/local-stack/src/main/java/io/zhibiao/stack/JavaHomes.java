package io.zhibiao.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds Java installations: the one we run on, and one recent enough for Elasticsearch (21+). */
final class JavaHomes {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    /** The java executable of the running JVM. */
    static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A JDK of at least the given feature version: ES_JAVA_HOME, JAVA_HOME, the running JVM, /usr/lib/jvm/*. */
    static Path atLeast(int feature) {
        for (String var : new String[]{"ES_JAVA_HOME", "JAVA_HOME"}) {
            String home = System.getenv(var);
            if (home != null && !home.isBlank() && version(Path.of(home)).orElse(0) >= feature) {
                return Path.of(home);
            }
        }
        if (Runtime.version().feature() >= feature) {
            return Path.of(System.getProperty("java.home"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                Optional<Path> best = homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                        .filter(h -> version(h).orElse(0) >= feature)
                        .max(Comparator.comparingInt(h -> version(h).orElse(0)));
                if (best.isPresent()) {
                    return best.get();
                }
            } catch (IOException ignored) {
                // fall through to the error
            }
        }
        throw new StackException("Elasticsearch needs Java " + feature + " or newer: set ES_JAVA_HOME or JAVA_HOME to such a JDK");
    }

    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private JavaHomes() {
    }
}
