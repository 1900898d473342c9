package io.zhibiao.cli.faults;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a run of the fault suite found, as the table docs/RELIABILITY.md holds. */
public final class FaultReport {
    public static final String BEGIN = "<!-- fault-table:begin (written by ./zhibiao faults --write) -->";
    public static final String END = "<!-- fault-table:end -->";
    public static final String CLUSTER_BEGIN = "<!-- cluster-table:begin (written by ./zhibiao faults --cluster --write) -->";
    public static final String CLUSTER_END = "<!-- cluster-table:end -->";

    /**
     * One scenario of the run.
     *
     * @param progressWhileAway on a cluster: seconds from the fault until the rest indexed a document, while the part was away
     */
    public record Row(Scenario scenario, int reports, int badInputs, double faultAt, double down, Double progressWhileAway,
                      Double firstProgress, Double settled, long stageDeadLetters, Verification verification, String failure) {
        public boolean survived() {
            return failure == null && verification != null && verification.exact() && stageDeadLetters == 0;
        }
    }

    final List<Row> rows = new ArrayList<>();
    String command;
    int reports;
    long bytes;
    int badInputs;
    long badDeadLettered;
    /** Services whose liveness check said UP after the last scenario. */
    int servicesLive;
    /** Of the bad records, those published to the internal topics (the rest to reports.raw). */
    int badInternal;
    long badDeadLetterCopies;
    List<String> badProblems = new ArrayList<>();
    Verification last;
    double seconds;
    double generationSeconds;
    double startSeconds;
    String machine;
    /** A cluster's run: its own table, with the progress made while a part was away. */
    boolean cluster;
    String topology;

    public String begin() {
        return cluster ? CLUSTER_BEGIN : BEGIN;
    }

    public String end() {
        return cluster ? CLUSTER_END : END;
    }

    public List<Row> rows() {
        return rows;
    }

    public Verification verification() {
        return last;
    }

    public boolean passed() {
        return !rows.isEmpty() && rows.stream().allMatch(Row::survived) && last != null && last.exact()
                && badProblems.isEmpty() && badDeadLettered == badInputs;
    }

    /** Why it did not pass, or "". */
    public String problems() {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            if (!r.survived()) {
                sb.append(r.scenario()).append(": ").append(r.failure() != null ? r.failure() + "; " : "")
                        .append(r.verification() == null ? "" : r.verification().summary())
                        .append(r.stageDeadLetters() > 0 ? "; stage dead letters " + r.stageDeadLetters() : "").append('\n');
            }
        }
        if (last != null && !last.exact()) {
            sb.append("final: ").append(last.summary()).append('\n');
        }
        badProblems.forEach(p -> sb.append("bad input: ").append(p).append('\n'));
        return sb.toString();
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(begin()).append('\n');
        sb.append(String.format(Locale.ROOT, "Run of %s on %s (%s)%s: %s.%n%n", LocalDate.now(), machine, command,
                topology == null ? "" : "; " + topology,
                passed() ? "**every fault survived; lost = 0, duplicated = 0**" : "**FAILED**"));
        if (cluster) {
            sb.append("| # | scenario | load during it | fault injected at | away until whole again | indexing went on after the fault | first progress after return | all final after return | stage dead letters | lost | duplicated | result |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        } else {
            sb.append("| # | scenario | load during it | fault injected at | away for | first progress after return | all final after return | stage dead letters | lost | duplicated | result |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        }
        int i = 1;
        for (Row r : rows) {
            Verification v = r.verification();
            String away = r.scenario() == Scenario.NONE ? "–" : secs(r.down());
            if (cluster) {
                away += " | " + (r.scenario() == Scenario.NONE ? "–" : r.progressWhileAway() == null ? "no" : secs(r.progressWhileAway()));
            }
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d reports + %d bad | %.0f s | %s | %s | %s | %d | %s | %s | %s |%n",
                    i++, r.scenario().description(), r.reports(), r.badInputs(), r.faultAt(),
                    away, secs(r.firstProgress()), secs(r.settled()),
                    r.stageDeadLetters(), v == null ? "?" : String.valueOf(v.lostTotal()),
                    v == null ? "?" : String.valueOf(v.duplicatedTotal()), r.survived() ? "survived" : "**FAILED**"));
        }
        sb.append('\n');
        if (last != null) {
            sb.append(String.format(Locale.ROOT,
                    "After the last scenario, checked by id: **%,d / %,d reports, %,d / %,d passages, %,d / %,d facts** in "
                            + "Elasticsearch (lost %d, duplicated %d, facts with other content %d, reports with another region %d); "
                            + "ledger: %s.%n%n",
                    last.found()[0], last.expected()[0], last.found()[1], last.expected()[1], last.found()[2], last.expected()[2],
                    last.lostTotal(), last.duplicatedTotal(), last.wrongFacts(), last.wrongRegions(),
                    last.notFinalTotal() == 0 ? "every document `indexed`" : "not final: " + last.notFinal()));
        }
        sb.append(String.format(Locale.ROOT,
                "Load held: %,d generated reports (%.1f MB) and %d bad records (%d to `reports.raw`, %d poison records to the "
                        + "internal topics) published at a steady rate while the faults happened; every bad record is in its "
                        + "dead-letter topics with its reason code (%d of %d; %d extra copies from redelivery); services live "
                        + "at the end: %d%s. Generation %.0f s, stack start %.0f s, whole run %.0f s.%n%n",
                reports, bytes / 1e6, badInputs, badInputs - badInternal, badInternal, badDeadLettered, badInputs,
                badDeadLetterCopies, servicesLive,
                badProblems.isEmpty() ? "" : " — problems: " + String.join("; ", badProblems),
                generationSeconds, startSeconds, seconds));
        sb.append("Reproduce: `").append(command).append("`\n");
        sb.append(end()).append('\n');
        return sb.toString();
    }

    private static String secs(Double s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.1f s", s);
    }
}
