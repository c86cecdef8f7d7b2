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
    /**
     * Queue time is not gated: it is the tool's own wait for a slot, and in open-loop runs it is already inside
     * every latency that is gated.
     */
    private static final Set<Metric> UNGATED_METRICS = Set.of(Metric.QUEUE);
    /**
     * A latency must also be worse by this much to count as a regression: below a tenth of a millisecond, changes
     * are the client machine's scheduling noise (9 µs becoming 13 µs is +44% and means nothing), while a 5 ms
     * inter-token latency growing by 1 ms is a real change.
     */
    static final double MIN_LATENCY_REGRESSION_MS = 0.1;

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

    /** For latencies, worse by at least {@link #MIN_LATENCY_REGRESSION_MS}; other units have no floor. */
    private static boolean materially(MetricStat stat, Change change) {
        return !"ms".equals(stat.unit()) || Math.abs(change.absolute()) >= MIN_LATENCY_REGRESSION_MS;
    }

    /**
     * The p50, p95 and p99 of every distribution, and the throughput, output tokens/s and goodput, that got worse
     * by more than {@code maxRegressionPercent} (latency up, throughput down). Figures undefined on either side are
     * not judged. Queue time is not judged, and a latency must also be worse by at least
     * {@link #MIN_LATENCY_REGRESSION_MS}.
     */
    public List<Change> regressions(double maxRegressionPercent) {
        List<Change> worse = new ArrayList<>();
        for (MetricDiff m : metrics) {
            if (UNGATED_METRICS.contains(m.metric())) {
                continue;
            }
            for (Change c : m.changes()) {
                if (c.quantity() instanceof MetricStat s && GATED_STATS.contains(s.stat())
                        && c.worseBeyond(maxRegressionPercent) && materially(s, c)) {
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
