package io.zhibiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./zhibiao} command. */
@Command(name = "zhibiao", mixinStandardHelpOptions = true, version = "zhibiao 0.1.0",
        description = "Chinese government work reports and development plans, turned into searchable text and indicator data.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, SplitCommand.class, ExtractCommand.class, IngestCommand.class,
                io.zhibiao.cli.load.GenerateCommand.class, io.zhibiao.cli.faults.FaultsCommand.class,
                io.zhibiao.cli.replay.ReplayCommand.class, io.zhibiao.cli.bench.BenchCommand.class,
                io.zhibiao.cli.scaling.ScalingCommand.class,
                ReindexCommand.class,
                CommandLine.HelpCommand.class})
public final class Zhibiao implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Zhibiao());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("zhibiao " + commandLine.getCommandName() + ": " + e.getMessage());
            if (System.getenv("ZHIBIAO_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cl.execute(args);
    }
}
