package dev.yardstick.cli;

import dev.yardstick.benchmark.BenchmarkCosts;
import dev.yardstick.benchmark.BenchmarkPlan;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.export.TimeSeriesCsv;
import dev.yardstick.report.WriteFailure;
import java.io.IOException;
import java.nio.file.Path;
import dev.yardstick.benchmark.BenchmarkReports;
import dev.yardstick.benchmark.BenchmarkRun;
import dev.yardstick.benchmark.workload.Workload;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.report.BenchmarkReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick benchmark}: load-tests endpoints, closed loop or at a scheduled rate, with exact statistics.
 * Thin: flags (over an optional plan file) → plan → run → report → exporters, exit code from the gates.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = PlanFile.class,
        description = {"Load-test models or endpoints: requests in flight (closed loop) or at a scheduled rate (open"
                + " loop, latency from the scheduled start, so stalls are never hidden), with TTFT, ITL, TPOT, E2E,"
                + " throughput, goodput and errors, percentiles from HdrHistogram.",
                "Examples:",
                "  yardstick benchmark -m mock/fast --concurrency 8 --requests 500",
                "  yardstick benchmark -m openai/my-model --base-url http://127.0.0.1:8000/v1 --rate 20 --duration 60s",
                "  yardstick benchmark scenarios/smoke.yaml --fail-if 'p95(ttft) > 800ms' -o report.json"},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 done and every gate passed, 1 a gate failed, 2 bad input, 3 nothing measured (every request",
                "  failed), 130 interrupted (the partial report was written)."})
public final class BenchmarkCommand extends SessionCommand {
    @Spec
    CommandSpec spec;

    @Mixin(name = PlanFile.SETTINGS)
    BenchmarkOptions settings;

    public BenchmarkCommand(Session session) {
        super(session);
    }

    @Override
    protected int run() throws Exception {
        BenchmarkPlan plan = settings.plan(spec);
        BenchmarkReport baseline = plan.baseline() == null ? null : BenchmarkReports.readBaseline(plan);
        PriceCatalog prices = PriceCatalog.load(session.config(common), session.env()); // a bad file fails first
        BenchmarkReport report;
        try (OpenedModels opened = session.registry(common).open(plan.models());
             LiveLine live = new LiveLine(session.err(), session.terminal(output.noColor).interactive())) {
            BenchmarkRun run = new BenchmarkRun(plan, opened, baseline, session::cannotWrite);
            Interrupts.onInterrupt(run::cancel);
            report = run.execute(live);
        }
        Workload.warnings(report).forEach(line -> session.log("yardstick: warning: " + line));
        report = report.withCosts(BenchmarkCosts.of(report, prices));
        output.emit(report, session);
        if (plan.timeseries() != null) {
            writeTimeSeries(plan.timeseries(), report);
        }
        if (report.aborted() != null) { // before "nothing measured": stopping a failing endpoint is the point
            session.log("yardstick: " + report.aborted().describe());
            return ExitCodes.GATE_FAILED;
        }
        return ExitCodes.ofRun(session, report.run().interrupted(), BenchmarkRun.whyNothingMeasured(report),
                BenchmarkRun.firstFailedGate(report));
    }

    /** The per-second series as CSV beside the report; a file that cannot be written is one line on stderr. */
    private void writeTimeSeries(Path file, BenchmarkReport report) {
        StringBuilder csv = new StringBuilder();
        try {
            TimeSeriesCsv.write(report.timeSeries(), csv);
            ReportFile.write(file, csv.toString());
        } catch (IOException e) {
            session.cannotWrite(WriteFailure.of(file, e));
        }
    }
}
