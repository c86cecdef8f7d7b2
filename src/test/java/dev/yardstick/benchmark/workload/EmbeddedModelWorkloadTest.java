package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.WorkloadReport;
import dev.yardstick.stats.ModelStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stories260K model (llama.cpp in-process) runs a short session and a replayed trace. */
class EmbeddedModelWorkloadTest {

    @TempDir
    Path dir;

    @Test
    void runsAShortSession() {
        BenchmarkReport report = WorkloadRuns.run(Map.of("models", "local/stories260k", "sessions", 2, "turns", 3,
                "concurrency", 1, "think-time", "10ms", "input-tokens", 8, "output-tokens", 16, "temperature", 0));
        ModelStats stats = report.steps().getFirst().models().getFirst();
        assertEquals(6, stats.requests().succeeded(), "2 sessions × 3 turns");
        WorkloadReport.Sessions sessions = report.workloads().getFirst().sessions();
        assertEquals(2, sessions.completed());
        assertTrue(sessions.turns().get(2).meanInputTokens() > sessions.turns().get(0).meanInputTokens() + 8,
                "the third turn carries two questions and two answers: " + sessions.turns());
    }

    @Test
    void replaysATrace() throws Exception {
        Path trace = dir.resolve("azure.csv");
        Files.writeString(trace, """
                TIMESTAMP,ContextTokens,GeneratedTokens
                2023-11-16 18:15:46.6805900,12,6
                2023-11-16 18:15:46.7805900,20,4
                2023-11-16 18:15:46.9805900,8,8
                """);
        BenchmarkReport report = WorkloadRuns.run(Map.of("models", "local/stories260k", "trace", trace.toString(),
                "exact-output-tokens", true));
        ModelStats stats = report.steps().getFirst().models().getFirst();
        assertEquals(3, stats.requests().succeeded());
        WorkloadReport w = report.workloads().getFirst();
        assertEquals(3, w.trace().requests());
        assertEquals(0.3, w.trace().spanSeconds(), 1e-9);
        assertEquals(3, w.outputLength().checked());
        assertTrue(!w.outputLength().forced(), "in-process llama.cpp is asked for a maximum only");
        assertEquals(3, report.steps().getFirst().lateness().dispatched());
    }
}
