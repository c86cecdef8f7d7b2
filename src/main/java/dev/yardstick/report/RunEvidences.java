package dev.yardstick.report;

import dev.yardstick.config.InputException;
import dev.yardstick.cost.workload.PromptSample;
import dev.yardstick.cost.workload.RunEvidence.ModelRun;
import dev.yardstick.cost.workload.RunEvidence;
import dev.yardstick.cost.workload.TokenBucket;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.MetricSummary;
import dev.yardstick.stats.ModelStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The run evidence each kind of run report provides, taken from its typed record: a compare report's samples and
 * per-model summary, a benchmark report's steps (single, sweep or merged), a switch-test report's turns.
 */
public final class RunEvidences {

    private RunEvidences() {
    }

    /** The evidence of a report read back from {@code name}; an input error for a report that is not a run's. */
    public static RunEvidence of(String name, Report report) {
        return switch (report) {
            case CompareReport compare -> of(name, compare);
            case BenchmarkReport benchmark -> of(name, benchmark);
            case SwitchReport switchTest -> of(name, switchTest);
            default -> throw new InputException(name + " is not a run's report (a compare, benchmark or "
                    + "switch-test report)");
        };
    }

    /** Per model: its summary's counts, latency, checks and cost, and each answered sample's tokens. */
    public static RunEvidence of(String name, CompareReport report) {
        Map<String, String> sources = tokenSources(report.models());
        List<ModelRun> runs = new ArrayList<>();
        for (CompareReport.ModelSummary summary : report.summary()) {
            ModelStats stats = summary.stats();
            List<TokenBucket> perRequest = answered(report.samples(), summary.model()).stream()
                    .map(s -> TokenBucket.of(s.tokens().input(), s.tokens().output())).toList();
            runs.add(new ModelRun(summary.model(), stats.requests().attempted(), stats.requests().succeeded(),
                    stats.tokens().input(), stats.tokens().output(), perRequest, p95(stats.metric(Metric.E2E)),
                    summary.checksTotal() > 0 ? (double) summary.checksPassed() / summary.checksTotal() : null,
                    summary.costUsd(), sources.getOrDefault(summary.model(), "reported or counted")));
        }
        return new RunEvidence(name, runs, texts(report));
    }

