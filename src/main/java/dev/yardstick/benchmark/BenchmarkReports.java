package dev.yardstick.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ToolVersion;
import dev.yardstick.config.YamlFiles;
import dev.yardstick.export.Json;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.DiffReport;
import dev.yardstick.report.ModelInfo;
import dev.yardstick.report.RunInfo;
import dev.yardstick.stats.Change;
import dev.yardstick.stats.MetricDiff;
import dev.yardstick.stats.MetricStat;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.StatsDiff;
import dev.yardstick.stats.StatsMerger;
import dev.yardstick.stats.Stat;
import dev.yardstick.stats.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Benchmark reports read back from their JSON: merged (the shards of one plan, run on several machines, into the
 * report one run would have written: histograms add exactly, so every percentile is the one a single run gives) and
 * compared (a baseline against a new run).
 */
public final class BenchmarkReports {

    /** Settings that may differ between the shards of one plan. */
    private static final Set<String> PER_SHARD = Set.of("shard", "samples");

    private BenchmarkReports() {
    }

    /** A report and the name it is shown by (its file name). */
    public record Named(String name, BenchmarkReport report) {
    }

    /** Reads a benchmark report written with {@code --format json} or {@code -o FILE.json}. */
    public static Named read(Path file) {
        String text = YamlFiles.readText(file);
        BenchmarkReport report;
        try {
            if (!"benchmark".equals(Json.mapper().readTree(text).at("/run/command").asText())) {
                throw new InputException(file + " is not a benchmark report (write one with yardstick benchmark"
                        + " --format json or -o FILE.json)");
            }
            report = Json.mapper().readValue(text, BenchmarkReport.class);
        } catch (JsonProcessingException e) {
            throw InputException.inFile(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    YamlFiles.fieldOf(e), "not a readable benchmark report: " + YamlFiles.problem(e));
        }
        return new Named(file.getFileName().toString(), report);
    }

    /**
     * Merges reports of the same plan (its shards, or repeated runs): per step and model, histograms and counts add,
     * windows span them all, lateness adds up; the plan's threshold gates are judged again on the merged figures,
     * and its regression gate too when its baseline file is at hand.
     */
    public static BenchmarkReport merge(List<Named> parts) {
        if (parts.size() < 2) {
            throw new InputException("give at least two reports to merge");
        }
        Map<String, Object> settings = commonSettings(parts);
        PlanSettings plan = PlanSettings.fromMap(settings, parts.getFirst().name());
        double budget = Percentages.parse(plan.errorBudget() == null ? BenchmarkPlan.DEFAULT_ERROR_BUDGET
                : plan.errorBudget(), "error budget");
        List<String> notes = new ArrayList<>();
        notes.add("Merged from " + parts.size() + " reports: " + String.join(", ", parts.stream()
                .map(p -> p.name() + shardOf(p.report()).map(s -> " (shard " + s + ")").orElse("")).toList()) + ".");
        missingShards(parts).ifPresent(notes::add);
        List<BenchmarkReport.Step> steps = mergeSteps(parts, budget, notes);
        List<Threshold> thresholds = plan.failIf() == null ? List.of()
                : plan.failIf().stream().map(Threshold::parse).toList();
        Gates.Baseline baseline = null;
        if (plan.baseline() != null && Files.isRegularFile(Path.of(plan.baseline()))) {
            Named base = read(Path.of(plan.baseline()));
            baseline = new Gates.Baseline(base.report(), base.name(), Percentages.parse(plan.maxRegression() == null
                    ? BenchmarkPlan.DEFAULT_MAX_REGRESSION : plan.maxRegression(), "max regression"));
        } else if (plan.baseline() != null) {
            notes.add("The plan's baseline " + plan.baseline() + " is not here, so its regression gate was not judged"
                    + " again; compare with 'yardstick report diff BASELINE MERGED --max-regression N%'.");
        }
        String stopped = parts.stream().map(p -> p.report().stoppedEarly()).filter(s -> s != null).findFirst()
                .orElse(null);
        RunInfo first = parts.getFirst().report().run();
        Instant started = parts.stream().map(p -> p.report().run().startedAt()).min(Instant::compareTo).orElseThrow();
        Instant finished = parts.stream().map(p -> p.report().run().finishedAt()).max(Instant::compareTo)
                .orElseThrow();
        boolean interrupted = parts.stream().anyMatch(p -> p.report().run().interrupted());
        RunInfo run = new RunInfo(first.tool(), ToolVersion.current(), "benchmark", started, finished, interrupted,
                settings);
        return new BenchmarkReport(run, models(parts), steps, Gates.judge(thresholds, steps, baseline), stopped, notes,
                parts.getFirst().report().definitions().isEmpty() ? BenchmarkReport.standardDefinitions()
                        : parts.getFirst().report().definitions());
    }

    /** The plan the reports share, without the per-shard settings; they must agree on everything else. */
    private static Map<String, Object> commonSettings(List<Named> parts) {
        Map<String, Object> common = withoutShard(parts.getFirst().report().run().settings());
        Set<String> seenShards = new HashSet<>();
        for (Named part : parts) {
            Map<String, Object> mine = withoutShard(part.report().run().settings());
            if (!mine.equals(common)) {
                Set<String> keys = new TreeSet<>(mine.keySet());
                keys.addAll(common.keySet());
                keys.removeIf(k -> java.util.Objects.equals(mine.get(k), common.get(k)));
                throw new InputException(parts.getFirst().name() + " and " + part.name() + " ran different plans"
                        + " (they differ in " + String.join(", ", keys) + "): only runs of one plan merge");
            }
            Optional<String> shard = shardOf(part.report());
            if (shard.isPresent() && !seenShards.add(shard.get())) {
                throw new InputException("shard " + shard.get() + " is given twice (" + part.name() + "): merging it"
                        + " twice would count its requests twice");
            }
        }
        return common;
    }

