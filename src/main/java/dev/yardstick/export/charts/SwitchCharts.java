package dev.yardstick.export.charts;

import dev.yardstick.report.SwitchReport;
import dev.yardstick.report.SwitchReport.Conversation;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A switch test's pictures, per conversation: the timeline of every try on every model (answered, failed, refused
 * by an open circuit, unfit) with the scripted switches and the resilience events (retries, circuit-breaker state
 * changes, failovers); and how the window strategy fitted the history turn by turn.
 */
final class SwitchCharts {

    /** Outcomes of a try, in legend order, with their colours. */
    private static final Map<String, Color> OUTCOMES = outcomes();

    private SwitchCharts() {
    }

    private static Map<String, Color> outcomes() {
        Map<String, Color> m = new LinkedHashMap<>();
        m.put("answered", ChartStyle.GOOD);
        m.put("failed", ChartStyle.BAD);
        m.put("refused", ChartStyle.NEUTRAL);
        m.put("unfit", ChartStyle.SERIES.get(1));
        return m;
    }

    static List<ChartGroup> of(SwitchReport report) {
        List<ChartGroup> groups = new ArrayList<>();
        int index = 0;
        for (Conversation c : report.conversations()) {
            index++;
            List<Chart> charts = new ArrayList<>();
            timeline("switch-" + index, c).ifPresent(charts::add);
            windows("switch-" + index, c).ifPresent(charts::add);
            if (!charts.isEmpty()) {
                groups.add(new ChartGroup("Conversation: " + c.label(), charts));
            }
        }
        return groups;
    }

    private static Optional<Chart> timeline(String id, Conversation c) {
        if (c.attempts().isEmpty()) {
            return Optional.empty();
        }
        List<String> models = new ArrayList<>(new LinkedHashSet<>(c.route()));
        c.attempts().forEach(a -> { if (!models.contains(a.model())) models.add(a.model()); });
        c.events().forEach(e -> { if (e.model() != null && !models.contains(e.model())) models.add(e.model()); });
        double end = c.attempts().stream().mapToDouble(a -> a.startMs() + (a.e2eMs() == null ? 0 : a.e2eMs()))
                .max().orElse(1);
        double least = Math.max(end, 1) / 300; // a try that took no time still shows as a sliver
        Map<String, XYIntervalSeries> tries = new LinkedHashMap<>();
        for (SwitchReport.Attempt a : c.attempts()) {
            int row = models.indexOf(a.model());
            double span = Math.max(least, a.e2eMs() == null ? 0 : a.e2eMs());
            tries.computeIfAbsent(a.outcome(), k -> new XYIntervalSeries(k, false, true))
                    .add(a.startMs(), a.startMs(), a.startMs() + span, row, row - 0.3, row + 0.3);
        }
        XYIntervalSeriesCollection spans = new XYIntervalSeriesCollection();
        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        int s = 0;
        for (String outcome : ordered(tries.keySet())) {
            spans.addSeries(tries.get(outcome));
            bars.setSeriesPaint(s++, OUTCOMES.getOrDefault(outcome, ChartStyle.NEUTRAL));
        }
        Map<String, XYSeries> marks = new LinkedHashMap<>();
        for (SwitchReport.Event e : c.events()) {
            int row = e.model() == null ? 0 : models.indexOf(e.model());
            marks.computeIfAbsent(e.kind(), k -> new XYSeries(k, false, true)).add(e.atMs(), row + 0.4);
        }
        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        int p = 0;
        for (XYSeries series : marks.values()) {
            points.addSeries(series);
            dots.setSeriesPaint(p, ChartStyle.series(p + 3));
            dots.setSeriesShape(p, new Ellipse2D.Double(-4, -4, 8, 8));
            p++;
        }
        XYPlot plot = Plots.rows("time since the conversation started (ms)", "model", models);
        plot.setDataset(0, spans);
        plot.setRenderer(0, bars);
        plot.setDataset(1, points);
        plot.setRenderer(1, dots);
        switches(c).forEach(plot::addDomainMarker);
        String title = "Timeline: " + c.label();
        JFreeChart chart = Plots.finish(title, plot);
        List<String> series = new ArrayList<>(ordered(tries.keySet()));
        series.addAll(marks.keySet());
        return Optional.of(new Chart(id + "-timeline", title, "Every try as a bar from its start to its end,"
                + " coloured by outcome; dots mark resilience events (retries, circuit-breaker changes, failovers);"
                + " dashed lines the turns where the script switches model.", chart, series,
                "time since the conversation started (ms)", "model", Chart.WIDTH,
                Math.max(220, 130 + 46 * models.size())));
    }

    private static List<String> ordered(java.util.Set<String> outcomes) {
        List<String> out = new ArrayList<>();
        OUTCOMES.keySet().stream().filter(outcomes::contains).forEach(out::add);
        outcomes.stream().filter(o -> !out.contains(o)).forEach(out::add);
        return out;
    }

    /** A dashed line where a turn's model differs from the one before it: the script's switches. */
    private static List<ValueMarker> switches(Conversation c) {
        List<ValueMarker> markers = new ArrayList<>();
        String previous = null;
        for (SwitchReport.Turn turn : c.turns()) {
            if (previous != null && !previous.equals(turn.target())) {
                c.attempts().stream().filter(a -> a.turn() == turn.turn()).findFirst().ifPresent(a -> {
                    markers.add(Plots.marker(a.startMs(), "→ " + turn.target()));
                });
            }
            previous = turn.target();
        }
        return markers;
    }

    /** Tokens of the history before and after fitting, and the room the window left, per turn. */
    private static Optional<Chart> windows(String id, Conversation c) {
        XYSeries before = new XYSeries("history before fitting", true, true);
        XYSeries after = new XYSeries("sent after fitting", true, true);
        XYSeries room = new XYSeries("room in the window", true, true);
        for (SwitchReport.Turn t : c.turns()) {
            if (t.tokensBefore() != null) {
                before.add(t.turn(), t.tokensBefore());
            }
            if (t.tokensAfter() != null) {
                after.add(t.turn(), t.tokensAfter());
            }
            if (t.available() != null) {
                room.add(t.turn(), t.available());
            }
        }
        // A window far larger than the history would flatten the lines that matter: it is then left to the table.
        boolean roomFits = room.getItemCount() > 0 && before.getItemCount() > 0
                && room.getMaxY() <= 10 * Math.max(before.getMaxY(), after.getItemCount() > 0 ? after.getMaxY() : 0);
        List<XYSeries> series = new ArrayList<>();
        for (XYSeries line : roomFits ? List.of(before, after, room) : List.of(before, after)) {
            if (line.getItemCount() > 0) {
                series.add(line);
            }
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        String title = "Fitted windows: " + c.label();
        return Optional.of(new Chart(id + "-windows", title, "The history each turn would send, what the window"
                + " strategy sent, and the room the model's context window left for it (when it is near enough to"
                + " matter), in that model's tokens.",
                Plots.wholeNumbers(Plots.lines(title, "turn", "tokens", series, true)),
                series.stream().map(l -> l.getKey().toString()).toList(), "turn", "tokens", Chart.WIDTH,
                Chart.HEIGHT));
    }
}
