package io.zhibiao.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/INPUT.md prints the Node.js publisher that CloudEventsClientsIT runs and the Java one that
 * CloudEventsJavaSdkIT runs: each stays the same as the code the build runs.
 */
class InputDocTest {
    @Test
    void theNodeSnippetIsTheScriptTheBuildRuns() throws Exception {
        String doc = Files.readString(Path.of("../docs/INPUT.md"));
        String script = Files.readString(Path.of("src/test/node/publish-cloudevents.mjs"));
        assertThat(doc).contains("```js\n" + script + "```");
        String pkg = Files.readString(Path.of("src/test/node/package.json"));
        assertThat(pkg).contains("\"cloudevents\": \"10.").contains("\"kafkajs\": \"2.");
        assertThat(doc).contains("npm install cloudevents@10 kafkajs@2");
    }

    @Test
    void theJavaSnippetIsTheMethodTheBuildRuns() throws Exception {
        String doc = Files.readString(Path.of("../docs/INPUT.md"));
        String source = Files.readString(Path.of("src/test/java/io/zhibiao/cli/contract/JavaScraper.java"));
        String begin = "    // input-doc:java:begin\n";
        String method = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("    // input-doc:java:end"));
        String dedented = method.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertThat(doc).contains("```java\n" + dedented + "```");
        assertThat(doc).contains("cloudevents-json-jackson` 3.0.0");
    }
}
