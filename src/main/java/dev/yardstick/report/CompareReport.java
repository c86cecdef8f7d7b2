package dev.yardstick.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.report.scores.Scores;
import dev.yardstick.watch.ClientUsage;
import dev.yardstick.watch.Saturation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code yardstick compare}: every sample, and per model the statistics, cost and check results.
 * JSON holds all of it; CSV one row per sample; the document shows the answers side by side per prompt, then the
 * per-model summary.
 */
// The scores are derived from the samples (NaN, ∞ are null in JSON): written, never read back, only recomputed.
@JsonIgnoreProperties(value = "scores", allowGetters = true)
public record CompareReport(RunInfo run, List<ModelInfo> models, List<PromptInfo> prompts,
                            List<SampleRecord> samples, List<ModelSummary> summary, Map<String, String> metrics,
                            ClientUsage client, Scores scores, List<EndpointStats> endpoints) implements Report {

    /** A report of no pool ({@code endpoints}: each pool's figures per endpoint, null when no model was a pool). */
    public CompareReport(RunInfo run, List<ModelInfo> models, List<PromptInfo> prompts, List<SampleRecord> samples,
                         List<ModelSummary> summary, Map<String, String> metrics, ClientUsage client, Scores scores) {
        this(run, models, prompts, samples, summary, metrics, client, scores, null);
    }

    /** This report with its pools' figures per endpoint (null when no model was a pool). */
    public CompareReport withEndpoints(List<EndpointStats> perEndpoint) {
        return new CompareReport(run, models, prompts, samples, summary, metrics, client, scores, perEndpoint);
    }

    /** A report without the client's usage (it was not watched). */
    public CompareReport(RunInfo run, List<ModelInfo> models, List<PromptInfo> prompts, List<SampleRecord> samples,
                         List<ModelSummary> summary, Map<String, String> metrics) {
        this(run, models, prompts, samples, summary, metrics, null);
    }

    /** A report without scores and significance (see {@link #withScores}). */
    public CompareReport(RunInfo run, List<ModelInfo> models, List<PromptInfo> prompts, List<SampleRecord> samples,
                         List<ModelSummary> summary, Map<String, String> metrics, ClientUsage client) {
        this(run, models, prompts, samples, summary, metrics, client, null);
    }

    public CompareReport withScores(Scores scores) {
        return new CompareReport(run, models, prompts, samples, summary, metrics, client, scores, endpoints);
    }

    /**
     * The distributions a comparison leads with: their p50 and p95 are the summary's columns, and their definitions
     * come first.
     */
    static final List<Metric> HEADLINE = List.of(Metric.TTFT, Metric.E2E);

    public record PromptInfo(String id, String prompt, int messages) {
    }

    /**
     * @param costUsd          total cost of the model's requests, null when no price is known
     * @param checksPassed     checks passed over all the model's answers (prompts with expectations)
     * @param casesPassed      answers whose case's assertions passed (the case's verdict: every assertion, or its
     *                         weighted score against its threshold)
     * @param casesGraded      answers to cases with assertions, failed requests included (they count as failed)
     */
    public record ModelSummary(String model, ModelStats stats, Double costUsd, Double costPerRequestUsd,
                               int checksPassed, int checksTotal, int casesPassed, int casesGraded) {

        /** A summary of a run whose cases assert nothing. */
        public ModelSummary(String model, ModelStats stats, Double costUsd, Double costPerRequestUsd,
                            int checksPassed, int checksTotal) {
            this(model, stats, costUsd, costPerRequestUsd, checksPassed, checksTotal, 0, 0);
        }

        public double passRate() {
            return checksTotal == 0 ? Double.NaN : (double) checksPassed / checksTotal;
        }

        /** The share of graded answers whose case passed; NaN when no case asserts anything. */
        public double casePassRate() {
            return casesGraded == 0 ? Double.NaN : (double) casesPassed / casesGraded;
        }
    }

    @Override
    public Document document() {
        return new CompareDocument(this).document();
    }

    @Override
    public Tabular tabular() {
        List<String> headers = List.of("sequence", "model", "prompt_id", "repetition", "ok", "ttft_ms", "e2e_ms",
                "queue_ms", "chunks", "input_tokens", "output_tokens", "cached_input_tokens", "input_source",
                "output_source", "cost_usd", "checks_passed", "checks_total", "error_class", "http_status",
                "error", "finish_reason", "request_id", "text");
        List<List<Object>> rows = new ArrayList<>();
        for (SampleRecord s : samples) {
            List<Object> row = new ArrayList<>();
            row.add(s.sequence());
            row.add(s.model());
            row.add(s.promptId());
            row.add(s.repetition());
            row.add(s.ok());
            row.add(s.ttftMs() == null ? "" : s.ttftMs());
            row.add(s.e2eMs());
            row.add(s.queueMs());
            row.add(s.chunks());
            row.add(s.tokens().input());
            row.add(s.tokens().output());
            row.add(s.tokens().cachedInput());
            row.add(s.tokens().inputSource());
            row.add(s.tokens().outputSource());
            row.add(s.costUsd() == null ? "" : s.costUsd());
            row.add(s.checks().stream().filter(c -> c.passed()).count());
            row.add(s.checks().size());
            row.add(s.error() == null ? "" : s.error().errorClass());
            row.add(s.error() == null || s.error().httpStatus() == null ? "" : s.error().httpStatus());
            row.add(s.error() == null ? "" : s.error().message());
            row.add(s.finishReason() == null ? "" : s.finishReason());
            row.add(s.requestId() == null ? "" : s.requestId());
            row.add(s.text());
            rows.add(row);
        }
        return new Tabular(headers, rows);
    }

    /**
     * Metric definitions printed with every JSON report, so its numbers line up with other tools': the headline
     * distributions, then every other one that means something without load.
     */
    public static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        HEADLINE.forEach(metric -> d.put(metric.key(), metric.formula()));
        for (Metric metric : Metric.values()) {
            if (!metric.underLoadOnly()) {
                d.putIfAbsent(metric.key(), metric.formula());
            }
        }
        d.put("tokens", "server-reported usage where sent, else counted with the model's tokenizer, else estimated");
        d.put("cost", "input × input price + cached input × cached price + output × output price, USD per 1M tokens");
        d.put("bursts", "answers whose content arrived in " + dev.yardstick.stats.Bursts.rule() + "; left out of"
                + " tok/s (their decode time is the time to read a buffer)");
        d.put("client", "Yardstick's own process over the run: CPU time / wall time (% of one core; in-process"
                + " models' work included), CPU µs per request, peak heap, peak RSS (VmHWM); " + Saturation.rule());
        return d;
    }
}
