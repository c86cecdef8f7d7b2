package dev.yardstick.cli;

import dev.yardstick.config.Durations;
import dev.yardstick.cost.CostAnalyzeRun;
import dev.yardstick.cost.prices.PriceCatalog;
import dev.yardstick.cost.recommend.Constraints;
import dev.yardstick.cost.workload.UsageColumns;
import dev.yardstick.cost.workload.WorkloadOverrides;
import dev.yardstick.provider.ModelTokenizers;
import dev.yardstick.report.CostReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yardstick cost-analyze}: what each model costs for a workload, ranked, and which one to pick. */
@Command(name = "cost-analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cost a workload on every candidate model: daily, monthly and period totals, cost per 1k "
                + "requests, the split into input, cached and output; ranked, with a reasoned recommendation and "
                + "the points where the ranking flips.",
                "Examples:",
                "  yardstick cost-analyze scenarios/cost-support-bot.yaml --max-monthly 1500",
                "  yardstick cost-analyze scenarios/cost-support-bot.yaml --usage compare.json",
                "  yardstick cost-analyze --usage benchmark.json --requests-per-day 5000 -m openai/gpt-5-mini",
                "  yardstick cost-analyze --usage usage.csv --requests-per-day 5000 \\",
                "      -m openai/gpt-5-mini -m anthropic/claude-haiku-4-5"})
public final class CostAnalyzeCommand extends SessionCommand {

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenario files (YAML, see scenarios/).")
    List<Path> scenarioFiles = new ArrayList<>();

    @Option(names = {"-m", "--model"}, paramLabel = "PROVIDER/MODEL",
            description = "A candidate model; replaces the scenarios' own lists. Repeatable.")
    List<String> models = new ArrayList<>();

    @Option(names = "--usage", paramLabel = "FILE",
            description = "Take the tokens from a real run: a CSV usage log (one row per request) or a compare, "
                    + "benchmark or switch-test report (JSON), whose models are the candidates when no -m is given.")
    Path usage;

    @ArgGroup(exclusive = false, heading = "%nUsage log columns (CSV):%n")
    Columns columns = new Columns();

    @Option(names = "--report", paramLabel = "FILE",
            description = "A compare, benchmark or switch-test report (JSON) whose p95 latency and pass rate the "
                    + "constraints are judged on. Repeatable.")
    List<Path> reports = new ArrayList<>();

    @ArgGroup(exclusive = false, heading = "%nWorkload (replaces the scenario's):%n")
    WorkloadOptions workload = new WorkloadOptions();

    @ArgGroup(exclusive = false, heading = "%nConstraints:%n")
    ConstraintOptions constraints = new ConstraintOptions();

    public CostAnalyzeCommand(Session session) {
        super(session);
    }

    /** How a CSV usage log names its columns. */
    static final class Columns {
        @Option(names = "--input-column", paramLabel = "NAME", description = "Input tokens (default: input_tokens).")
        String input;

        @Option(names = "--output-column", paramLabel = "NAME",
                description = "Output tokens (default: output_tokens).")
        String output;

        @Option(names = "--cached-column", paramLabel = "NAME",
                description = "Cached input tokens (default: cached_tokens, if present).")
        String cached;

        @Option(names = "--cache-write-column", paramLabel = "NAME",
                description = "Cache-write tokens (default: cache_write_tokens, if present).")
        String cacheWrite;

        @Option(names = "--timestamp-column", paramLabel = "NAME",
                description = "Request time, for the request rate (default: timestamp, if present).")
        String timestamp;

        @Option(names = "--cached-separate",
                description = "The input column excludes cached and cache-write tokens (Anthropic's convention).")
        boolean cachedSeparate;

        UsageColumns toColumns() {
            return new UsageColumns(input, output, cached, cacheWrite, timestamp, !cachedSeparate);
        }
    }

    /** What-if settings that replace the scenario's. */
    static final class WorkloadOptions {
        @Option(names = "--requests-per-day", paramLabel = "N", description = "Requests a day.")
        Double perDay;

        @Option(names = "--requests-per-month", paramLabel = "N", description = "Requests a month (30 days).")
        Double perMonth;

        @Option(names = "--growth", paramLabel = "PCT", description = "Monthly growth in percent, compounded.")
        Double growth;

        @Option(names = "--days", paramLabel = "N", description = "The period to cost, in days.")
        Integer days;

        @Option(names = "--cache-share", paramLabel = "SHARE",
                description = "Share of input tokens read from the prompt cache, 0..1.")
        Double cacheShare;

        @Option(names = "--cache-write-share", paramLabel = "SHARE",
                description = "Share of input tokens written to the prompt cache, 0..1, for every model "
                        + "(default: implied by the reads where writes are billed, see --cache-writes-per-read).")
        Double cacheWriteShare;

        @Option(names = "--cache-writes-per-read", paramLabel = "N",
                description = "Tokens written to the cache per token read from it, on providers that bill cache "
                        + "writes (Anthropic); default 0.2, a prefix read five times per write.")
        Double cacheWritesPerRead;

        @Option(names = "--batch-share", paramLabel = "SHARE",
                description = "Share of requests sent through the batch API, 0..1.")
        Double batchShare;

        WorkloadOverrides toOverrides() {
            return new WorkloadOverrides(perDay, perMonth, growth, days, cacheShare, cacheWriteShare,
                    cacheWritesPerRead, batchShare);
        }
    }

    /** What the recommended model must meet. */
    static final class ConstraintOptions {
        @Option(names = "--max-monthly", paramLabel = "USD", description = "Budget for any month of the period.")
        Double maxMonthly;

        @Option(names = "--min-context", paramLabel = "TOKENS",
                description = "Smallest acceptable prompt: a model's maximum input where known, else its context "
                        + "window.")
        Integer minContext;

        @Option(names = "--max-p95-latency", paramLabel = "DURATION",
                description = "Slowest acceptable p95 end-to-end latency, e.g. 2s (needs --report).")
        String maxP95Latency;

        @Option(names = "--min-pass-rate", paramLabel = "SHARE",
                description = "Lowest acceptable pass rate of the checks, 0..1 (needs --report).")
        Double minPassRate;

        Constraints toConstraints() {
            return new Constraints(maxMonthly, minContext,
                    maxP95Latency == null ? null : Durations.parseFlag("max-p95-latency", maxP95Latency), minPassRate);
        }
    }

    @Override
    protected int run() throws Exception {
        Constraints wanted = constraints.toConstraints();
        CostAnalyzeRun.Request request = new CostAnalyzeRun.Request(scenarioFiles, models, usage,
                columns.toColumns(), reports, workload.toOverrides(), wanted);
        PriceCatalog catalog = PriceCatalog.load(session.config(common), session.env());
        CostReport report;
        try (ModelTokenizers counters = new ModelTokenizers(session.registry(common), session::log)) {
            report = new CostAnalyzeRun(catalog, counters).run(request);
        }
        report.unpriced().forEach(line -> session.log("yardstick: warning: " + line));
        output.emit(report, session);
        boolean unmet = wanted.any() && report.scenarios().stream()
                .anyMatch(s -> s.recommendation().chosen() == null);
        return unmet ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
}
