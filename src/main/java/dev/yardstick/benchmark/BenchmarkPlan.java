package dev.yardstick.benchmark;

import dev.yardstick.config.Durations;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptLoader;
import dev.yardstick.config.PromptSet;
import dev.yardstick.engine.LoadShape;
import dev.yardstick.stats.RegressionRule;
import dev.yardstick.stats.SloSet;
import dev.yardstick.stats.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A checked, resolved benchmark plan: what {@link PlanSettings} said, with every default applied and every value
 * parsed, so that a run can no longer fail on input.
 *
 * @param requests       measured requests per step (warm-up not included), null when only the duration bounds it
 * @param duration       how long a step sends requests (a timed warm-up comes on top), null for no limit
 * @param prompts        the prompt set to cycle through, or null for synthetic prompts
 * @param inputTokens    synthetic prompts' length (null with a prompt set)
 * @param outputTokens   the output length asked of the model (its max-tokens), null for the model's own limit
 * @param errorBudget    percent of a step's requests that may fail or miss an SLO before a sweep stops
 * @param regression     how the regression gate judges against the baseline: allowance, confidence, and whether
 *                       percentiles too few samples support are gated (null without a baseline)
 * @param settings       the settings this plan was made from, as reports keep them
 */
public record BenchmarkPlan(String name, List<ModelSpec> models, List<LoadStep> steps, Long requests,
                            Duration duration, Warmup warmup, PromptSet prompts, LengthDistribution inputTokens,
                            Integer outputTokens, Duration timeout, SloSet slos, double errorBudget,
                            List<Threshold> gates, Path baseline, RegressionRule regression, Shard shard, long seed,
                            Path samples, PlanSettings settings) {

    static final long DEFAULT_REQUESTS = 100;
    static final String DEFAULT_INPUT_TOKENS = "128";
    static final String DEFAULT_TIMEOUT = "60s";
    static final String DEFAULT_ERROR_BUDGET = "1%";
    static final String DEFAULT_MAX_REGRESSION = "10%";
    static final int DEFAULT_MAX_CONCURRENCY = 1024;
    static final long DEFAULT_SEED = 1;
    /** Bounds far above any real load, below what would exhaust memory or overflow a schedule. */
    static final int MAX_CONCURRENCY = 100_000;
    static final double MAX_RATE = 1_000_000;
    static final long MAX_REQUESTS = 1_000_000_000L;

    public BenchmarkPlan {
        models = List.copyOf(models);
        steps = List.copyOf(steps);
        gates = List.copyOf(gates);
    }

    /** Checks and resolves settings; anything wrong is an {@link InputException} of one line. */
    public static BenchmarkPlan from(PlanSettings s) {
        long seed = s.seed() == null ? DEFAULT_SEED : s.seed();
        Duration timeout = Durations.parse("timeout", s.timeout() == null ? DEFAULT_TIMEOUT : s.timeout());
        ModelParams params = modelParams(s, timeout);
        Shard shard = Shard.parse(s.shard());
        List<LoadStep> steps = steps(s, seed);
        for (LoadStep step : steps) {
            if (step.load() instanceof LoadShape.Closed c && c.concurrency() < shard.count()) {
                throw new InputException("concurrency " + c.concurrency() + " cannot be split over " + shard.count()
                        + " shards: every shard needs at least one request in flight");
            }
        }
        Long requests = s.requests();
        Duration duration = s.duration() == null ? null : Durations.parse("duration", s.duration());
        if (requests != null && (requests < 1 || requests > MAX_REQUESTS)) {
            throw new InputException("--requests must be between 1 and " + MAX_REQUESTS + ", got " + requests);
        }
        if (duration != null && duration.isZero()) {
            throw new InputException("--duration must be longer than 0");
        }
        if (requests == null && duration == null) {
            requests = DEFAULT_REQUESTS;
        }
        if (s.prompts() != null && s.inputTokens() != null) {
            throw new InputException("give either --prompts (a prompt set) or --input-tokens (synthetic prompts), not both");
        }
        PromptSet prompts = s.prompts() == null ? null : PromptLoader.load(Path.of(s.prompts()));
        LengthDistribution input = prompts != null ? null
                : LengthDistribution.parse(s.inputTokens() == null ? DEFAULT_INPUT_TOKENS : s.inputTokens());
        double errorBudget = Percentages.parse(s.errorBudget() == null ? DEFAULT_ERROR_BUDGET : s.errorBudget(),
                "error budget");
        if (errorBudget > 100) {
            throw new InputException("--error-budget " + s.errorBudget() + " is more than 100%");
        }
        if (s.maxRegression() != null && s.baseline() == null) {
            throw new InputException("--max-regression needs --baseline FILE (a report to compare with)");
        }
        if ((s.confidence() != null || s.gateUnsupported() != null) && s.baseline() == null) {
            throw new InputException("--confidence and --gate-unsupported need --baseline FILE (a report to compare"
                    + " with)");
        }
        RegressionRule regression = s.baseline() == null ? null : regressionRule(s);
        List<Threshold> gates = s.failIf() == null ? List.of() : s.failIf().stream().map(Threshold::parse).toList();
        return new BenchmarkPlan(s.name() == null ? "benchmark" : s.name(), models(s.models(), params), steps, requests,
                duration, Warmup.parse(s.warmup()), prompts, input, s.outputTokens(), timeout,
                SloSet.parse(s.slo()), errorBudget, gates, s.baseline() == null ? null : Path.of(s.baseline()),
                regression, shard, seed, s.samples() == null ? null : Path.of(s.samples()), s);
    }

    /** The regression gate's rule from the settings, with the defaults (10%, 95%, unsupported not gated). */
    static RegressionRule regressionRule(PlanSettings s) {
        return new RegressionRule(Percentages.parse(s.maxRegression() == null ? DEFAULT_MAX_REGRESSION
                : s.maxRegression(), "max regression"), RegressionRule.parseConfidence(s.confidence()),
                Boolean.TRUE.equals(s.gateUnsupported()));
    }

    /** The models' parameters; a bad value names its setting ({@code --output-tokens} sets max tokens). */
    private static ModelParams modelParams(PlanSettings s, Duration timeout) {
        try {
            return new ModelParams(s.temperature(), s.outputTokens(), null, s.baseUrl(), timeout);
        } catch (FieldException e) {
            throw e.field().equals("max-tokens") ? new FieldException("output-tokens", e.problem()) : e;
        }
    }

    private static List<ModelSpec> models(List<String> names, ModelParams params) {
        if (names == null || names.isEmpty()) {
            throw new InputException("no model to benchmark: give -m PROVIDER/MODEL, or 'models:' in the plan file");
        }
        if (new LinkedHashSet<>(names).size() < names.size()) {
            throw new InputException("the same model is named twice: name each model once");
        }
        return names.stream().map(n -> ModelSpec.parse(n).withParams(params)).toList();
    }

    /** How many steps the settings plan (one per sweep value, else one). */
    static int stepCount(PlanSettings s) {
        return steps(s, s.seed() == null ? DEFAULT_SEED : s.seed()).size();
    }

    /** The steps: one per sweep value, else the one load the flags give (closed loop at concurrency 1 by default). */
    private static List<LoadStep> steps(PlanSettings s, long seed) {
        LoadShape.Arrival arrival = arrival(s.arrival());
        int maxConcurrency = s.maxConcurrency() == null ? DEFAULT_MAX_CONCURRENCY : s.maxConcurrency();
        if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
            throw new InputException("--max-concurrency must be between 1 and " + MAX_CONCURRENCY + ", got "
                    + maxConcurrency);
        }
        if (s.concurrency() != null && (s.concurrency() < 1 || s.concurrency() > MAX_CONCURRENCY)) {
            throw new InputException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", got "
                    + s.concurrency());
        }
        if (s.rate() != null && !(s.rate() > 0 && s.rate() <= MAX_RATE)) {
            throw new InputException("--rate must be more than 0 and at most " + (long) MAX_RATE
                    + " requests per second, got " + s.rate());
        }
        if (s.rate() != null && s.concurrency() != null) {
            throw new InputException("--rate runs open-loop: cap the requests in flight with --max-concurrency,"
                    + " not --concurrency");
        }
        String sweep = s.sweep() == null ? null : s.sweep().trim().toLowerCase(Locale.ROOT);
        boolean openLoop = s.rate() != null || sweep != null && sweep.startsWith("rate");
        if (!openLoop && (s.arrival() != null || s.maxConcurrency() != null)) {
            throw new InputException("--arrival and --max-concurrency apply to rate runs (--rate or --sweep rate=...)");
        }
        if (sweep == null) {
            return List.of(s.rate() != null ? LoadStep.open(1, s.rate(), arrival, seed, maxConcurrency)
                    : LoadStep.closed(1, s.concurrency() == null ? 1 : s.concurrency()));
        }
        int eq = sweep.indexOf('=');
        String dimension = eq < 0 ? "" : sweep.substring(0, eq).trim();
        if (!dimension.equals("concurrency") && !dimension.equals("rate")) {
            throw new InputException("malformed sweep '" + s.sweep() + "' (expected concurrency=1,2,4,8 or rate=1,2,5,10)");
        }
        if (s.concurrency() != null || s.rate() != null) {
            throw new InputException("--sweep " + dimension + "=... sets the load of every step: leave out"
                    + " --concurrency and --rate");
        }
        List<LoadStep> steps = new ArrayList<>();
        for (String value : sweep.substring(eq + 1).split(",")) {
            int number = steps.size() + 1;
            try {
                if (dimension.equals("concurrency")) {
                    int c = Integer.parseInt(value.trim());
                    if (c < 1 || c > MAX_CONCURRENCY) {
                        throw new InputException("sweep concurrency " + c + " is not between 1 and " + MAX_CONCURRENCY);
                    }
                    steps.add(LoadStep.closed(number, c));
                } else {
                    double r = Double.parseDouble(value.trim());
                    if (!(r > 0 && r <= MAX_RATE)) {
                        throw new InputException("sweep rate " + value.trim() + " is not a number above 0 and at most "
                                + (long) MAX_RATE);
                    }
                    steps.add(LoadStep.open(number, r, arrival, seed, maxConcurrency));
                }
            } catch (NumberFormatException e) {
                throw new InputException("malformed sweep value '" + value.trim() + "' in '" + s.sweep() + "'");
            }
        }
        if (steps.stream().map(LoadStep::label).distinct().count() < steps.size()) {
            throw new InputException("sweep '" + s.sweep() + "' names a step twice");
        }
        return steps;
    }

    private static LoadShape.Arrival arrival(String text) {
        if (text == null) {
            return LoadShape.Arrival.CONSTANT;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "constant" -> LoadShape.Arrival.CONSTANT;
            case "poisson" -> LoadShape.Arrival.POISSON;
            default -> throw new InputException("unknown arrival '" + text + "' (expected constant or poisson)");
        };
    }

    /** The model labels, in the order given. */
    public List<String> labels() {
        return models.stream().map(ModelSpec::label).toList();
    }

    /** One line on the prompts: the set's name and size, or the synthetic lengths. */
    public String promptsText() {
        String output = outputTokens == null ? "" : ", output " + outputTokens + " tokens";
        if (prompts != null) {
            return prompts.name() + " (" + prompts.prompts().size() + " prompts, cycled)" + output;
        }
        return "synthetic, input " + inputTokens.text() + " tokens" + output;
    }
}
