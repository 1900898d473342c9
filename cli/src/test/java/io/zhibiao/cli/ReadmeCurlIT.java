package io.zhibiao.cli;

import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code curl} line of the README, run with curl as printed (Chinese typed raw into the URL, as a
 * pasted line sends it) against the end-to-end stack: only the host and port of the query service are
 * those of the test's stack. Each must answer 200 with a body.
 */
@Order(350)
class ReadmeCurlIT {
    private static final String README_QUERY = "http://localhost:8080";
    private static LocalStack stack;

    @BeforeAll
    static void up() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
                "curl is not installed: the README's curl lines are not tried (apt-get install curl)");
        stack = EndToEndStack.get();
        assertThat(EndToEndStack.upExit()).as(EndToEndStack.upOutput()).isZero();
    }

    static List<String> curlLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            if (line.startsWith("curl ") && line.contains(README_QUERY)) {
                int comment = line.indexOf("  #");
                lines.add((comment < 0 ? line : line.substring(0, comment)).strip());
            }
        }
        return lines;
    }

    @Test
    void everyCurlLineOfTheReadmeAnswers(@TempDir Path dir) throws Exception {
        List<String> lines = curlLines();
        assertThat(lines).as("the README's curl lines").hasSizeGreaterThanOrEqualTo(9)
                .anySatisfy(l -> assertThat(l).contains("q=新能源'"))
                .anySatisfy(l -> assertThat(l).contains("region=锦州市"));
        for (String line : lines) {
            String command = line.replace(README_QUERY, stack.query().url()) + " -sS -w '\\nHTTP %{http_code}\\n'";
            Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(line).isTrue();
            assertThat(p.exitValue()).as("%s\n%s", line, out).isZero();
            assertThat(out).as(line).contains("HTTP 200");
            String body = out.substring(0, out.lastIndexOf("\nHTTP "));
            if (line.contains(" -o ")) {
                String file = line.split(" -o ", 2)[1].split(" ", 2)[0];
                body = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            }
            assertThat(body).as("the answer to %s", line).isNotBlank();
        }
    }
}
