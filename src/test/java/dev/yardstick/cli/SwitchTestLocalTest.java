package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real thing: the shipped hand-off conversation switches from mock to the embedded stories260K (llama.cpp
 * in-process, a 128-token window) and back. The switch overflows the small window; every strategy must fit it
 * and the integrity check must pass on what llama.cpp was given; damage outside the strategy must fail it.
 */
class SwitchTestLocalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDOFF = "scenarios/switch-support-handoff.yaml";
    private static final String SMALL = "local/stories260k";

    /** Offline, and the model folder when the environment names one (CI finds ../shared/models by itself). */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("YARDSTICK_OFFLINE", "1");
        String models = System.getenv("YARDSTICK_MODELS");
        if (models != null) {
            env.put("YARDSTICK_MODELS", models);
        }
        return env;
    }

    private static JsonNode run(int expectedExit, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("switch-test", HANDOFF, "--format", "json"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(env(), null, args.toArray(String[]::new));
        assertEquals(expectedExit, run.exitCode(), String.join(" ", extra) + ": " + run.err());
        return JSON.readTree(run.out()).at("/conversations/0");
    }

    private static JsonNode check(JsonNode conversation, int turn, String name) {
        for (JsonNode c : conversation.get("checks")) {
            if (c.get("turn").asInt() == turn && c.get("check").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check '" + name + "' at turn " + turn + " in " + conversation.get("checks"));
    }

    @Test
    void everyStrategyFitsTheOverflowAndTheHistorySurvivesTheRoundTrip() throws IOException {
        Map<String, List<String>> strategies = Map.of(
                "drop-oldest", List.of(),
                "middle-out", List.of(),
                "keep-last-n", List.of("--keep-last", "1"),
                "summarize", List.of("--summarizer", "primary"));
        for (var entry : strategies.entrySet()) {
            List<String> args = new ArrayList<>(List.of("--strategy", entry.getKey()));
            args.addAll(entry.getValue());
            JsonNode c = run(ExitCodes.OK, args.toArray(String[]::new));
            String strategy = entry.getKey();
            for (JsonNode check : c.get("checks")) {
                assertTrue(check.get("passed").asBoolean(), strategy + ": " + check);
            }
            JsonNode switched = c.at("/turns/2");
            assertEquals(SMALL, switched.get("model").asText(), strategy);
            assertEquals(104, switched.get("available").asInt(), "128-token window less 24 reserved");
            assertTrue(switched.get("tokensBefore").asInt() > 104, strategy + " overflowed: " + switched);
            assertTrue(switched.get("tokensAfter").asInt() <= 104, strategy + " fitted: " + switched);
            assertTrue(switched.get("ratio").asDouble() < 1, strategy);
            assertTrue(switched.get("tokenizer").asText().startsWith("llama.cpp"), "the target's own tokenizer");
            assertFalse(switched.get("fitting").asText().isEmpty(), strategy + " says what it did");
            assertTrue(check(c, 3, "history intact").get("detail").asText().contains("(declared)"),
                    strategy + ": what was left out was declared");
            if (strategy.equals("summarize")) {
                assertTrue(switched.get("fitting").asText().contains("into a summary by primary"),
                        switched.toString());
            }
            JsonNode back = c.at("/turns/4");
            assertEquals("mock/fast?tokens=10", back.get("model").asText(), "back on the large model");
            assertEquals(1.0, back.get("ratio").asDouble(), "the whole history again, nothing lost in between");
            assertTrue(check(c, 5, "history intact").get("detail").asText().startsWith("10 messages in order"),
                    strategy + ": " + check(c, 5, "history intact"));
        }
    }

    @Test
    void theFailStrategyRefusesTheOverflowAndFailsTheGate() throws IOException {
        JsonNode c = run(ExitCodes.GATE_FAILED, "--strategy", "fail");
        JsonNode fits = check(c, 3, "history fits the window");
        assertFalse(fits.get("passed").asBoolean());
        assertEquals(SMALL, fits.get("model").asText());
        assertTrue(fits.get("detail").asText().contains("leaves 104 (window strategy fail)"), fits.toString());
        assertEquals("not run", c.at("/turns/3/status").asText());
    }

    @Test
    void aCorruptedOrDroppedMessageAtTheLocalModelFailsTheCheck() throws IOException {
        JsonNode corrupted = check(run(ExitCodes.GATE_FAILED, "--fault", "small:corrupt@4"), 4, "history intact");
        assertFalse(corrupted.get("passed").asBoolean());
        assertEquals(SMALL, corrupted.get("model").asText());
        assertTrue(corrupted.get("detail").asText().contains("arrived changed: first difference at byte"),
                corrupted.toString());

        JsonNode dropped = check(run(ExitCodes.GATE_FAILED, "--fault", "small:drop-message@4"), 4, "history intact");
        assertFalse(dropped.get("passed").asBoolean());
        assertTrue(dropped.get("detail").asText().contains("is missing: not sent, and not declared dropped or "
                + "condensed by drop-oldest"), dropped.toString());
    }
}
