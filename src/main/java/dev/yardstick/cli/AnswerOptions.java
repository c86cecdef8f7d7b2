package dev.yardstick.cli;

import dev.yardstick.benchmark.AbortWindow;
import dev.yardstick.engine.Ramp;
import dev.yardstick.stats.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The benchmark settings that answer questions about a load rather than offer one: a ramp, stopping early, the
 * capacity search, the time series and the server's own metrics. Mixed into {@link BenchmarkOptions}, so each is a
 * flag and a plan-file key like the others.
 */
public final class AnswerOptions {

    @Option(names = "--ramp", paramLabel = "FROM->TO/s over D", converter = ToRamp.class,
            description = "Open loop: the rate ramps linearly, e.g. '0->50/s over 2m' (or 0→50/s), then holds.")
    Ramp ramp;

    @Option(names = "--abort-if", paramLabel = "GATE", converter = SettingConverters.ToGate.class,
            description = "Stop the run when this gate holds on the sliding --abort-window, e.g. 'error_rate > 5%%'"
                    + " (exit 1, the partial report is written). Repeatable.")
    List<Threshold> abortIf;

    @Option(names = "--abort-window", paramLabel = "DURATION|N", converter = ToAbortWindow.class,
            description = "The window --abort-if judges: the last 30s (default) or the last N requests.")
    AbortWindow abortWindow;

    @Option(names = "--abort-min-requests", paramLabel = "N",
            description = "--abort-if judges a window only once it holds N requests (default 20).")
    Integer abortMinRequests;

    @Option(names = "--find-max-rate",
            description = "Search the highest rate whose SLO attainment (--slo) holds --attainment: doubling, then"
                    + " bisection, each probe long enough for a significant verdict. --rate sets the first probe.")
    Boolean findMaxRate;

    @Option(names = "--attainment", paramLabel = "PERCENT", converter = SettingConverters.ToPercent.class,
            description = "With --find-max-rate: the SLO attainment to hold (default 99%%).")
    Double attainment;

    @Option(names = "--timeseries", paramLabel = "FILE", converter = SettingConverters.ToPath.class,
            description = "Also write the per-second time series as CSV to FILE (the JSON report holds it anyway).")
    Path timeseries;

    @Option(names = "--server-metrics", paramLabel = "URL",
            description = "Scrape this Prometheus /metrics URL (vLLM, SGLang, TGI) during the run and report the"
                    + " server's figures beside the client's.")
    String serverMetrics;

    @Option(names = "--server-metrics-interval", paramLabel = "DURATION",
            converter = SettingConverters.ToDuration.class,
            description = "How often --server-metrics is scraped (default 1s).")
    Duration serverMetricsInterval;

    static final class ToRamp extends SettingConverters.Parsed<Ramp> {
        ToRamp() {
            super(Ramp::parse);
        }
    }

    static final class ToAbortWindow extends SettingConverters.Parsed<AbortWindow> {
        ToAbortWindow() {
            super(AbortWindow::parse);
        }
    }
}