    /**
     * Per model, over every step: requests and tokens add up (the report keeps no single request's tokens, so each
     * model's requests are its means), and the latency is the slowest step's p95, the one a constraint must meet.
     */
    public static RunEvidence of(String name, BenchmarkReport report) {
        Map<String, String> sources = tokenSources(report.models());
        Map<String, List<ModelStats>> byModel = new LinkedHashMap<>();
        report.models().forEach(m -> byModel.put(m.model(), new ArrayList<>()));
        report.steps().forEach(step -> step.models().forEach(stats ->
                byModel.computeIfAbsent(stats.model(), m -> new ArrayList<>()).add(stats)));
        List<ModelRun> runs = new ArrayList<>();
        byModel.forEach((model, steps) -> runs.add(new ModelRun(model,
                steps.stream().mapToLong(s -> s.requests().attempted()).sum(),
                steps.stream().mapToLong(s -> s.requests().succeeded()).sum(),
                steps.stream().mapToLong(s -> s.tokens().input()).sum(),
                steps.stream().mapToLong(s -> s.tokens().output()).sum(), List.of(),
                steps.stream().map(s -> p95(s.metric(Metric.E2E))).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null),
                null, null, sources.getOrDefault(model, "reported or counted"))));
        return new RunEvidence(name, runs, null);
    }

    /**
     * Per model, over every conversation: the tries sent to it, the turns it answered with what was sent (the
     * fitted history) and answered, their latencies, and the checks of its turns.
     */
    public static RunEvidence of(String name, SwitchReport report) {
        Map<String, String> sources = tokenSources(report.models());
        List<ModelRun> runs = new ArrayList<>();
        for (ModelInfo model : report.models()) {
            String label = model.model();
            List<SwitchReport.Turn> turns = report.conversations().stream().flatMap(c -> c.turns().stream())
                    .filter(t -> label.equals(t.model()) && t.tokensAfter() != null && t.outputTokens() != null)
                    .toList();
            List<SwitchReport.Check> checks = report.conversations().stream().flatMap(c -> c.checks().stream())
                    .filter(c -> c.turn() > 0 && label.equals(c.model())).toList();
            long attempted = report.conversations().stream().flatMap(c -> c.attempts().stream())
                    .filter(a -> label.equals(a.model()) && a.received()).count();
            runs.add(new ModelRun(label, attempted, turns.size(),
                    turns.stream().mapToLong(SwitchReport.Turn::tokensAfter).sum(),
                    turns.stream().mapToLong(SwitchReport.Turn::outputTokens).sum(),
                    turns.stream().map(t -> TokenBucket.of(t.tokensAfter(), t.outputTokens())).toList(),
                    p95(turns.stream().map(SwitchReport.Turn::latencyMs).filter(Objects::nonNull).toList()),
                    checks.isEmpty() ? null : (double) checks.stream().filter(SwitchReport.Check::passed).count()
                            / checks.size(),
                    null, sources.getOrDefault(label, "reported or counted")));
        }
        return new RunEvidence(name, runs, null);
    }

    private static List<SampleRecord> answered(List<SampleRecord> samples, String model) {
        return samples.stream().filter(s -> s.ok() && s.tokens() != null && s.model().equals(model)).toList();
    }

    /**
     * The run's prompt and answer texts, to count with another model's tokenizer; null unless every prompt was a
     * single message (a report keeps only the last message's text, so longer conversations would be undercounted).
     */
    private static List<PromptSample> texts(CompareReport report) {
        Map<String, String> promptText = new LinkedHashMap<>();
        for (CompareReport.PromptInfo prompt : report.prompts()) {
            if (prompt.messages() != 1 || prompt.prompt() == null) {
                return null;
            }
            promptText.put(prompt.id(), prompt.prompt());
        }
        List<PromptSample> samples = new ArrayList<>();
        for (SampleRecord sample : report.samples()) {
            if (!sample.ok() || sample.tokens() == null) {
                continue;
            }
            String text = promptText.get(sample.promptId());
            if (text == null || text.isEmpty() || sample.text() == null) {
                return null;
            }
            samples.add(new PromptSample(text, null, sample.text(), 1.0));
        }
        return samples;
    }

    private static Map<String, String> tokenSources(List<ModelInfo> models) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (ModelInfo model : models) {
            String source = model.tokenSource() == null ? "" : model.tokenSource();
            sources.put(model.model(), source + (model.tokenizer() == null || model.tokenizer().isEmpty() ? ""
                    : ", " + model.tokenizer()));
        }
        return sources;
    }

    private static Duration p95(MetricSummary e2e) {
        if (e2e == null || e2e.count() == 0 || !Double.isFinite(e2e.p95())) {
            return null;
        }
        return Duration.ofNanos(Math.round(e2e.p95() * unitNanos(e2e.unit())));
    }

    /** The p95 of latencies in milliseconds, recorded in microseconds as every report's latencies are. */
    private static Duration p95(List<Double> latenciesMs) {
        if (latenciesMs.isEmpty()) {
            return null;
        }
        Histogram histogram = new Histogram(3);
        latenciesMs.forEach(ms -> histogram.recordValue(Math.max(0, Math.round(ms * 1_000))));
        return Duration.ofNanos(histogram.getValueAtPercentile(95) * 1_000);
    }

    private static double unitNanos(String unit) {
        return switch (unit == null ? "ms" : unit) {
            case "s" -> 1e9;
            case "us", "µs" -> 1e3;
            default -> 1e6; // reports give latencies in ms
        };
    }
}
