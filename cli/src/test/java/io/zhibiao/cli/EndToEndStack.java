package io.zhibiao.cli;

import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.StackLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one stack the end-to-end test classes share: brought up once per test JVM by exactly what
 * {@code ./zhibiao up} runs (samples included), on free ports in {@code cli/target/e2e-stack}, and
 * stopped at the end ({@link StackDownIT} checks that; a shutdown hook makes sure).
 */
final class EndToEndStack {
    private static LocalStack stack;
    private static String upOutput;
    private static int upExit;

    static synchronized LocalStack get() {
        if (stack == null) {
            StackLayout layout = StackLayout.discover();
            Path data = layout.root().resolve("cli/target/e2e-stack");
            LocalStack.wipe(data);
            stack = new LocalStack(StackConfig.forTests(layout, data));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::down, "e2e-stack-down"));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(new TeeOutputStream(buffer, System.out), true, StandardCharsets.UTF_8);
            try {
                upExit = UpCommand.up(stack, true, Duration.ofMinutes(8), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            upOutput = buffer.toString(StandardCharsets.UTF_8);
        }
        return stack;
    }

    static synchronized String upOutput() {
        get();
        return upOutput;
    }

    static synchronized int upExit() {
        get();
        return upExit;
    }

    private EndToEndStack() {
    }
}
