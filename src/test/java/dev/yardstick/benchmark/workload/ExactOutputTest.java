package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.WorkloadReport;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --exact-output-tokens}: an OpenAI-compatible server is asked for exactly N tokens (min_tokens and ignore_eos
 * beside max_tokens); every answer's length is checked and the ones of another length counted and warned about.
 */
class ExactOutputTest {

    @Test
    void asksAnOpenAiCompatibleServerForExactlyNAndCountsTheAnswersThatFellShort() {
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            // Even requests would run on past 12 tokens (cut at max tokens: exactly 12), odd ones stop at 5.
            server.script(index -> Behavior.DEFAULT.withTokens(index % 2 == 0 ? 40 : 5));
            BenchmarkReport report = WorkloadRuns.run(Map.of("models", "openai/vllm-model", "base-url",
                    server.baseUrl(Protocol.OPENAI), "requests", 10, "concurrency", 2, "input-tokens", 16,
                    "output-tokens", 12, "exact-output-tokens", true));
            for (RecordedRequest r : server.requests(Protocol.OPENAI)) {
                assertEquals(12, r.body().path("min_tokens").asInt(), r.body().toString());
                assertTrue(r.body().path("ignore_eos").asBoolean(), r.body().toString());
                assertEquals(12, r.body().path("max_tokens").asInt(r.body().path("max_completion_tokens").asInt()));
            }
            WorkloadReport.OutputLength check = report.workloads().getFirst().outputLength();
            assertTrue(check.forced());
            assertEquals(10, check.checked());
            assertEquals(5, check.shorter());
            assertEquals(0, check.longer());
            List<String> warnings = Workload.warnings(report);
            assertEquals(1, warnings.size());
            assertTrue(warnings.getFirst().contains("5 of 10 answers were not of the exact output length asked"),
                    warnings.getFirst());
        }
    }

    @Test
    void aProtocolWithOnlyAMaximumIsAskedForTheMaximumAndStillChecked() {
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            server.behavior(Behavior.DEFAULT.withTokens(40));
            BenchmarkReport report = WorkloadRuns.run(Map.of("models", "anthropic/claude-test", "base-url",
                    server.baseUrl(Protocol.ANTHROPIC), "requests", 4, "input-tokens", 16, "output-tokens", 12,
                    "exact-output-tokens", true));
            for (RecordedRequest r : server.requests(Protocol.ANTHROPIC)) {
                assertTrue(r.body().path("min_tokens").isMissingNode(), r.body().toString());
                assertTrue(r.body().path("ignore_eos").isMissingNode(), r.body().toString());
                assertEquals(12, r.body().path("max_tokens").asInt());
            }
            WorkloadReport.OutputLength check = report.workloads().getFirst().outputLength();
            assertFalse(check.forced());
            assertEquals(4, check.checked());
            assertEquals(0, check.unmet(), "cut at the maximum: exactly 12 each");
            assertTrue(check.how().getFirst().contains("no minimum"), check.how().toString());
            assertTrue(Workload.warnings(report).isEmpty());
        }
    }
}
