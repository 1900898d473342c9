package io.zhibiao.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: filled in by the extraction work (issue 4). */
@Command(name = "extract", description = "Extract indicator facts from files; print them as JSON lines.")
public final class ExtractCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("not yet");
        return 2;
    }
}
