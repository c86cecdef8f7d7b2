package dev.yardstick.report.scores;

import dev.yardstick.report.Document;
import dev.yardstick.report.Report;
import dev.yardstick.report.RunInfo;
import dev.yardstick.report.Tabular;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code yardstick report diff} of two compare reports: each model of the new one against its namesake in the
 * baseline, with the significance of the differences, the flipped cases and the quality gates.
 */
public record CompareDiffReport(RunInfo run, String baseline, String current, Scores scores) implements Report {

    @Override
    public Document document() {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.KeyValues(List.of(new Document.KeyValue("baseline", baseline),
                new Document.KeyValue("new", current))));
        blocks.addAll(ScoresSection.gate(scores));
        blocks.addAll(ScoresSection.scores(scores));
        return new Document("Yardstick report diff (compare)", blocks);
    }

    /** One row per comparison. */
    @Override
    public Tabular tabular() {
        List<List<Object>> rows = new ArrayList<>();
        for (PairComparison c : scores.comparisons()) {
            rows.add(List.of(c.baseline(), c.model(), c.passRateTest().cases(), c.baselinePassRate(), c.passRate(),
                    c.passRateTest().pValue(), c.passRateTest().method().label(), c.passToFail().size(),
                    c.failToPass().size(), c.baselineMedianMs(), c.medianMs(), c.latency().pValue(),
                    c.latency().rankBiserial(), c.baselineCostPerRequestUsd(), c.costPerRequestUsd(),
                    c.cost().pValue()));
        }
        return new Tabular(List.of("baseline", "model", "paired_cases", "baseline_pass_rate", "pass_rate",
                "pass_rate_p", "pass_rate_test", "pass_to_fail", "fail_to_pass", "baseline_median_e2e_ms",
                "median_e2e_ms", "latency_p", "latency_rank_biserial", "baseline_cost_per_request_usd",
                "cost_per_request_usd", "cost_p"), rows);
    }
}
