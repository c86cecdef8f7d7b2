package dev.yardstick.benchmark;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.stats.ModelStats;
import dev.yardstick.stats.RetryFreeLatency;
import dev.yardstick.stats.StatsMerger;
import dev.yardstick.stats.Window;
import dev.yardstick.watch.ClientUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The steps of several reports of one plan merged step by step, and the sweep's stop rule judged again on the
 * merged figures (each shard stopped on its own share, which is not the plan's). A step only some reports ran is
 * kept, marked partial and warned about; shards whose windows did not overlap are warned about too, since the
 * server never carried the plan's whole load.
 *
 * @param steps         every step any report ran, in the plan's order
 * @param stoppedEarly  why the merged sweep stops, null when it does not stop before its last step
 */
record MergedSweep(List<BenchmarkReport.Step> steps, String stoppedEarly) {

    /** Shards ran "at the same time" when the part all their windows share covers this much of the shortest. */
    static final double CONCURRENT_SHARE = 0.9;
    /** Repeated whole runs overlapping more than this ran side by side, at a multiple of the plan's load. */
    static final double APART_SHARE = 0.1;

    /** The steps that every merged report ran, the ones gates may judge. */
    List<BenchmarkReport.Step> complete() {
        return steps.stream().filter(s -> !s.partial()).toList();
    }

    /**
     * @param parts        the reports, with the names they are shown by
     * @param rule         shards (rates add) or repeated runs (rates pool)
     * @param budget       the plan's error budget, in percent
     * @param plannedSteps how many steps the plan has
     */
    static MergedSweep of(List<BenchmarkReports.Named> parts, StatsMerger.Rule rule, double budget, int plannedSteps) {
        Map<String, List<Ran>> byLoad = new LinkedHashMap<>();
        for (BenchmarkReports.Named part : parts) {
            for (BenchmarkReport.Step step : part.report().steps()) {
                byLoad.computeIfAbsent(step.load(), k -> new ArrayList<>()).add(new Ran(label(part), step));
            }
        }
        List<List<Ran>> ordered = new ArrayList<>(byLoad.values());
        ordered.sort(Comparator.comparingInt(same -> same.getFirst().step().number()));
        List<BenchmarkReport.Step> steps = new ArrayList<>();
        String stoppedEarly = null;
        Integer stoppedAfter = null;
        for (List<Ran> same : ordered) {
            BenchmarkReport.Step first = same.getFirst().step();
            List<ModelStats> models = StatsMerger.merge(rule, same.stream().map(r -> r.step().models()).toList());
            BenchmarkReport.Lateness lateness = same.stream().map(r -> r.step().lateness())
                    .filter(Objects::nonNull).reduce(BenchmarkReport.Lateness::plus).orElse(null);
            double bad = Budget.badPercent(models);
            boolean over = Budget.over(bad, budget);
            boolean partial = same.size() < parts.size();
            List<String> warnings = new ArrayList<>();
            if (partial) {
                warnings.add(partialWarning(first, same, parts, stoppedAfter));
            }
            timing(same, rule).ifPresent(warnings::add);
            for (Ran ran : same) {
                // What made a part's figures suspect (its client saturated, ...) makes the sum suspect too.
                ran.step().warnings().forEach(w -> warnings.add(same.size() > 1 ? ran.name() + ": " + w : w));
            }
            List<RetryFreeLatency> withoutRetries = StatsMerger.mergeRetryFree(
                    same.stream().map(r -> r.step().withoutRetries()).toList(),
                    same.stream().map(r -> r.step().models()).toList());
            steps.add(new BenchmarkReport.Step(first.number(), first.load(), null, first.arrival(), lateness, models,
                    bad, over, busiest(same), partial, warnings).withoutRetries(withoutRetries)
                    .withEndpoints(MergedEndpoints.of(rule, same.stream().map(r -> r.step().endpoints()).toList())));
            if (stoppedAfter == null && over && first.number() < plannedSteps) {
                stoppedAfter = first.number();
                stoppedEarly = "Sweep stopped after step " + first.number() + " (" + first.load() + ") on the merged"
                        + " figures: " + Percentages.format(bad) + " of its requests failed or missed an SLO, over the"
                        + " error budget of " + Percentages.format(budget) + "."
                        + (ordered.getLast() == same ? "" : " Later steps some shards ran are shown as partial.");
            }
        }
        return new MergedSweep(steps, stoppedEarly);
    }

    private record Ran(String name, BenchmarkReport.Step step) {
    }

    private static String label(BenchmarkReports.Named part) {
        Object shard = part.report().run().settings().get("shard");
        return shard == null ? part.name() : "shard " + shard;
    }

    private static String partialWarning(BenchmarkReport.Step step, List<Ran> same, List<BenchmarkReports.Named> parts,
                                         Integer stoppedAfter) {
        List<String> ran = same.stream().map(Ran::name).toList();
        List<String> why = new ArrayList<>();
        for (BenchmarkReports.Named part : parts) {
            if (ran.contains(label(part))) {
                continue;
            }
            String stopped = part.report().stoppedEarly();
            why.add(label(part) + (part.report().run().interrupted() ? " was interrupted"
                    : stopped != null ? " stopped its own sweep (" + stopped.replaceAll("\\.$", "") + ")"
                    : " did not run it"));
        }
        return "Partial: step " + step.number() + " (" + step.load() + ") ran in " + same.size() + " of the "
                + parts.size() + " reports (" + String.join(", ", ran) + "); " + String.join("; ", why)
                + ". Its figures cover only part of the plan's load"
                + (stoppedAfter == null ? "" : ", after the point where the merged sweep stops (step " + stoppedAfter
                + ")") + ", and no gate judges them.";
    }

    /** A warning when shards did not run at the same time, or repeated whole runs did. */
    private static java.util.Optional<String> timing(List<Ran> same, StatsMerger.Rule rule) {
        if (same.size() < 2) {
            return java.util.Optional.empty();
        }
        List<Window> windows = same.stream().map(r -> r.step().models().stream().map(ModelStats::window)
                .reduce(Window.NONE, Window::union)).toList();
        double share = Window.commonShare(windows);
        String shared = String.format(Locale.ROOT, "%.0f%%", share * 100);
        if (rule == StatsMerger.Rule.SHARDS && share < CONCURRENT_SHARE) {
            return java.util.Optional.of("The shards did not run at the same time (their windows share " + shared
                    + " of the shortest; 0% is one after the other): the server never carried the plan's whole load."
                    + " Throughput, output tokens/s and goodput are the sums of each shard's own rate, an estimate of"
                    + " the plan's, not a measurement of it; latencies are each shard's at its share of the load.");
        }
        if (rule == StatsMerger.Rule.REPEATS && share > APART_SHARE) {
            return java.util.Optional.of("These runs of the whole plan overlapped in time (their windows share "
                    + shared + " of the shortest): while they did, the server carried a multiple of the plan's load."
                    + " Rates are pooled over the runs' windows.");
        }
        return java.util.Optional.empty();
    }

    /**
     * The part whose client was busiest (saturated first, then the longest behind schedule, then by CPU per core),
     * the one that bounds the merged figures.
     */
    private static ClientUsage busiest(List<Ran> same) {
        return same.stream().map(r -> r.step().client()).filter(Objects::nonNull)
                .max(Comparator.comparing(ClientUsage::saturated)
                        .thenComparingDouble(c -> c.lag() == null ? -1 : orLow(c.lag().behindPercent()))
                        .thenComparingDouble(c -> orLow(c.cpuPercentOfCore() / c.cores())))
                .orElse(null);
    }

    private static double orLow(double value) {
        return Double.isNaN(value) ? -1 : value;
    }
}
