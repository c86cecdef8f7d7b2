package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.export.Json;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that cannot be written: each one gets one line {@code cannot write FILE: reason} on stderr and exit 3,
 * while the run goes on and every other output is still written, whole, with no temporary file left behind. The
 * tests run as root, so a read-only mode would not stop a write: they use /dev/full (no space left), /proc (no file
 * may be created there) and a /proc file that refuses data.
 */
class WriteFailureTest {

    private static final String INSTANT = "mock/instant";

    @TempDir
    Path dir;

    /** Links to /dev/full removed before JUnit cleans up (it warns about links that lead outside the folder). */
    @AfterEach
    void removeLinks() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path link : files.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    private List<String> cannotWriteLines(String err) {
        return err.lines().filter(l -> l.startsWith("yardstick: cannot write ")).toList();
    }

    private Path fullDeviceLink(String name) throws Exception {
        return Files.createSymbolicLink(dir.resolve(name), Path.of("/dev/full"));
    }

    @Test
    void aSamplesFileThatRefusesDataIsReportedOnceWhileTheRunAndItsReportsGoOn() throws Exception {
        for (Path samples : List.of(Path.of("/proc/version"), fullDeviceLink("full.jsonl"))) {
            Path report = dir.resolve("report-" + samples.getFileName() + ".json");
            CliRun run = CliRun.of("benchmark", "-m", INSTANT, "--requests", "200", "--samples", samples.toString(),
                    "--format", "json", "-o", report.toString());
            assertEquals(ExitCodes.RUNTIME, run.exitCode(), run.err());
            assertEquals(List.of("yardstick: cannot write " + samples + ": "
                            + (samples.startsWith("/proc") ? "input/output error" : "no space left on device")),
                    cannotWriteLines(run.err()), run.err());
            assertFalse(run.err().contains("internal error"), run.err());
            JsonNode stdout = Json.mapper().readTree(run.out());
            assertEquals(200, stdout.at("/steps/0/models/0/requests/succeeded").asInt(), "the run went on");
            assertEquals(200, Json.mapper().readTree(report.toFile()).at("/steps/0/models/0/requests/succeeded")
                    .asInt(), "-o still written");
        }
        assertTrue(Files.isSymbolicLink(dir.resolve("full.jsonl")), "the link is left as it was");
    }

    @Test
    void compareReportsItsSamplesFileFailureToo() throws Exception {
        Path samples = fullDeviceLink("full.jsonl");
        CliRun run = CliRun.of("compare", "-m", INSTANT, "-p", "hello", "--repeat", "3", "--samples",
                samples.toString(), "--format", "json");
        assertEquals(ExitCodes.RUNTIME, run.exitCode(), run.err());
        assertEquals(1, cannotWriteLines(run.err()).size(), run.err());
        assertEquals(3, Json.mapper().readTree(run.out()).path("samples").size(), "the report still printed");
    }

    @Test
    void reportFilesThatCannotBeWrittenAreNamedAndTheOthersAreStillWrittenWhole() throws Exception {
        Path inProc = Path.of("/proc/yardstick-" + ProcessHandle.current().pid() + ".json");
        Path full = fullDeviceLink("full.json");
        Path good = dir.resolve("good.json");
        CliRun run = CliRun.of("benchmark", "-m", INSTANT, "--requests", "50", "--format", "json",
                "-o", inProc.toString(), "-o", full.toString(), "-o", good.toString());
        assertEquals(ExitCodes.RUNTIME, run.exitCode(), run.err());
        assertEquals(List.of("yardstick: cannot write " + inProc + ": no such file or directory",
                "yardstick: cannot write " + full + ": no space left on device"), cannotWriteLines(run.err()));
        assertEquals(50, Json.mapper().readTree(good.toFile()).at("/steps/0/models/0/requests/attempted").asInt());
        assertEquals(50, Json.mapper().readTree(run.out()).at("/steps/0/models/0/requests/attempted").asInt());
        assertTrue(Files.isSymbolicLink(full) && Files.isSameFile(full, Path.of("/dev/full")),
                "a device is written in place, never replaced by a moved file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void stdoutThatCannotBeWrittenIsDetectedAndTheFilesAreStillWritten() throws Exception {
        StringWriter err = new StringWriter();
        Path good = dir.resolve("good.json");
        int code;
        try (PrintWriter out = new FailureKeepingPrintWriter(new FileOutputStream("/dev/full"))) {
            Session session = new Session(Map.of(), null, out, new PrintWriter(err, true));
            code = Main.run(new String[] {"benchmark", "-m", INSTANT, "--requests", "20", "--format", "json", "-o",
                    good.toString()}, session);
        }
        assertEquals(ExitCodes.RUNTIME, code, err.toString());
        assertEquals(List.of("yardstick: cannot write stdout: no space left on device"),
                cannotWriteLines(err.toString()));
        assertEquals(20, Json.mapper().readTree(good.toFile()).at("/steps/0/models/0/requests/attempted").asInt());
    }

    @Test
    void aWriteFailureOutranksAFailedGateButNotAUsageError() throws Exception {
        Path samples = fullDeviceLink("full.jsonl");
        CliRun gate = CliRun.of("benchmark", "-m", INSTANT, "--requests", "20", "--fail-if", "throughput < 1000000000",
                "--samples", samples.toString());
        assertEquals(ExitCodes.RUNTIME, gate.exitCode(), "1 would promise the results reached the user");
        CliRun usage = CliRun.of("benchmark", "-m", INSTANT, "--requests", "-5", "--samples", samples.toString());
        assertEquals(ExitCodes.USAGE, usage.exitCode(), usage.err());
    }
}
