package dev.yardstick.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports read back through their parsed tree are the records a direct read of the text gives. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void everyExampleReportReadsBackAsItsTextReadsDirectly() throws Exception {
        List<Path> reports;
        try (Stream<Path> files = Files.list(Path.of("reports"))) {
            reports = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(reports.size() >= 5, "the example reports: " + reports);
        for (Path file : reports) {
            Report read = ReportFiles.read(file);
            Report direct = Json.mapper().readValue(Files.readString(file), read.getClass());
            assertEquals(Json.mapper().writeValueAsString(direct), Json.mapper().writeValueAsString(read),
                    file.toString());
        }
    }

    @Test
    void aFieldThatDoesNotFitItsRecordIsReportedOnItsLine() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("reports", "benchmark-local.json"));
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            if (lines.get(i).contains("\"count\" : 50,")) {
                at = i;
            }
        }
        assertTrue(at > 0, "the example report sets a concurrency");
        lines.set(at, lines.get(at).replace("\"count\" : 50,", "\"count\" : {\"not\": \"a number\"},"));
        Path broken = Files.write(dir.resolve("broken.json"), lines);
        InputException e = assertThrows(InputException.class, () -> ReportFiles.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ":" + (at + 1) + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("not a readable benchmark report"), e.getMessage());
    }
}
