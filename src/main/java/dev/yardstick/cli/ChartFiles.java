package dev.yardstick.cli;

import dev.yardstick.export.charts.MarkdownCharts;
import dev.yardstick.export.charts.ReportCharts;
import dev.yardstick.report.Report;
import dev.yardstick.report.WriteFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --charts DIR}: the report's charts written into DIR (each file whole, like every output), and the Markdown
 * section that links them from wherever the Markdown goes.
 */
final class ChartFiles {

    private final Path dir;
    private final MarkdownCharts charts;

    private ChartFiles(Path dir, MarkdownCharts charts) {
        this.dir = dir.toAbsolutePath().normalize();
        this.charts = charts;
    }

    /** Draws and writes every chart; a file that cannot be written is one line on stderr, the others still are. */
    static ChartFiles write(Report report, Path dir, Session session) {
        ChartFiles files = new ChartFiles(dir, new MarkdownCharts(ReportCharts.of(report)));
        Map<String, byte[]> drawn = files.charts.files();
        try {
            Files.createDirectories(files.dir);
        } catch (IOException e) {
            session.cannotWrite(WriteFailure.of(dir, e));
            return files;
        }
        drawn.forEach((name, bytes) -> {
            Path file = files.dir.resolve(name);
            try {
                ReportFile.write(file, bytes);
            } catch (IOException e) {
                session.cannotWrite(WriteFailure.of(file, e));
            }
        });
        return files;
    }

    /** The Markdown section for a report in {@code folder}: links relative to it. */
    String section(Path folder) {
        Path from = folder == null ? Path.of("").toAbsolutePath() : folder.toAbsolutePath().normalize();
        return charts.section(from.relativize(dir).toString());
    }
}
