package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.export.CsvExporter;
import dev.yardstick.export.JsonExporter;
import dev.yardstick.export.MarkdownExporter;
import dev.yardstick.export.ReportFiles;
import dev.yardstick.report.BenchmarkReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload section in every format, and a JSON report read back with it (report merge, diff, baselines). */
class WorkloadReportFormatsTest {

    @TempDir
    Path dir;

    @Test
    void theWorkloadSectionIsInEveryFormatAndReadsBack() throws Exception {
        BenchmarkReport report = WorkloadRuns.run(Map.of("models", "mock/fast?ttft=2ms&itl=1ms", "sessions", 3,
                "turns", 2, "concurrency", 3, "shared-prefix", 16, "input-tokens", 8, "output-tokens", 4,
                "exact-output-tokens", true));
        StringBuilder json = new StringBuilder();
        new JsonExporter().write(report, json);
        Path file = dir.resolve("r.json");
        Files.writeString(file, json);
        BenchmarkReport back = ReportFiles.read(file, "benchmark", BenchmarkReport.class);
        assertEquals(report.workloads(), back.workloads());
        assertEquals(2, back.workloads().getFirst().sessions().turns().size());

        StringBuilder md = new StringBuilder();
        new MarkdownExporter().write(report, md);
        assertTrue(md.toString().contains("## Step 1: workload"), md.toString());
        assertTrue(md.toString().contains("| turn | ok/failed | input tokens |"), md.toString());
        assertTrue(md.toString().contains("shared prefix (hit-eligible)"), md.toString());
        assertTrue(md.toString().contains("output length"), md.toString());

        StringBuilder csv = new StringBuilder();
        new CsvExporter().write(report, csv);
        assertTrue(csv.toString().contains(",(workload),turn_2_ttft,ms,"), csv.toString());
        assertTrue(csv.toString().contains(",(workload),sessions_completed,count,3,"), csv.toString());
        assertTrue(csv.toString().contains(",(workload),prefix_cold_ttft,ms,"), csv.toString());
        String header = csv.toString().lines().findFirst().orElseThrow();
        long columns = header.chars().filter(c -> c == ',').count();
        csv.toString().lines().filter(l -> l.contains("(workload)")).forEach(line ->
                assertEquals(columns, line.chars().filter(c -> c == ',').count(), line));
    }
}
