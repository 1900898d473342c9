package io.zhibiao.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: filled in by the ingestion work (issue 3). */
@Command(name = "split", description = "Decode, clean and split files into reports; print one JSON line per report.")
public final class SplitCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("not yet");
        return 2;
    }
}
