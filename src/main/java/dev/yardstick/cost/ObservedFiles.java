package dev.yardstick.cost;

import dev.yardstick.cost.workload.ObservedUsage;
import dev.yardstick.cost.workload.RunEvidence;
import dev.yardstick.cost.workload.UsageColumns;
import dev.yardstick.cost.workload.UsageLog;
import dev.yardstick.export.ReportFiles;
import dev.yardstick.report.RunEvidences;
import java.nio.file.Path;
import java.util.Locale;

/** The files real usage is read from: a run's JSON report (compare, benchmark, switch-test) or a CSV usage log. */
final class ObservedFiles {

    private ObservedFiles() {
    }

    /** A report for a {@code .json} file, else a usage log with {@code columns}. */
    public static ObservedUsage usage(Path file, UsageColumns columns) {
        return isReport(file) ? report(file) : UsageLog.read(file, columns);
    }

    /** What a compare, benchmark or switch-test report measured; an input error for any other file. */
    public static RunEvidence report(Path file) {
        return RunEvidences.of(file.getFileName().toString(), ReportFiles.read(file));
    }

    private static boolean isReport(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
