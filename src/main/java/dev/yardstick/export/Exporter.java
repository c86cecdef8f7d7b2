package dev.yardstick.export;

import dev.yardstick.report.Report;
import java.io.IOException;

/** Renders a report in one format. */
public interface Exporter {

    void write(Report report, Appendable out) throws IOException;

    /**
     * @param width  the terminal's width for the table format (ignored by the others)
     * @param color  whether the table format may use ANSI colour
     */
    static Exporter of(Format format, int width, boolean color) {
        return switch (format) {
            case TABLE -> new TableExporter(width, color);
            case JSON -> new JsonExporter();
            case CSV -> new CsvExporter();
            case MARKDOWN -> new MarkdownExporter();
            case JUNIT -> new JUnitExporter();
            // named here, loaded only when asked for: the chart library stays off every other run's start-up
            case HTML -> new dev.yardstick.export.html.HtmlExporter(null);
        };
    }
}
