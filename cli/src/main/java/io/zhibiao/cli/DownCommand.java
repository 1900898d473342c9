package io.zhibiao.cli;

import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "down", description = "Stop the processes that ./zhibiao up started (by their recorded pids), services first.")
public final class DownCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        LocalStack stack = StackCommands.openStack();
        long running = stack.components().stream().filter(Component::isRunning).count();
        stack.down();
        System.out.println("stopped " + running + " process" + (running == 1 ? "" : "es") + "; data kept in "
                + stack.config().dataDir());
        return 0;
    }
}
