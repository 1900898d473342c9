package io.zhibiao.cli;

import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.StackException;
import io.zhibiao.stack.StackLayout;
import io.zhibiao.stack.Topology;

/**
 * The local stack of this checkout, as configured by the environment: the single-node stack in the data
 * directory, or its cluster ({@code <data>/cluster}, {@code ./zhibiao up --cluster}) while that runs.
 */
final class StackCommands {
    /** The stack that runs (the cluster, if it does), for the commands that talk to it. */
    static LocalStack openStack() {
        return LocalStack.openRunning(config());
    }

    /** The single-node stack, whether it runs or not. */
    static LocalStack single() {
        return LocalStack.open(config());
    }

    /** The cluster, whether it runs or not. */
    static LocalStack cluster() {
        return LocalStack.open(config().cluster(Topology.cluster(), false));
    }

    /** Refuses to start one while the other runs: they share their first ports. */
    static void refuseIfOtherRuns(boolean wantCluster) {
        LocalStack other = wantCluster ? single() : cluster();
        if (other.components().stream().anyMatch(Component::isRunning)) {
            throw new StackException(wantCluster
                    ? "the single-node stack runs (./zhibiao status); stop it with ./zhibiao down before ./zhibiao up --cluster"
                    : "the cluster runs (./zhibiao status); stop it with ./zhibiao down, or use it: ./zhibiao up --cluster");
        }
    }

    private static StackConfig config() {
        return StackConfig.fromEnvironment(StackLayout.discover());
    }

    private StackCommands() {
    }
}
