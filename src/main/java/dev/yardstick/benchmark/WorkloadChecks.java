package dev.yardstick.benchmark;

import dev.yardstick.benchmark.workload.ThinkTime;
import dev.yardstick.benchmark.workload.Trace;
import dev.yardstick.benchmark.workload.TraceFormat;
import dev.yardstick.benchmark.workload.TraceReader;
import dev.yardstick.config.InputException;
import dev.yardstick.config.PromptSet;
import dev.yardstick.engine.LoadShape;

/** The workload settings of a plan (trace, sessions, shared prefix, exact output) checked against the others. */
final class WorkloadChecks {

    static final int DEFAULT_TURNS = 3;
    static final double DEFAULT_PREFIX_SHARE = 0.5;
    static final int MAX_TURNS = 1000;
    static final int MAX_SESSIONS = 10_000_000;
    static final double MIN_TIME_SCALE = 1e-6;
    static final double MAX_TIME_SCALE = 1e6;

    private WorkloadChecks() {
    }

    /** The workload settings as given, before defaults. */
    record Given(Trace trace, Double timeScale, Integer sessions, Integer turns, ThinkTime thinkTime,
                 Integer sharedPrefix, Double prefixShare, Boolean exactOutputTokens, Integer outputTokens,
                 PromptSet prompts, LengthDistribution inputTokens, Integer concurrency, Double rate, Sweep sweep,
                 Long requests, Warmup warmup, Shard shard) {
    }

    /** The trace read as the format asked for, when it was given; an error when its format is still unknown. */
    static Trace trace(Trace trace, TraceFormat format, Double timeScale) {
        if (trace == null) {
            if (format != null || timeScale != null) {
                throw new InputException("--trace-format and --time-scale apply to a replayed trace: give --trace FILE");
            }
            return null;
        }
        if (format != null && format != trace.format()) {
            return TraceReader.read(trace.source(), format);
        }
        if (trace.format() == null) {
            throw new InputException("--trace " + trace.source() + ": cannot tell its format from its first line;"
                    + " give --trace-format azure, mooncake or yardstick");
        }
        return trace;
    }

    static void check(Given g) {
        if (g.timeScale() != null && !(g.timeScale() >= MIN_TIME_SCALE && g.timeScale() <= MAX_TIME_SCALE)) {
            throw new InputException("--time-scale must be more than 0 (0.5 replays twice as fast), got "
                    + g.timeScale());
        }
        boolean warmup = g.warmup() != null && !g.warmup().none();
        boolean shard = g.shard() != null && !g.shard().whole();
        if (g.trace() != null) {
            if (g.concurrency() != null || g.rate() != null || g.sweep() != null) {
                throw new InputException("--trace replays at the trace's own times: leave out --concurrency, --rate"
                        + " and --sweep (cap the requests in flight with --max-concurrency)");
            }
            if (g.prompts() != null || g.inputTokens() != null || g.outputTokens() != null) {
                throw new InputException("--trace gives every request's input and output length: leave out"
                        + " --prompts, --input-tokens and --output-tokens");
            }
            if (g.sessions() != null || g.sharedPrefix() != null) {
                throw new InputException("--trace cannot be combined with --sessions or --shared-prefix (a Mooncake"
                        + " trace's hash ids share prefixes as traced)");
            }
        }
        if (g.sessions() == null && (g.turns() != null || g.thinkTime() != null)) {
            throw new InputException("--turns and --think-time apply to sessions: give --sessions N");
        }
        if (g.sessions() != null) {
            if (g.sessions() < 1 || g.sessions() > MAX_SESSIONS) {
                throw new InputException("--sessions must be between 1 and " + MAX_SESSIONS + ", got " + g.sessions());
            }
            if (g.turns() != null && (g.turns() < 1 || g.turns() > MAX_TURNS)) {
                throw new InputException("--turns must be between 1 and " + MAX_TURNS + ", got " + g.turns());
            }
            if (g.requests() != null) {
                throw new InputException("--sessions N sets the requests (N × --turns): leave out --requests");
            }
        }
        if ((g.trace() != null || g.sessions() != null) && (warmup || shard)) {
            throw new InputException("--warmup and --shard do not apply to --trace or --sessions runs");
        }
        if (g.sharedPrefix() == null && g.prefixShare() != null) {
            throw new InputException("--prefix-share applies to a shared prefix: give --shared-prefix TOKENS");
        }
        if (g.sharedPrefix() != null) {
            if (g.prompts() != null) {
                throw new InputException("--shared-prefix goes before synthetic prompts: leave out --prompts");
            }
            new SharedPrefix(g.sharedPrefix(), g.prefixShare() == null ? DEFAULT_PREFIX_SHARE : g.prefixShare());
        }
        if (Boolean.TRUE.equals(g.exactOutputTokens()) && g.outputTokens() == null && g.trace() == null) {
            throw new InputException("--exact-output-tokens needs the length: give --output-tokens N (or a --trace)");
        }
    }

    /** The one step of a replayed trace: open loop at its times, labelled with the trace and its scale. */
    static LoadStep traceStep(Trace trace, double timeScale, long seed, int maxConcurrency) {
        double span = trace.spanNanos() * timeScale / 1e9;
        double meanRate = span > 0 ? (trace.entries().size() - 1) / span : 1; // the rate it averages
        String scale = timeScale == 1 ? "" : " ×" + LoadStep.rate(timeScale);
        return new LoadStep(1, "trace " + trace.name() + scale, new LoadShape.Open(Math.max(meanRate, 1e-9),
                LoadShape.Arrival.CONSTANT, seed, maxConcurrency));
    }
}
