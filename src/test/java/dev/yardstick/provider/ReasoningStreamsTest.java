package dev.yardstick.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.cli.CliRun;
import dev.yardstick.provider.tokens.EstimatingCounter;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.ReasoningLlmServer;
import dev.yardstick.testing.ReasoningLlmServer.OpenAiField;
import dev.yardstick.testing.ReasoningLlmServer.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reasoning models over each wire, through the real langchain4j clients and the engine, from the CLI: a stream that
 * thinks before it answers gets TTFT at its first reasoning token and TTFO at its first visible one, later by the
 * thinking time the server injected, and its reasoning tokens counted apart from the visible ones.
 */
class ReasoningStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TTFT = Duration.ofMillis(40);
    private static final Duration ITL = Duration.ofMillis(10);
    private static final Duration THINKING = Duration.ofMillis(200);
    private static final int REASONING = 5;
    private static final int ANSWER = 4;
    /** From the first reasoning chunk to the first visible one, as the server sends them. */
    private static final double GAP_MS = (REASONING - 1) * ITL.toMillis() + THINKING.toMillis();
    /** Loopback, JSON parsing and a loaded 2-core machine: generous but far below the gap. */
    private static final double TOLERANCE_MS = 60;

    @TempDir
    Path dir;

    @Test
    void openAiReasoningContentIsTimedAndCountedApart() throws IOException {
        JsonNode report = run(Protocol.OPENAI, OpenAiField.REASONING_CONTENT, true);
        assertReportedReasoning(report); // completion_tokens include the reasoning_tokens
        JsonNode tokens = report.at("/summary/0/stats/tokens");
        assertEquals(2L * REASONING, tokens.get("reasoning").asLong());
        assertEquals(2L * (REASONING + ANSWER), tokens.get("output").asLong());
    }

    @Test
    void openAiCompatibleReasoningFieldIsTimedAndCountedAlike() throws IOException {
        // vLLM's and OpenRouter's newer servers name the delta "reasoning", not "reasoning_content".
        assertReportedReasoning(run(Protocol.OPENAI, OpenAiField.REASONING, true));
    }

    @Test
    void anthropicThinkingBlocksAreTimedAndTheirTokensCounted() throws IOException {
        JsonNode report = run(Protocol.ANTHROPIC, OpenAiField.REASONING_CONTENT, true);
        String thinking = String.join("", new Script(TTFT, ITL, THINKING, REASONING, ANSWER, true).reasoning());
        for (JsonNode s : report.get("samples")) {
            // Anthropic's output_tokens include thinking and say nothing of it apart: the thinking text is counted,
            // here by the estimate, as no Anthropic tokenizer is at hand, and the report says so.
            assertEquals(REASONING + ANSWER, s.at("/tokens/output").asInt());
            assertEquals("estimated", s.get("reasoningSource").asText());
            assertEquals(EstimatingCounter.INSTANCE.count(thinking), s.get("reasoningTokens").asInt());
        }
    }

    @Test
    void geminiThoughtsAreTimedAndTheirTokensAddedToTheOutput() throws IOException {
        // candidatesTokenCount leaves the thoughtsTokenCount out; Gemini bills them as output, and so do we.
        assertReportedReasoning(run(Protocol.GEMINI, OpenAiField.REASONING_CONTENT, true));
    }

    @Test
    void unreportedReasoningIsCountedWithTheModelsTokenizer() throws IOException {
        JsonNode report = run(Protocol.OPENAI, OpenAiField.REASONING_CONTENT, false);
        for (JsonNode s : report.get("samples")) {
            assertEquals("counted", s.get("reasoningSource").asText(), "an OpenAI model has its tokenizer");
            int reasoning = s.get("reasoningTokens").asInt();
            assertTrue(reasoning >= REASONING && reasoning <= 3 * REASONING, "counted reasoning: " + reasoning);
        }
    }

    /** Every sample gives the server's reasoning count, and output tokens that include it. */
    private static void assertReportedReasoning(JsonNode report) {
        for (JsonNode s : report.get("samples")) {
            assertEquals(REASONING, s.get("reasoningTokens").asInt(), "the server's reasoning count");
            assertEquals("reported", s.get("reasoningSource").asText());
            assertEquals(REASONING + ANSWER, s.at("/tokens/output").asInt(), "output includes reasoning");
        }
    }

    /**
     * Runs compare three times at most: every sample must put TTFT and TTFO no earlier than the server sent them,
     * and in one run the gap between them must match the injected thinking within the tolerance.
     */
    private JsonNode run(Protocol protocol, OpenAiField field, boolean reportReasoning) throws IOException {
        Script script = new Script(TTFT, ITL, THINKING, REASONING, ANSWER, reportReasoning);
        List<String> seen = new ArrayList<>();
        try (ReasoningLlmServer server = ReasoningLlmServer.start(script, field)) {
            Path config = Files.writeString(dir.resolve("yardstick.yaml"), "endpoints:\n  thinker:\n    provider: "
                    + protocol.name().toLowerCase() + "\n    base-url: " + server.baseUrl(protocol)
                    + "\n    api-key-env: LOOPBACK_KEY\n");
            String model = protocol == Protocol.OPENAI ? "thinker/gpt-4o-mini" : "thinker/reasoner";
            for (int attempt = 0; attempt < 3; attempt++) {
                CliRun run = CliRun.of(Map.of("LOOPBACK_KEY", "sk-loopback"), null, "compare", "--config",
                        config.toString(), "-m", model, "-p", "Think, then answer", "--repeat", "2", "--timeout",
                        "5s", "--no-cache", "--format", "json");
                assertEquals(0, run.exitCode(), run.err());
                JsonNode report = JSON.readTree(run.out());
                boolean within = true;
                for (JsonNode s : report.get("samples")) {
                    assertTrue(s.get("ok").asBoolean(), s.toString());
                    assertEquals(String.join("", script.answer()), s.get("text").asText(), "visible text only");
                    double ttft = s.get("ttftMs").asDouble();
                    double ttfo = s.get("ttfoMs").asDouble();
                    assertTrue(ttft >= TTFT.toMillis(), "TTFT cannot beat the first reasoning chunk: " + ttft);
                    assertTrue(ttfo >= TTFT.toMillis() + GAP_MS, "TTFO cannot beat the first visible chunk: " + ttfo);
                    assertTrue(ttft < ttfo, "TTFT " + ttft + " before TTFO " + ttfo);
                    within &= Math.abs(ttfo - ttft - GAP_MS) <= TOLERANCE_MS;
                    seen.add(String.format("ttft %.0f ttfo %.0f", ttft, ttfo));
                }
                JsonNode stats = report.at("/summary/0/stats");
                assertEquals(2, stats.at("/ttfo/count").asInt(), "TTFO is a distribution of its own");
                assertTrue(stats.at("/ttfo/p50").asDouble() > stats.at("/ttft/p50").asDouble());
                if (within) {
                    return report;
                }
            }
        }
        fail(protocol + ": TTFO − TTFT should be " + GAP_MS + " ms within " + TOLERANCE_MS + " ms: " + seen);
        return null;
    }
}
