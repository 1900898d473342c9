package io.zhibiao.cli.replay;

import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.StackLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code ./zhibiao replay --from reports.raw.dlq [--reason CODE] [--dry-run]}. */
@Command(name = "replay", description = {
        "Re-publish dead letters to the topic they came from, after a fix: all, or those of one reason.",
        "  reports.raw.dlq → reports.raw, reports.segment.dlq → reports.ingested, reports.extract.dlq → reports.segmented,",
        "  reports.index.dlq → the record's dead-letter-topic (else reports.indicators for facts, reports.segmented for text).",
        "Uses a consumer group of its own per topic and reason and commits only what Kafka acknowledged;",
        "a second replay of the same kind takes up where the first stopped."})
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "TOPIC", description = "the dead-letter topic")
    String from;

    @Option(names = "--reason", paramLabel = "CODE", description = "only dead letters with this reason code (e.g. undecodable)")
    String reason;

    @Option(names = "--to", paramLabel = "TOPIC", description = "publish there instead of where each record came from")
    String to;

    @Option(names = "--dry-run", description = "say what would be replayed; publish and commit nothing")
    boolean dryRun;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka (default: the local stack's)")
    String bootstrap;

    @Option(names = "--group", paramLabel = "ID", description = "consumer group (default zhibiao-replay.<from>.<reason|all>)")
    String group;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String servers = bootstrap != null ? bootstrap
                : LocalStack.open(StackConfig.fromEnvironment(StackLayout.discover())).config().kafkaBootstrap();
        DeadLetterReplay.Options options = new DeadLetterReplay.Options(servers, from, reason, to, group, dryRun);
        DeadLetterReplay.Result r = DeadLetterReplay.run(options);
        out.printf("%s %d of %d dead letters read from %s (group %s)%s%n", dryRun ? "would replay" : "replayed",
                r.replayedTotal(), r.read(), from, options.groupId(), r.replayed().isEmpty() ? "" : " → " + r.replayed());
        if (!r.skipped().isEmpty()) {
            out.println("  left alone (other reasons): " + r.skipped());
        }
        r.examples().forEach(e -> out.println("  " + e));
        return 0;
    }
}
