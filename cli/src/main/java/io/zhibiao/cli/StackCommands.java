package io.zhibiao.cli;

import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.StackConfig;
import io.zhibiao.stack.StackLayout;

/** The local stack of this checkout, as configured by the environment. */
final class StackCommands {
    static LocalStack openStack() {
        return LocalStack.open(StackConfig.fromEnvironment(StackLayout.discover()));
    }

    private StackCommands() {
    }
}
