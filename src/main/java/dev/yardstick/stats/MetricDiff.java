package dev.yardstick.stats;

import java.util.List;

/**
 * One distribution compared between a baseline and a new run.
 *
 * @param figures  p50, p90, p95, p99, p99.9 and mean, in that order, each with both runs' intervals
 */
public record MetricDiff(Metric metric, List<FigureDiff> figures) {

    public MetricDiff {
        figures = List.copyOf(figures);
    }

    public FigureDiff figure(Stat stat) {
        String label = new MetricStat(stat, metric).label();
        return figures.stream().filter(f -> f.quantity().label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(label + " is not compared"));
    }

    public Change change(Stat stat) {
        return figure(stat).change();
    }

    public List<Change> changes() {
        return figures.stream().map(FigureDiff::change).toList();
    }

    /** The two medians' intervals do not overlap: the median moved by more than noise. */
    public boolean medianSignificant() {
        return figure(Stat.P50).significant();
    }
}
