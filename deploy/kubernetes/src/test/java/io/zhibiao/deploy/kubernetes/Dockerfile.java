package io.zhibiao.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's src/main/docker/Dockerfile.jvm, read as the few instructions the tests compare. */
record Dockerfile(String service, List<String> lines) {

    static Dockerfile of(String service) {
        try {
            return new Dockerfile(service, Files.readAllLines(Project.dockerfile(service)).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> instructions(String name) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length() + 1).strip()).toList();
    }

    String env(String variable) {
        Pattern p = Pattern.compile(Pattern.quote(variable) + "=\"([^\"]*)\"");
        for (String env : instructions("ENV")) {
            Matcher m = p.matcher(env);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError(service + ": Dockerfile.jvm sets no " + variable);
    }
}
