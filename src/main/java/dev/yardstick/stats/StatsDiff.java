package dev.yardstick.stats;

import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new run's {@link ModelStats} compared with a baseline's: every percentile and mean of every distribution, and
 * the whole-run rates, each with its absolute and relative change and both runs' confidence intervals at
 * {@code confidence}: order-statistic intervals for percentiles ({@link PercentileIntervals}), a bootstrap for means
 * and throughputs ({@link MeanBootstrap}), Wilson score intervals for the shares (error rate, SLO attainment).
 *
 * @param confidence  the intervals' confidence, 0..1
 * @param metrics     one entry per {@link Metric}, in enum order; a metric only some streams give
 *                    ({@link Metric#onlyWhenRecorded}) is left out when neither run recorded it
 * @param rates       one entry per {@link Rate}, in enum order
 */
public record StatsDiff(String baselineModel, String currentModel, double confidence, List<MetricDiff> metrics,
                        List<FigureDiff> rates) {

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

    /** Compares at the default confidence (95%). */
    public static StatsDiff between(ModelStats baseline, ModelStats current) {
        return between(baseline, current, RegressionRule.DEFAULT_CONFIDENCE);
    }

    public static StatsDiff between(ModelStats baseline, ModelStats current, double confidence) {
        Intervals before = new Intervals(baseline, confidence);
        Intervals after = new Intervals(current, confidence);
        List<MetricDiff> metrics = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric.onlyWhenRecorded() && !recorded(baseline, metric) && !recorded(current, metric)) {
                continue; // neither run reasoned: nothing to compare, and nothing a reader should see as undefined
            }
            List<FigureDiff> figures = new ArrayList<>();
            for (Stat stat : COMPARED) {
                MetricStat figure = new MetricStat(stat, metric);
                figures.add(new FigureDiff(change(figure, baseline, current), before.of(figure), after.of(figure),
                        metric.gated() && GATED_STATS.contains(stat)));
            }
            metrics.add(new MetricDiff(metric, figures));
        }
        List<FigureDiff> rates = new ArrayList<>();
        for (Rate rate : Rate.values()) {
            rates.add(new FigureDiff(change(rate, baseline, current), before.of(rate), after.of(rate),
                    GATED_RATES.contains(rate)));
        }
        return new StatsDiff(baseline.model(), current.model(), confidence, metrics, rates);
    }

    private static boolean recorded(ModelStats stats, Metric metric) {
        MetricSummary summary = stats.metric(metric);
        return summary != null && summary.count() > 0;
    }

    private static Change change(Quantity quantity, ModelStats baseline, ModelStats current) {
        return new Change(quantity, quantity.valueOf(baseline), quantity.valueOf(current));
    }

    /** The metric's comparison; null for one neither run recorded ({@link Metric#onlyWhenRecorded}). */
    public MetricDiff metric(Metric metric) {
        return metrics.stream().filter(m -> m.metric() == metric).findFirst().orElse(null);
    }

    public FigureDiff rate(Rate rate) {
        return rates.get(rate.ordinal());
    }

    /** Every figure: each distribution's, then the rates. */
    public List<FigureDiff> figures() {
        List<FigureDiff> all = new ArrayList<>();
        metrics.forEach(m -> all.addAll(m.figures()));
        all.addAll(rates);
        return all;
    }

    /** Every change: each distribution's, then the rates. */
    public List<Change> changes() {
        return figures().stream().map(FigureDiff::change).toList();
    }

    /**
     * The gated figures — p50, p95 and p99 of every {@link Metric#gated() gated} metric, and the throughput,
     * output tokens/s and goodput — that {@link Judgement#REGRESSED regressed} under {@code rule}.
     */
    public List<FigureDiff> regressions(RegressionRule rule) {
        return figures().stream().filter(f -> f.judge(rule) == Judgement.REGRESSED).toList();
    }

    /** {@link #regressions(RegressionRule)} at this diff's confidence, percentiles too few samples support left out. */
    public List<Change> regressions(double maxRegressionPercent) {
        return regressions(new RegressionRule(maxRegressionPercent, confidence, false)).stream()
                .map(FigureDiff::change).toList();
    }

    /** One run's intervals at one confidence; histograms decoded and resampled once, on first use. */
    private static final class Intervals {

        private final ModelStats stats;
        private final double confidence;
        private final Map<Metric, Histogram> histograms = new EnumMap<>(Metric.class);
        private final Map<Metric, MeanBootstrap> bootstraps = new EnumMap<>(Metric.class);

        Intervals(ModelStats stats, double confidence) {
            this.stats = stats;
            this.confidence = confidence;
        }

        Interval of(MetricStat figure) {
            Metric metric = figure.metric();
            if (!measured(metric)) {
                return Interval.UNDEFINED;
            }
            MetricSummary summary = stats.metric(metric);
            if (figure.stat().isPercentile()) {
                return PercentileIntervals.of(metric, histogram(metric), figure.stat().quantile(), confidence,
                        PercentileIntervals.independentValues(metric, summary.count(), stats.requests().succeeded()));
            }
            Interval recorded = bootstrap(metric).meanInterval(confidence);
            return new Interval(metric.fromRecorded(recorded.low()), metric.fromRecorded(recorded.high()));
        }

        Interval of(Rate rate) {
            return switch (rate) {
                case THROUGHPUT, OUTPUT_TPS, GOODPUT -> !measured(Metric.E2E)
                        ? Interval.UNDEFINED : bootstrap(Metric.E2E).ratioInterval(rate.valueOf(stats), confidence);
                case ERROR_RATE -> wilsonPercent(stats.requests().failed(), stats.requests().attempted());
                case SLO_ATTAINMENT -> wilsonPercent(stats.requests().metSlo(), stats.requests().attempted());
            };
        }

        private boolean measured(Metric metric) {
            MetricSummary summary = stats.metric(metric);
            return summary != null && summary.count() > 0;
        }

        private Histogram histogram(Metric metric) {
            return histograms.computeIfAbsent(metric, m -> HistogramCodec.decode(stats.metric(m).histogram()));
        }

        private MeanBootstrap bootstrap(Metric metric) {
            return bootstraps.computeIfAbsent(metric, m -> MeanBootstrap.of(histogram(m)));
        }

        /** The Wilson score interval of a share, in percent. */
        private Interval wilsonPercent(long hits, long trials) {
            if (trials == 0) {
                return Interval.UNDEFINED;
            }
            double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
            double p = hits / (double) trials;
            double denominator = 1 + z * z / trials;
            double centre = (p + z * z / (2.0 * trials)) / denominator;
            double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
            return new Interval(100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half));
        }
    }
}
