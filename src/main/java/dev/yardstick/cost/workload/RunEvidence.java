package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run measured, per model, read from its report (compare, benchmark or switch-test alike): the requests, their
 * tokens (each request's where the report kept them, else the totals), the p95 latency, the pass rate of the checks
 * and the cost where the run knew a price. As observed usage, a model that took part is costed with its own counts;
 * any other with the run's texts counted by its tokenizer ({@code texts}), or, where the run kept no complete texts,
 * with the counts observed on the run's models.
 *
 * @param name   the report's file name, named in every token basis and every reason that uses its figures
 * @param runs   one per model, in the report's order
 * @param texts  each successful request's prompt and answer, null unless every request was one complete message
 */
public record RunEvidence(String name, List<ModelRun> runs, List<PromptSample> texts) implements ObservedUsage {

    public RunEvidence {
        runs = List.copyOf(runs);
        texts = texts == null || texts.isEmpty() ? null : List.copyOf(texts);
    }

    /**
     * One model's share of the run.
     *
     * @param attempted    requests sent (warm-ups excluded)
     * @param succeeded    requests answered
     * @param inputTokens  input tokens of the answered requests
     * @param outputTokens output tokens of the answered requests
     * @param perRequest   each answered request's tokens; empty when the report kept only the totals
     * @param p95Latency   p95 end-to-end latency of the answered requests (the slowest step's, over several steps);
     *                     null when none was measured
     * @param passRate     share of the checks passed, null when nothing was checked
     * @param costUsd      what the requests cost, null when no price was known
     * @param tokenSource  how the tokens were counted (reported, counted, estimated; with the tokenizer)
     */
    public record ModelRun(String model, long attempted, long succeeded, long inputTokens, long outputTokens,
                           List<TokenBucket> perRequest, Duration p95Latency, Double passRate, Double costUsd,
                           String tokenSource) {

        public ModelRun {
            perRequest = List.copyOf(perRequest);
        }

        public double meanInput() {
            return succeeded == 0 ? 0 : (double) inputTokens / succeeded;
        }

        public double meanOutput() {
            return succeeded == 0 ? 0 : (double) outputTokens / succeeded;
        }

        /** The requests as a token profile: each one where known, else one bucket of the means. */
        TokenProfile profile(String run) {
            if (!perRequest.isEmpty()) {
                return new TokenProfile(perRequest, "observed in " + run + " (" + tokenSource + ")",
                        tokenSource.contains("estimated"));
            }
            return new TokenProfile(List.of(meanBucket()), "observed in " + run + " (mean per request)", false);
        }

        private TokenBucket meanBucket() {
            return new TokenBucket(meanInput(), meanOutput(), (double) succeeded);
        }
    }

    /** Requests answered over all models: the requests the workload is taken from. */
    public long succeeded() {
        return runs.stream().mapToLong(ModelRun::succeeded).sum();
    }

    @Override
    public List<String> models() {
        return runs.stream().map(ModelRun::model).toList();
    }

    /** The same runs by model, for reading one model's figures. */
    public Map<String, ModelRun> byModel() {
        Map<String, ModelRun> byModel = new LinkedHashMap<>();
        runs.forEach(m -> byModel.put(m.model(), m));
        return byModel;
    }

    @Override
    public Workload workload() {
        Map<String, TokenProfile> byModel = new LinkedHashMap<>();
        List<TokenBucket> pooled = new ArrayList<>();
        boolean perRequest = false;
        for (ModelRun run : runs) {
            if (run.succeeded() == 0 && run.perRequest().isEmpty()) {
                continue;
            }
            TokenProfile profile = run.profile(name);
            byModel.put(run.model(), profile);
            pooled.addAll(profile.buckets());
            perRequest |= !run.perRequest().isEmpty();
        }
        if (pooled.isEmpty()) {
            throw new InputException(name + ": the report has no successful requests to take tokens from");
        }
        boolean estimated = byModel.values().stream().anyMatch(TokenProfile::estimated);
        TokenProfile all = new TokenProfile(pooled, perRequest
                ? "observed in " + name + " on " + String.join(", ", byModel.keySet()) + " (their tokenizers)"
                : "observed in " + name + " (mean per request, their tokenizers)", estimated);
        return new Workload.Observed(byModel, texts == null ? null : new Workload.Prompts(texts, null), all);
    }

    /**
     * The scenario with this run's tokens. Its cache shares stay: a test run's cache hits (none, for a local model)
     * say little about production, where the scenario's or the command line's assumption holds.
     */
    @Override
    public Scenario applyTo(Scenario scenario) {
        return scenario.withWorkload(workload());
    }

    @Override
    public Map<String, ModelEvidence> evidence() {
        Map<String, ModelEvidence> evidence = new LinkedHashMap<>();
        runs.forEach(m -> evidence.put(m.model(), new ModelEvidence(m.p95Latency(), m.passRate(), name)));
        return evidence;
    }
}
