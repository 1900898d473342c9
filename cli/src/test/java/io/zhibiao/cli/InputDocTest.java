package io.zhibiao.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/INPUT.md prints the Node.js publisher that CloudEventsClientsIT runs: the two stay the same. */
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
}
