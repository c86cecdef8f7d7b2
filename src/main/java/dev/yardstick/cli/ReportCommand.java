package dev.yardstick.cli;

import dev.yardstick.benchmark.BenchmarkReports;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.DiffReport;
import dev.yardstick.stats.RegressionRule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick report merge|diff}: work on benchmark reports already written (JSON). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Merge benchmark reports (shards from several machines) exactly, or show what changed between"
                + " two.",
        subcommands = {ReportCommand.Merge.class, ReportCommand.Diff.class})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: merge or diff");
    }

    /** {@code report merge a.json b.json ...}. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Merge benchmark reports of one plan (the shards of --shard i/N, or repeated runs) into the"
                    + " report one run would have written: histograms add exactly, so every percentile is exact; shards'"
                    + " rates add (with a warning when they did not run at the same time). A sweep's stop rule and the"
                    + " plan's gates are judged again on the merged figures (exit 1 when one fails); steps only some"
                    + " reports ran are marked partial.",
                    "Example: yardstick report merge shard1.json shard2.json -o merged.json"})
    public static final class Merge extends SessionCommand {

        @Parameters(arity = "2..*", paramLabel = "REPORT", description = "Benchmark reports (JSON).")
        List<Path> reports;

        public Merge(Session session) {
            super(session);
        }

        @Override
        protected int run() throws Exception {
            String first = reports.getFirst().getFileName().toString();
            BenchmarkReport merged = BenchmarkReports.merge(reports.stream().map(BenchmarkReports::read).toList(),
                    settings -> BenchmarkOptions.fromSettings(settings, first));
            output.emit(merged, session);
            return merged.anyGateFailed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
        }
    }

    /** {@code report diff base.json new.json}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Show what changed from a baseline benchmark report to a new one, step by step and model by"
                    + " model: percentiles, means and rates with their change, both runs' confidence intervals and a"
                    + " verdict for every gated figure (regressed, improved, within-allowance, within-noise,"
                    + " too-few-samples). Reports with no step and model in common are an input error (exit 2).",
                    "Example: yardstick report diff base.json new.json --max-regression 10%% --format markdown"})
    public static final class Diff extends SessionCommand {

        @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline report (JSON).")
        Path baseline;

        @Parameters(index = "1", paramLabel = "NEW", description = "The new report (JSON).")
        Path current;

        @Option(names = "--max-regression", paramLabel = "PERCENT", converter = SettingConverters.ToPercent.class,
                description = "Exit 1 when a p50/p95/p99 latency or a throughput got worse by more than this, e.g."
                        + " 10%%, and the change is significant at --confidence; or when a step or model of either"
                        + " report has no counterpart in the other.")
        Double maxRegression;

        @Mixin
        RegressionOptions regression;

        public Diff(Session session) {
            super(session);
        }

        @Override
        protected int run() throws Exception {
            DiffReport diff = BenchmarkReports.diff(BenchmarkReports.read(baseline), BenchmarkReports.read(current),
                    maxRegression, regression.confidence == null ? RegressionRule.parseConfidence(null)
                            : regression.confidence,
                    Boolean.TRUE.equals(regression.gateUnsupported));
            output.emit(diff, session);
            return diff.gateFailed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
        }
    }
}
