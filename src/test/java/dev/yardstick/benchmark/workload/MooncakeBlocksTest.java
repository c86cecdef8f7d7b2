package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.tokens.TokenCounters;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.WorkloadReport;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Mooncake trace replayed: prompts of the traced lengths in the target's tokens, and where hash ids repeat, the
 * same blocks of text, so requests share their prefixes byte for byte as the traced ones did.
 */
class MooncakeBlocksTest {

    @TempDir
    Path dir;

    @Test
    void repeatedHashIdsRepeatTheirBlocksByteForByte() throws Exception {
        Path trace = dir.resolve("mooncake.jsonl");
        Files.writeString(trace, """
                {"timestamp": 0, "input_length": 700, "output_length": 5, "hash_ids": [1, 2]}
                {"timestamp": 30, "input_length": 1100, "output_length": 6, "hash_ids": [1, 2, 3]}
                {"timestamp": 60, "input_length": 100, "output_length": 7, "hash_ids": [9]}
                {"timestamp": 90, "input_length": 40, "output_length": 8}
                """);
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            BenchmarkReport report = WorkloadRuns.run(Map.of("models", "openai/gpt-4o-mini", "base-url",
                    server.baseUrl(Protocol.OPENAI), "trace", trace.toString(), "time-scale", 0.5));
            List<RecordedRequest> requests = server.requests(Protocol.OPENAI).stream()
                    .sorted(Comparator.comparingInt(r -> r.body().path("max_tokens").asInt(
                            r.body().path("max_completion_tokens").asInt()))).toList();
            assertEquals(4, requests.size());
            List<String> prompts = requests.stream().map(r -> r.messages().getLast().content()).toList();
            var counter = TokenCounters.forModel("gpt-4o-mini");
            assertEquals(List.of(700, 1100, 100, 40), prompts.stream().map(counter::count).toList(),
                    "the traced input lengths, in the target's tokens");
            assertTrue(prompts.get(1).startsWith(prompts.get(0)), "blocks 1 and the first 188 tokens of 2 are shared");
            assertFalse(prompts.get(1).startsWith(prompts.get(0) + " " + prompts.get(2)));
            String firstBlockStart = prompts.get(0).substring(0, 60);
            assertFalse(prompts.get(2).startsWith(firstBlockStart), "another id, another block");
            assertFalse(prompts.get(3).startsWith(firstBlockStart));

            WorkloadReport.TraceReplay replay = report.workloads().getFirst().trace();
            assertEquals("mooncake", replay.format());
            assertEquals(4, replay.requests());
            assertEquals(6, replay.blocks());
            assertEquals(2, replay.repeatedBlocks());
            assertEquals(0.045, replay.spanSeconds(), 1e-9);
            assertTrue(report.steps().getFirst().load().startsWith("trace mooncake.jsonl ×0.5"),
                    report.steps().getFirst().load());
            assertEquals(4, report.steps().getFirst().lateness().dispatched());
        }
    }
}
