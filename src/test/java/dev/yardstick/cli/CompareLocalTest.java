package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.YardstickConfig;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.local.LocalProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real inference: compare the embedded stories260K model (llama.cpp in-process) with a mock, from the CLI. */
class CompareLocalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelClient local;

    @BeforeAll
    static void openTokenizer() {
        local = new LocalProvider().open(ModelSpec.parse("local/stories260k"),
                new ProviderContext(Map.of(), YardstickConfig.EMPTY));
    }

    @AfterAll
    static void close() {
        local.close();
    }

    @Test
    void jsonSamplesCarryRealTimingsAndTheModelsOwnTokenCounts() throws Exception {
        CliRun run = CliRun.of("compare", "-m", "local/stories260k", "-m", "mock/fast", "-p", "Once upon a time",
                "--max-tokens", "40", "--repeat", "2", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(4, report.get("samples").size());
        TokenCounter tokenizer = local.tokenCounter();
        int localSamples = 0;
        for (JsonNode s : report.get("samples")) {
            assertTrue(s.get("ok").asBoolean(), s.toString());
            String text = s.get("text").asText();
            assertFalse(text.isBlank(), "non-empty answer");
            assertTrue(s.get("ttftMs").asDouble() > 0);
            assertTrue(s.get("ttftMs").asDouble() <= s.get("e2eMs").asDouble(), "TTFT ≤ E2E");
            if (!s.get("model").asText().equals("local/stories260k")) {
                continue;
            }
            localSamples++;
            JsonNode tokens = s.get("tokens");
            assertTrue(tokens.get("output").asInt() <= 40, "max tokens honoured");
            assertEquals(tokenizer.count(text), tokens.get("countedOutput").asInt(),
                    "counted with the model's own tokenizer");
            assertEquals(tokenizer.count("Once upon a time"), tokens.get("countedInput").asInt());
            // The model's own usage counts generated tokens; decoding and re-encoding may merge one at a seam.
            assertEquals(tokens.get("reportedOutput").asInt(), tokens.get("countedOutput").asInt(), 1.0);
            assertTrue(s.get("chunks").asInt() > 1, "streamed in pieces");
        }
        assertEquals(2, localSamples);
        JsonNode localModel = report.get("models").get(0);
        assertEquals("local/stories260k", localModel.get("model").asText());
        assertFalse(localModel.get("synthetic").asBoolean());
        assertTrue(localModel.get("tokenizer").asText().startsWith("llama.cpp"));
        assertEquals(2, report.at("/summary/0/stats/requests/succeeded").asInt());
    }

    @Test
    void theShippedPromptSetRunsOnTheEmbeddedModel() {
        CliRun run = CliRun.of(Map.of("COLUMNS", "120"), null, "compare", "-m", "local/stories260k", "-m",
                "mock/fast", "--prompts", "prompts/stories.yaml");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Prompt hero: One day, Lily went to the park"), run.out());
        assertTrue(run.out().contains("local/stories260k"), run.out());
    }
}
