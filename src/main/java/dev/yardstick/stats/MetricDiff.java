package dev.yardstick.stats;

import java.util.List;

/**
 * One distribution compared between a baseline and a new run.
 *
 * @param changes            p50, p90, p95, p99, p99.9 and mean, in that order
 * @param baselineMedianCi   the baseline median's 95% interval
 * @param currentMedianCi    the new median's 95% interval
 * @param medianSignificant  the two intervals do not overlap: the median moved by more than noise
 */
public record MetricDiff(Metric metric, List<Change> changes, Interval baselineMedianCi, Interval currentMedianCi,
                         boolean medianSignificant) {

    public MetricDiff {
        changes = List.copyOf(changes);
    }

    public Change change(Stat stat) {
        String label = new MetricStat(stat, metric).label();
        return changes.stream().filter(c -> c.quantity().label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(label + " is not compared"));
    }
}
