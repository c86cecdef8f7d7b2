package dev.yardstick.export.html;

import dev.yardstick.config.ToolVersion;
import dev.yardstick.cost.prices.Figures;
import dev.yardstick.cost.recommend.CostAnalysis.ScenarioResult;
import dev.yardstick.cost.recommend.ScenarioCost;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.CostReport;
import dev.yardstick.report.DiffReport;
import dev.yardstick.report.ModelInfo;
import dev.yardstick.report.Report;
import dev.yardstick.report.RunInfo;
import dev.yardstick.report.SwitchReport;
import dev.yardstick.report.scores.CompareDiffReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a report came from, for the page's header: the command, the tool's version, when it ran, the models and the
 * price rows every cost used. Read from the report's own run header where it has one; a report without one (a cost
 * analysis) is described by the command line that wrote the page, and now.
 *
 * @param commandLine  the command as typed, or its name when the typed line is unknown
 * @param models       each model with what a reader needs to trust its numbers (provider, tokenizer, synthetic);
 *                     for a diff, the two reports compared
 * @param prices       one line per price row used
 */
record Provenance(String commandLine, String version, Instant startedAt, Instant finishedAt, boolean interrupted,
                  Map<String, String> models, List<String> prices) {

    static Provenance of(Report report, String typed, Instant now) {
        RunInfo run = runOf(report);
        String command = typed != null ? typed : run != null ? "yardstick " + run.command() : "yardstick";
        Map<String, String> models = new LinkedHashMap<>();
        List<String> prices = new ArrayList<>();
        switch (report) {
            case CompareReport r -> describe(r.models(), models, prices);
            case BenchmarkReport r -> describe(r.models(), models, prices);
            case SwitchReport r -> describe(r.models(), models, prices);
            case DiffReport r -> {
                models.put("baseline", r.baseline());
                models.put("new", r.current());
            }
            case CompareDiffReport r -> {
                models.put("baseline", r.baseline());
                models.put("new", r.current());
            }
            case CostReport r -> {
                for (ScenarioResult scenario : r.scenarios()) {
                    for (ScenarioCost cost : scenario.ranked()) {
                        if (!models.containsKey(cost.model())) {
                            models.put(cost.model(), "tokens " + cost.tokenBasis());
                            prices.add(cost.price().reference());
                        }
                    }
                }
            }
            default -> {
            }
        }
        return run == null
                ? new Provenance(command, ToolVersion.current(), null, now, false, models, prices)
                : new Provenance(command, run.version(), run.startedAt(), run.finishedAt(), run.interrupted(), models,
                prices);
    }

    private static RunInfo runOf(Report report) {
        return switch (report) {
            case CompareReport r -> r.run();
            case BenchmarkReport r -> r.run();
            case SwitchReport r -> r.run();
            case DiffReport r -> r.run();
            case CompareDiffReport r -> r.run();
            default -> null;
        };
    }

    private static void describe(List<ModelInfo> infos, Map<String, String> models, List<String> prices) {
        for (ModelInfo m : infos) {
            models.put(m.model(), m.provider() + (m.synthetic() ? ", synthetic (mock)" : "") + ", tokens "
                    + m.tokenSource() + (m.tokenizer() == null ? "" : " (" + m.tokenizer() + ")")
                    + (m.contextWindow() == null ? "" : ", context " + Figures.tokens(m.contextWindow())));
            if (m.price() != null) {
                prices.add(m.price().describe());
            }
        }
    }
}
