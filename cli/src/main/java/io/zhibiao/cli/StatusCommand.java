package io.zhibiao.cli;

import io.zhibiao.stack.LocalStack;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "status", description = "Say which processes of the local stack run.")
public final class StatusCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        LocalStack stack = StackCommands.openStack();
        System.out.println("data directory: " + stack.config().dataDir());
        if (stack.config().topology().clustered()) {
            System.out.println("cluster: " + stack.config().topology().describe());
        }
        stack.status().forEach(System.out::println);
        return 0;
    }
}
