package dev.yardstick.export.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.data.xy.XYSeries;

/**
 * A run's figures second by second, one line per figure, whatever record holds the points: the benchmark's
 * per-second time series hands its points and says which figures to draw, so the chart needs no change when the
 * record gains a figure.
 */
public final class TimeSeriesChart {

    private TimeSeriesChart() {
    }

    /**
     * @param second  seconds since the run's start, per point
     * @param figures line name → its value per point, all in {@code unit}; NaN leaves a gap (a second with nothing
     *                to measure)
     */
    public static <T> Chart of(String id, String title, List<T> points, ToDoubleFunction<T> second,
                               Map<String, ToDoubleFunction<T>> figures, String unit) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        figures.forEach((name, figure) -> {
            XYSeries line = new XYSeries(name, true, true);
            for (T point : points) {
                double y = figure.applyAsDouble(point);
                line.add(second.applyAsDouble(point), Double.isFinite(y) ? y : null);
            }
            series.put(name, line);
        });
        return new Chart(id, title, "Each point is one second of the run, from its start; a gap is a second with no"
                + " value.", Plots.lines(title, "time since start (s)", unit, new ArrayList<>(series.values()), false),
                List.copyOf(series.keySet()), "time since start (s)", unit, Chart.WIDTH, Chart.HEIGHT);
    }
}
