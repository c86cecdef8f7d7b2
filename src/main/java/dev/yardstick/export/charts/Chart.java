package dev.yardstick.export.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * One chart of a report, ready to draw: its drawing, a file-safe id, the series it shows (by the names its legend
 * gives them, so a reader or a test can tell that every one was drawn) and both axes' titles with their units.
 *
 * @param id      unique within the report; the SVG and PNG files of {@code --charts} are named after it
 * @param caption one sentence under the chart: what it shows and how it was read
 */
public record Chart(String id, String title, String caption, JFreeChart drawing, List<String> series, String xAxis,
                    String yAxis, int width, int height) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 360;

    public Chart {
        series = List.copyOf(series);
    }
}