    private static Map<String, Object> withoutShard(Map<String, Object> settings) {
        Map<String, Object> out = new LinkedHashMap<>(settings);
        PER_SHARD.forEach(out::remove);
        return out;
    }

    private static Optional<String> shardOf(BenchmarkReport report) {
        return Optional.ofNullable(report.run().settings().get("shard")).map(String::valueOf);
    }

    private static Optional<String> missingShards(List<Named> parts) {
        Set<String> present = new TreeSet<>();
        int count = 0;
        for (Named part : parts) {
            Optional<String> text = shardOf(part.report());
            if (text.isPresent()) {
                Shard shard = Shard.parse(text.get());
                present.add(shard.text());
                count = shard.count();
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = new Shard(i, count).text();
            if (!present.contains(text)) {
                missing.add(text);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("Shards not merged: " + String.join(", ", missing)
                + ". The figures cover only part of the plan's load.");
    }

    @SuppressWarnings("unchecked")
    private static List<BenchmarkReport.Step> mergeSteps(List<Named> parts, double budget, List<String> notes) {
        Map<String, List<BenchmarkReport.Step>> byLoad = new LinkedHashMap<>();
        for (Named part : parts) {
            for (BenchmarkReport.Step step : part.report().steps()) {
                byLoad.computeIfAbsent(step.load(), k -> new ArrayList<>()).add(step);
            }
        }
        List<BenchmarkReport.Step> steps = new ArrayList<>();
        for (List<BenchmarkReport.Step> same : byLoad.values()) {
            BenchmarkReport.Step first = same.getFirst();
            if (same.size() < parts.size()) {
                notes.add("Step " + first.load() + " ran in " + same.size() + " of the " + parts.size() + " reports.");
            }
            List<ModelStats> models = StatsMerger.merge(same.stream().map(BenchmarkReport.Step::models)
                    .toArray(List[]::new));
            BenchmarkReport.Lateness lateness = same.stream().map(BenchmarkReport.Step::lateness)
                    .filter(l -> l != null).reduce(BenchmarkReport.Lateness::plus).orElse(null);
            double bad = Budget.badPercent(models);
            steps.add(new BenchmarkReport.Step(first.number(), first.load(), null, first.arrival(), lateness, models,
                    bad, Budget.over(bad, budget)));
        }
        return steps;
    }

    private static List<ModelInfo> models(List<Named> parts) {
        Map<String, ModelInfo> byLabel = new LinkedHashMap<>();
        parts.forEach(p -> p.report().models().forEach(m -> byLabel.putIfAbsent(m.model(), m)));
        return List.copyOf(byLabel.values());
    }

    /**
     * Compares a new report with a baseline, step by step (matched by load) and model by model (matched by name, or
     * the single model of each side).
     *
     * @param maxRegressionPercent the allowance for gated figures, null to report changes only
     */
    public static DiffReport diff(Named baseline, Named current, Double maxRegressionPercent) {
        List<DiffReport.Comparison> comparisons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BenchmarkReport.Step step : current.report().steps()) {
            Optional<BenchmarkReport.Step> baseStep = Counterparts.step(baseline.report(), step.load());
            if (baseStep.isEmpty()) {
                notes.add("Step " + step.load() + " is not in " + baseline.name() + ": not compared.");
                continue;
            }
            for (ModelStats stats : step.models()) {
                Optional<ModelStats> base = Counterparts.model(baseStep.get(), step, stats);
                if (base.isEmpty()) {
                    notes.add(stats.model() + " at " + step.load() + " is not in " + baseline.name() + ": not compared.");
                    continue;
                }
                comparisons.add(new DiffReport.Comparison(step.load(), base.get().model(), stats.model(),
                        rows(StatsDiff.between(base.get(), stats), maxRegressionPercent)));
            }
        }
        for (BenchmarkReport.Step step : baseline.report().steps()) {
            if (Counterparts.step(current.report(), step.load()).isEmpty()) {
                notes.add("Step " + step.load() + " of " + baseline.name() + " is not in " + current.name() + ".");
            }
        }
        RunInfo run = new RunInfo("yardstick", ToolVersion.current(), "report diff", Instant.now(), Instant.now(),
                false, maxRegressionPercent == null ? Map.of() : Map.of("max-regression",
                Gates.percent(maxRegressionPercent)));
        return new DiffReport(run, baseline.name(), current.name(), maxRegressionPercent, comparisons, notes);
    }

    private static List<DiffReport.Row> rows(StatsDiff diff, Double maxRegressionPercent) {
        // The figures a regression gate judges: those StatsDiff finds "worse" by more than −∞ (every defined one).
        List<Change> gated = diff.regressions(Double.NEGATIVE_INFINITY);
        List<Change> regressed = maxRegressionPercent == null ? List.of() : diff.regressions(maxRegressionPercent);
        List<DiffReport.Row> rows = new ArrayList<>();
        for (MetricDiff metric : diff.metrics()) {
            for (Change c : metric.changes()) {
                boolean median = c.quantity() instanceof MetricStat s && s.stat() == Stat.P50;
                rows.add(row(c, gated, regressed, median ? metric.medianSignificant() : null));
            }
        }
        for (Change c : diff.rates()) {
            rows.add(row(c, gated, regressed, null));
        }
        return rows;
    }

    private static DiffReport.Row row(Change c, List<Change> gated, List<Change> regressed, Boolean medianApart) {
        return new DiffReport.Row(c.quantity().label(), c.quantity().unit(), c.baseline(), c.current(),
                c.relativePercent(), gated.contains(c), regressed.contains(c), medianApart);
    }

}
