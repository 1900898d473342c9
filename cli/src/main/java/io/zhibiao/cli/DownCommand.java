package io.zhibiao.cli;

import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "down", description = "Stop the processes that ./zhibiao up started (by their recorded pids), services first.")
public final class DownCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        // both: the single-node stack and its cluster (only one of them runs, normally)
        long running = 0;
        for (LocalStack stack : java.util.List.of(StackCommands.cluster(), StackCommands.single())) {
            long here = stack.components().stream().filter(Component::isRunning).count();
            if (here > 0 || !stack.config().topology().clustered()) {
                stack.down();
                running += here;
                System.out.println("stopped " + here + " process" + (here == 1 ? "" : "es") + "; data kept in "
                        + stack.config().dataDir());
            }
        }
        return 0;
    }
}
