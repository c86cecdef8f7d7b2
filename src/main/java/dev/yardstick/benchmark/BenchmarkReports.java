package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;
import dev.yardstick.config.ToolVersion;
import dev.yardstick.export.ReportFiles;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.DiffReport;
import dev.yardstick.report.ModelInfo;
import dev.yardstick.report.RunInfo;
import dev.yardstick.stats.Change;
import dev.yardstick.stats.FigureDiff;
import dev.yardstick.stats.Judgement;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.StatsDiff;
import dev.yardstick.stats.RegressionRule;
import dev.yardstick.stats.StatsMerger;
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
import java.util.function.Function;
import java.util.function.Predicate;
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
        return new Named(file.getFileName().toString(), ReportFiles.read(file, "benchmark", BenchmarkReport.class));
    }

    /** Reads a plan's baseline, refusing one that shares no step and model with the plan (nothing to compare). */
    public static BenchmarkReport readBaseline(BenchmarkPlan plan) {
        Named baseline = read(plan.baseline());
        Gates.requireComparable(plan, baseline.report(), baseline.name());
        return baseline.report();
    }

    /**
     * Merges reports of the same plan (its shards, or repeated runs): per step and model, histograms and counts add,
     * windows span them all, lateness adds up; rates add over shards (each ran a share of the load) and pool over
     * repeated runs. The sweep's stop rule is judged again on the merged figures, steps only some reports ran are
     * marked partial, and shards that did not run at the same time are warned about. The plan's threshold gates are
     * judged again on the merged steps every report ran, and its regression gate too when its baseline is at hand.
     *
     * @param planOf reads the settings the reports share back into their plan (as the command line reads them)
     */
    public static BenchmarkReport merge(List<Named> parts, Function<Map<String, Object>, BenchmarkPlan> planOf) {
        if (parts.size() < 2) {
            throw new InputException("give at least two reports to merge");
        }
        Map<String, Object> settings = commonSettings(parts);
        Map<String, Object> unprompted = new LinkedHashMap<>(settings);
        unprompted.remove("prompts"); // a merge sends no request: its prompt set need not be at hand
        BenchmarkPlan plan = planOf.apply(unprompted);
        List<String> notes = new ArrayList<>();
        notes.add("Merged from " + parts.size() + " reports: " + String.join(", ", parts.stream()
                .map(p -> p.name() + shardOf(p.report()).map(s -> " (shard " + s + ")").orElse("")).toList()) + ".");
        missingShards(parts).ifPresent(notes::add);
        perRunSections(parts).ifPresent(notes::add);
        StatsMerger.Rule rule = rule(parts);
        MergedSweep sweep = MergedSweep.of(parts, rule, plan.errorBudget(), plan.steps().size());
        if (sweep.complete().size() < sweep.steps().size()) {
            notes.add("Gates judged only the steps every report ran; partial steps are shown but not judged.");
        }
        Gates.Baseline baseline = null;
        if (plan.baseline() != null && Files.isRegularFile(plan.baseline())) {
            Named base = read(plan.baseline());
            baseline = new Gates.Baseline(base.report(), base.name(), plan.regression());
        } else if (plan.baseline() != null) {
            notes.add("The plan's baseline " + plan.baseline() + " is not here, so its regression gate was not judged"
                    + " again; compare with 'yardstick report diff BASELINE MERGED --max-regression N%'.");
        }
        RunInfo first = parts.getFirst().report().run();
        Instant started = parts.stream().map(p -> p.report().run().startedAt()).min(Instant::compareTo).orElseThrow();
        Instant finished = parts.stream().map(p -> p.report().run().finishedAt()).max(Instant::compareTo)
                .orElseThrow();
        boolean interrupted = parts.stream().anyMatch(p -> p.report().run().interrupted());
        RunInfo run = new RunInfo(first.tool(), ToolVersion.current(), "benchmark", started, finished, interrupted,
                settings);
        Map<String, String> definitions = new LinkedHashMap<>(parts.getFirst().report().definitions().isEmpty()
                ? BenchmarkReport.standardDefinitions() : parts.getFirst().report().definitions());
        definitions.put("merged rates", rule == StatsMerger.Rule.SHARDS ? ModelStats.MERGED_RATES_FORMULA
                : "Merged runs of the whole plan: each rate is pooled, every run's count over the sum of their windows");
        return new BenchmarkReport(run, models(parts, sweep.steps()), sweep.steps(),
                Gates.judge(plan.failIf(), sweep.complete(), baseline), sweep.stoppedEarly(), notes, definitions);
    }

    /**
     * The sections of one run that a merge cannot add up (each machine's seconds, its server's metrics, a workload's
     * sessions, a search or an abort): named, so a reader knows they stay in the inputs and are not lost silently.
     */
    static Optional<String> perRunSections(List<Named> parts) {
        List<String> kept = new ArrayList<>();
        Map<String, Predicate<BenchmarkReport>> sections = new LinkedHashMap<>();
        sections.put("time series", r -> !r.timeSeries().isEmpty());
        sections.put("server metrics", r -> r.serverMetrics() != null);
        sections.put("workload details", r -> r.workloads() != null);
        sections.put("capacity search", r -> r.capacity() != null);
        sections.put("abort reason", r -> r.aborted() != null);
        sections.put("costs", r -> !r.costs().isEmpty());
        sections.forEach((name, present) -> {
            if (parts.stream().anyMatch(p -> present.test(p.report()))) {
                kept.add(name);
            }
        });
        return kept.isEmpty() ? Optional.empty() : Optional.of("Not merged, kept in each input report: "
                + String.join(", ", kept) + " (one run's own, which no sum of shards gives).");
    }

    /** Shards add their rates, whole runs pool them; a mix of the two is no one plan's load. */
    private static StatsMerger.Rule rule(List<Named> parts) {
        long shards = parts.stream().filter(p -> shardOf(p.report()).isPresent()).count();
        if (shards == parts.size()) {
            return StatsMerger.Rule.SHARDS;
        }
        if (shards == 0) {
            return StatsMerger.Rule.REPEATS;
        }
        throw new InputException("cannot merge shards (--shard i/N) with whole runs: give the shards of one plan, or"
                + " whole runs of it");
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

    /** The models, their token source taken again from the merged samples' counts. */
    private static List<ModelInfo> models(List<Named> parts, List<BenchmarkReport.Step> steps) {
        Map<String, ModelInfo> byLabel = new LinkedHashMap<>();
        parts.forEach(p -> p.report().models().forEach(m -> byLabel.putIfAbsent(m.model(), m)));
        return byLabel.values().stream().map(m -> new ModelInfo(m.model(), m.provider(), m.synthetic(), m.tokenizer(),
                BenchmarkReport.tokenSource(steps, m.model()).orElse(m.tokenSource()), m.contextWindow(), m.price()))
                .toList();
    }

    /**
     * Compares a new report with a baseline, step by step (matched by load) and model by model (matched by name, or
     * the single model of each side). Reports with no step and model in common are an input error: there is
     * nothing to compare, and saying "no regression" would be a false pass.
     *
     * @param maxRegressionPercent the allowance for gated figures, null to report changes only
     * @param confidence           the intervals' confidence (0..1)
     * @param gateUnsupported      judge percentiles their sample count cannot bound on their change alone
     */
    public static DiffReport diff(Named baseline, Named current, Double maxRegressionPercent, double confidence,
                                  boolean gateUnsupported) {
        RegressionRule rule = new RegressionRule(maxRegressionPercent == null ? 0 : maxRegressionPercent, confidence,
                gateUnsupported);
        List<DiffReport.Comparison> comparisons = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (BenchmarkReport.Step step : current.report().steps()) {
            Optional<BenchmarkReport.Step> baseStep = Counterparts.step(baseline.report(), step.load());
            if (baseStep.isEmpty()) {
                notCompared.add("Step " + step.load() + " of " + current.name() + " is not in " + baseline.name() + ".");
                continue;
            }
            for (ModelStats stats : step.models()) {
                Optional<ModelStats> base = Counterparts.model(baseStep.get(), step, stats);
                if (base.isEmpty()) {
                    notCompared.add(stats.model() + " at " + step.load() + " is not in " + baseline.name() + ".");
                    continue;
                }
                comparisons.add(new DiffReport.Comparison(step.load(), base.get().model(), stats.model(),
                        rows(StatsDiff.between(base.get(), stats, confidence), rule)));
            }
        }
        if (comparisons.isEmpty()) {
            throw new InputException(baseline.name() + " and " + current.name() + " have no step and model in common"
                    + " (" + baseline.name() + ": " + Counterparts.describe(baseline.report()) + "; " + current.name()
                    + ": " + Counterparts.describe(current.report()) + "): nothing to compare");
        }
        for (BenchmarkReport.Step step : baseline.report().steps()) {
            if (Counterparts.step(current.report(), step.load()).isEmpty()) {
                notCompared.add("Step " + step.load() + " of " + baseline.name() + " is not in " + current.name()
                        + ".");
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (maxRegressionPercent != null) {
            settings.put("max-regression", Percentages.format(maxRegressionPercent));
        }
        settings.put("confidence", RegressionRule.confidenceText(confidence));
        if (gateUnsupported) {
            settings.put("gate-unsupported", true);
        }
        RunInfo run = RunInfo.endingNow("report diff", Instant.now(), false, settings, null);
        return new DiffReport(run, baseline.name(), current.name(), maxRegressionPercent, confidence * 100,
                gateUnsupported, comparisons, notCompared, List.of());
    }

    private static List<DiffReport.Row> rows(StatsDiff diff, RegressionRule rule) {
        List<DiffReport.Row> rows = new ArrayList<>();
        for (FigureDiff f : diff.figures()) {
            Change c = f.change();
            Judgement verdict = f.judge(rule);
            rows.add(new DiffReport.Row(c.quantity().label(), c.quantity().unit(), c.baseline(), c.current(),
                    c.relativePercent(), f.baselineCi(), f.currentCi(), f.gated(), verdict.label(),
                    verdict == Judgement.REGRESSED));
        }
        return rows;
    }
}
