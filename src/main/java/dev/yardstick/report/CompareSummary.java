package dev.yardstick.report;

import dev.yardstick.cache.CacheTally;
import dev.yardstick.report.scores.CaseRun;
import dev.yardstick.report.scores.GateSummary;
import dev.yardstick.report.scores.PairComparison;
import dev.yardstick.report.scores.ScoresSection;
import java.util.ArrayList;
import java.util.List;

/**
 * The short form of a compare report for a CI job's summary ({@code $GITHUB_STEP_SUMMARY}) or a PR comment
 * ({@code compare --summary FILE}): the gate's verdict, what failed and by how much with its test and p-value, the
 * cases that flipped from pass to fail with why each fails now, the pass rates per model with the significance of
 * their differences, and what the judge models spent. No answers and no latency tables: the full report has those.
 */
public record CompareSummary(CompareReport report) implements Report {

    /** Flipped cases shown with their reason at most; the full report lists them all. */
    static final int FLIPS_SHOWN = 20;

    @Override
    public Document document() {
        List<Document.Block> blocks = new ArrayList<>();
        GateSummary gate = report.scores() == null ? null : report.scores().gate();
        List<Document.KeyValue> header = new ArrayList<>(List.of(
                new Document.KeyValue("models", String.join(", ", report.models().stream().map(ModelInfo::model)
                        .toList())),
                new Document.KeyValue("cases", report.prompts().size() + " × "
                        + report.run().settings().getOrDefault("repeat", 1) + " repetition(s)")));
        Object cache = report.run().settings().get("cache");
        if (cache instanceof CacheTally tally) {
            header.add(new Document.KeyValue("response cache", tally.hits() + " hit(s) (not sent, not timed), "
                    + tally.misses() + " miss(es)"));
        }
        blocks.add(new Document.KeyValues(header));
        if (report.run().interrupted()) {
            blocks.add(new Document.Paragraph("Interrupted: these figures cover the requests that finished.", true));
        }
        if (report.scores() != null) {
            blocks.addAll(ScoresSection.gate(report.scores()));
            if (gate != null) {
                blocks.addAll(failingFlips());
            }
            blocks.addAll(ScoresSection.scores(report.scores()));
        }
        blocks.addAll(CompareDocument.judgeBlocks(report.judges()));
        String title = gate == null ? "Yardstick compare" : gate.failed() ? "Yardstick quality gate: FAILED"
                : "Yardstick quality gate: passed";
        return new Document(title, blocks);
    }

    /** Every case of a gated comparison that passed on the baseline and fails now, with why it fails now. */
    private List<Document.Block> failingFlips() {
        List<List<String>> rows = new ArrayList<>();
        int total = 0;
        for (PairComparison c : report.scores().comparisons()) {
            if (!c.baseline().startsWith("baseline: ")) {
                continue;
            }
            for (CaseRun run : c.passToFail()) {
                total++;
                if (rows.size() < FLIPS_SHOWN) {
                    rows.add(List.of(c.model(), run.label(), whyFailed(c.model(), run)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading("Cases that passed on the baseline and fail now"));
        blocks.add(new Document.Grid(List.of("model", "case", "why it fails now"), rows,
                List.of(false, false, false), true));
        if (total > rows.size()) {
            blocks.add(new Document.Paragraph((total - rows.size()) + " more; the full report lists them.", false));
        }
        return blocks;
    }

    /** The first failing assertion or check of the model's answer in that run of the case. */
    private String whyFailed(String model, CaseRun run) {
        return report.samples().stream()
                .filter(s -> s.model().equals(model) && s.promptId().equals(run.caseId())
                        && s.repetition() == run.repetition())
                .findFirst().map(CompareSummary::reason).orElse("");
    }

    private static String reason(SampleRecord s) {
        if (!s.ok()) {
            return "request failed: " + s.error().errorClass() + ": " + s.error().message();
        }
        if (s.grade() != null && !s.grade().pass()) {
            return s.grade().reason();
        }
        return s.checks().stream().filter(c -> !c.passed()).findFirst()
                .map(c -> c.check() + ": " + c.detail()).orElse("");
    }

    /** The summary is written as Markdown; as a table of rows it is the full report's. */
    @Override
    public Tabular tabular() {
        return report.tabular();
    }
}
