package dev.yardstick.report;

import dev.yardstick.eval.CheckResult;
import dev.yardstick.report.CompareReport.ModelSummary;
import dev.yardstick.report.CompareReport.PromptInfo;
import dev.yardstick.report.scores.Scores;
import dev.yardstick.report.scores.ScoresSection;
import dev.yardstick.stats.Metric;
import dev.yardstick.stats.MetricSummary;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.watch.ClientUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compare report as people read it (table, Markdown): the run's header, each prompt's answers side by side, the
 * per-model summary with its failed checks and cases, the scores, and the notes that say how to read the figures.
 */
final class CompareDocument {

    private static final int PROMPT_EXCERPT = 100;

    private final RunInfo run;
    private final List<ModelInfo> models;
    private final List<PromptInfo> prompts;
    private final List<SampleRecord> samples;
    private final List<ModelSummary> summary;
    private final ClientUsage client;
    private final Scores scores;
    private final List<EndpointStats> endpoints;

    CompareDocument(CompareReport report) {
        this.run = report.run();
        this.models = report.models();
        this.prompts = report.prompts();
        this.samples = report.samples();
        this.summary = report.summary();
        this.client = report.client();
        this.scores = report.scores();
        this.endpoints = report.endpoints();
    }

    Document document() {
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
        blocks.addAll(EndpointBlocks.of(endpoints, ""));
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
        CompareReport.HEADLINE.forEach(m -> headers.addAll(List.of(m.key().toUpperCase(Locale.ROOT) + " p50",
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
            CompareReport.HEADLINE.forEach(m -> row.addAll(List.of(ms(st.metric(m), true), ms(st.metric(m), false))));
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
}
