package dev.yardstick.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A new run's {@link ModelStats} compared with a baseline's: every percentile and mean of every distribution, and
 * the whole-run rates, each with its absolute and relative change.
 *
 * @param metrics  one entry per {@link Metric}, in enum order
 * @param rates    one entry per {@link Rate}, in enum order
 */
public record StatsDiff(String baselineModel, String currentModel, List<MetricDiff> metrics, List<Change> rates) {

    private static final List<Stat> COMPARED = List.of(Stat.P50, Stat.P90, Stat.P95, Stat.P99, Stat.P999, Stat.MEAN);
    /** The percentiles a regression gate judges: the typical request and the tail. */
    private static final Set<Stat> GATED_STATS = Set.of(Stat.P50, Stat.P95, Stat.P99);
    /**
     * The rates a regression gate judges. The shares (error rate, SLO attainment) are not among them: a relative
     * change of a share near 0 is meaningless, so gate them absolutely with a {@link Threshold} such as
     * {@code error_rate > 1%}.
     */
    private static final Set<Rate> GATED_RATES = Set.of(Rate.THROUGHPUT, Rate.OUTPUT_TPS, Rate.GOODPUT);

    public StatsDiff {
        metrics = List.copyOf(metrics);
        rates = List.copyOf(rates);
    }

    public static StatsDiff between(ModelStats baseline, ModelStats current) {
        List<MetricDiff> metrics = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            List<Change> changes = new ArrayList<>();
            for (Stat stat : COMPARED) {
                changes.add(change(new MetricStat(stat, metric), baseline, current));
            }
            Interval before = baseline.metric(metric).medianCi();
            Interval after = current.metric(metric).medianCi();
            metrics.add(new MetricDiff(metric, changes, before, after, before.apartFrom(after)));
        }
        List<Change> rates = new ArrayList<>();
        for (Rate rate : Rate.values()) {
            rates.add(change(rate, baseline, current));
        }
        return new StatsDiff(baseline.model(), current.model(), metrics, rates);
    }

    private static Change change(Quantity quantity, ModelStats baseline, ModelStats current) {
        return new Change(quantity, quantity.valueOf(baseline), quantity.valueOf(current));
    }

    public MetricDiff metric(Metric metric) {
        return metrics.get(metric.ordinal());
    }

    /** Every change: each distribution's, then the rates. */
    public List<Change> changes() {
        List<Change> all = new ArrayList<>();
        metrics.forEach(m -> all.addAll(m.changes()));
        all.addAll(rates);
        return all;
    }

    /**
     * The p50, p95 and p99 of every distribution, and the throughput, output tokens/s and goodput, that got worse
     * by more than {@code maxRegressionPercent} (latency up, throughput down). Figures undefined on either side are
     * not judged.
     */
    public List<Change> regressions(double maxRegressionPercent) {
        List<Change> worse = new ArrayList<>();
        for (MetricDiff m : metrics) {
            for (Change c : m.changes()) {
                if (c.quantity() instanceof MetricStat s && GATED_STATS.contains(s.stat())
                        && c.worseBeyond(maxRegressionPercent)) {
                    worse.add(c);
                }
            }
        }
        for (Change c : rates) {
            if (c.quantity() instanceof Rate r && GATED_RATES.contains(r) && c.worseBeyond(maxRegressionPercent)) {
                worse.add(c);
            }
        }
        return worse;
    }
}
