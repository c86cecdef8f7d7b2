package dev.yardstick.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.MetricSummary;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.eval.CheckResult;
import dev.yardstick.report.scores.Scores;
import dev.yardstick.report.scores.ScoresSection;
import dev.yardstick.watch.ClientUsage;
import dev.yardstick.watch.Saturation;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
                            ClientUsage client, Scores scores) implements Report {

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
        return new CompareReport(run, models, prompts, samples, summary, metrics, client, scores);
    }

    private static final int PROMPT_EXCERPT = 100;

    /**
     * The distributions a comparison leads with: their p50 and p95 are the summary's columns, and their definitions
     * come first.
     */
    private static final List<Metric> HEADLINE = List.of(Metric.TTFT, Metric.E2E);

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
        List<Document.Block> blocks = new ArrayList<>();
        List<Document.KeyValue> header = new ArrayList<>(List.of(
                new Document.KeyValue("models", String.join(", ", models.stream().map(this::modelTitle).toList())),
                new Document.KeyValue("prompts", prompts.size() + " × " + run.settings().getOrDefault("repeat", 1)
                        + " repetition(s)"),
                new Document.KeyValue("started", String.valueOf(run.startedAt()))));
        run.clientWarmupLine().ifPresent(header::add);
        blocks.add(new Document.KeyValues(header));
        if (run.interrupted()) {
            blocks.add(new Document.Paragraph("Interrupted: this report holds the requests that finished.", true));
        }
        if (client != null && client.saturated()) {
            blocks.add(new Document.Paragraph(client.warning(), true));
        }
        if (scores != null) {
            blocks.addAll(ScoresSection.gate(scores));
        }
        for (PromptInfo prompt : prompts) {
            // A prompt given on the command line or stdin has no name of its own (its id is "prompt").
            String name = prompt.id().equals("prompt") ? "" : " " + prompt.id();
            blocks.add(new Document.Heading("Prompt" + name + ": " + Formats.excerpt(prompt.prompt(),
                    PROMPT_EXCERPT)));
            blocks.add(sideBySide(prompt));
        }
        blocks.add(new Document.Heading("Summary per model"));
        blocks.add(summaryGrid());
        if (scores != null) {
            blocks.addAll(ScoresSection.scores(scores));
        }
        blocks.addAll(notes());
        return new Document("Yardstick compare", blocks);
    }

    private String modelTitle(ModelInfo model) {
        return model.model() + (model.synthetic() ? " (synthetic)" : "");
    }

    /** One column per model: the first repetition's answer, then its timing and tokens. */
    private Document.Grid sideBySide(PromptInfo prompt) {
        List<String> answers = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (ModelInfo model : models) {
            SampleRecord first = samples.stream()
                    .filter(s -> s.model().equals(model.model()) && s.promptId().equals(prompt.id()))
                    .min(java.util.Comparator.comparingInt(SampleRecord::repetition)).orElse(null);
            if (first == null) {
                answers.add("(not run)");
                figures.add("");
            } else if (!first.ok()) {
                answers.add("ERROR " + first.error().errorClass() + ": " + first.error().message());
                figures.add("after " + Formats.ms(first.e2eMs()));
            } else {
                answers.add(first.text().strip());
                String checks = first.checks().isEmpty() ? ""
                        : " · checks " + first.checks().stream().filter(c -> c.passed()).count() + "/"
                        + first.checks().size();
                figures.add("TTFT " + Formats.ms(first.ttftMs() == null ? Double.NaN : first.ttftMs())
                        + " · E2E " + Formats.ms(first.e2eMs()) + " · " + first.tokens().output() + " tokens" + checks
                        + verdict(first));
            }
        }
        List<String> headers = models.stream().map(ModelInfo::model).toList();
        List<Boolean> numeric = headers.stream().map(h -> false).toList();
        return new Document.Grid(headers, List.of(answers, figures), numeric, true);
    }

    /** The answer's verdict by its case's assertions: {@code " · PASS 1.00"}, or FAIL with the failing one and why. */
    private static String verdict(SampleRecord sample) {
        if (sample.grade() == null) {
            return "";
        }
        String score = String.format(Locale.ROOT, "%.2f", sample.grade().score());
        return sample.grade().pass() ? " · PASS " + score : " · FAIL " + score + ": " + sample.grade().reason();
    }

    private Document.Grid summaryGrid() {
        List<String> headers = new ArrayList<>(List.of("model", "ok/err"));
        HEADLINE.forEach(m -> headers.addAll(List.of(m.key().toUpperCase(Locale.ROOT) + " p50",
                m.key().toUpperCase(Locale.ROOT) + " p95")));
        headers.addAll(List.of("tokens in/out", "tok/s", "cost", "checks"));
        boolean graded = summary.stream().anyMatch(s -> s.casesGraded() > 0);
        if (graded) {
            headers.add("cases passed");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ModelSummary s : summary) {
            ModelStats st = s.stats();
            List<String> row = new ArrayList<>(List.of(s.model(),
                    st.requests().succeeded() + "/" + st.requests().failed() + errorClasses(st)));
            HEADLINE.forEach(m -> row.addAll(List.of(ms(st.metric(m), true), ms(st.metric(m), false))));
            row.addAll(List.of(st.tokens().input() + "/" + st.tokens().output(),
                    Formats.number(st.metric(Metric.OUTPUT_RATE).p50(), 0), Formats.usd(s.costUsd()),
                    s.checksTotal() == 0 ? "–" : s.checksPassed() + "/" + s.checksTotal() + failedChecks(s.model())));
            if (graded) {
                row.add(s.casesGraded() == 0 ? "–" : s.casesPassed() + "/" + s.casesGraded() + failedCases(s.model()));
            }
            rows.add(row);
        }
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            numeric.add(i > 0);
        }
        return new Document.Grid(headers, rows, numeric, true);
    }

    /** The failures by class, {@code " (timeout 2, http-5xx 1)"}; empty when none failed. */
    private static String errorClasses(ModelStats stats) {
        if (stats.requests().errors().isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", stats.requests().errors().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()) + ")";
    }

    /** The checks that failed, by name and how often, {@code " (failed: contains "park" ×2)"}; empty when none. */
    private String failedChecks(String model) {
        Map<String, Integer> failed = new TreeMap<>();
        samples.stream().filter(r -> r.model().equals(model)).flatMap(r -> r.checks().stream())
                .filter(c -> !c.passed()).map(CheckResult::check).forEach(c -> failed.merge(c, 1, Integer::sum));
        if (failed.isEmpty()) {
            return "";
        }
        return " (failed: " + String.join(", ", failed.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : "")).toList()) + ")";
    }

    /** The cases that failed and why, {@code " (failed: hero: icontains "park": not found in the answer)"}. */
    private String failedCases(String model) {
        // A case is graded when any answer to it carries a verdict; a failed request to such a case failed it.
        java.util.Set<String> graded = new java.util.HashSet<>(samples.stream().filter(r -> r.grade() != null)
                .map(SampleRecord::promptId).toList());
        Map<String, String> failed = new LinkedHashMap<>();
        samples.stream().filter(r -> r.model().equals(model) && graded.contains(r.promptId())).forEach(r -> {
            if (!r.ok()) {
                failed.putIfAbsent(r.promptId(), "request failed");
            } else if (!r.grade().pass()) {
                failed.putIfAbsent(r.promptId(), r.grade().reason());
            }
        });
        if (failed.isEmpty()) {
            return "";
        }
        return " (failed: " + String.join("; ", failed.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList()) + ")";
    }

    private static String ms(MetricSummary metric, boolean median) {
        if (metric == null || metric.count() == 0) {
            return "–";
        }
        return Formats.ms(median ? metric.p50() : metric.p95());
    }

    private List<Document.Block> notes() {
        List<Document.Block> notes = new ArrayList<>();
        StringBuilder sources = new StringBuilder("Tokens: ");
        for (ModelSummary summary : summary) {
            ModelInfo model = models.stream().filter(m -> m.model().equals(summary.model())).findFirst().orElseThrow();
            sources.append(summary.model()).append(" ").append(summary.stats().tokens().outputSources().label())
                    .append(" (tokenizer ").append(model.tokenizer()).append("); ");
        }
        notes.add(new Document.Paragraph(sources.toString().replaceAll("; $", ".")
                + " Reported counts are the server's usage block; counted ones come from the model's tokenizer."));
        boolean lowSample = summary.stream().map(s -> s.stats().metric(Metric.E2E))
                .anyMatch(e2e -> e2e != null && e2e.lowSample());
        if (lowSample) {
            notes.add(new Document.Paragraph("Fewer than 30 samples per model: p95 is close to the maximum; "
                    + "use --repeat for firmer percentiles."));
        }
        long empty = samples.stream().filter(s -> s.flags() != null && s.flags().contains(SampleRecord.EMPTY_ANSWER))
                .count();
        if (empty > 0) {
            notes.add(new Document.Paragraph(empty + " answer" + (empty == 1 ? " was" : "s were") + " empty though"
                    + " complete (the stream ended with its stop reason): counted as successes, flagged "
                    + SampleRecord.EMPTY_ANSWER + " in the samples.", true));
        }
        notes.add(new Document.Paragraph("TTFT: request start → first content chunk. E2E: request start → last "
                + "content chunk. tok/s: median per request of output tokens / (E2E − TTFT)."));
        for (ModelSummary s : summary) {
            if (s.stats().flags().bursts() > 0) {
                notes.add(new Document.Paragraph(s.model() + ": " + s.stats().flags().bursts() + " answers arrived in"
                        + " one burst after a stall; their tok/s is left out of the median (see bursts below)."));
            }
        }
        if (client != null) {
            notes.add(new Document.Paragraph("Client: " + client.describe() + "."));
        }
        for (ModelInfo model : models) {
            if (model.price() != null) {
                notes.add(new Document.Paragraph("Price " + model.price().describe() + "."));
            }
        }
        return notes;
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
