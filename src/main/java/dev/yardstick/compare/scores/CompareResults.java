package dev.yardstick.compare.scores;

import dev.yardstick.export.ReportFiles;
import dev.yardstick.report.CompareReport;
import dev.yardstick.report.SampleRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * A compare report read back (a baseline to judge a run against, or either side of a diff): the name it is shown by
 * (its file name) and its samples.
 */
public record CompareResults(String name, List<SampleRecord> samples) {

    public CompareResults {
        samples = List.copyOf(samples);
    }

    /** Reads a report written by {@code compare --format json} or {@code -o FILE.json}; any other is refused. */
    public static CompareResults read(Path file) {
        return of(file, ReportFiles.read(file, "compare", CompareReport.class));
    }

    public static CompareResults of(Path file, CompareReport report) {
        return new CompareResults(file.getFileName().toString(), report.samples());
    }

    /** The models, in the order their first sample came. */
    public List<String> models() {
        return samples.stream().map(SampleRecord::model).distinct().toList();
    }
}
