package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prompt file with promptfoo-style assertions through compare, on the embedded model and a mock: each case's
 * verdict per model, the failing assertion named in the table, and a bad assertion refused before anything runs.
 */
class CompareAssertionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * mock/fast answers 32 words of its own vocabulary; local/stories260k answers 64 tokens. So {@code short} passes
     * on the mock only, {@code never} fails on both, and {@code always} and {@code weighted} (score 0.5 against its
     * threshold 0.5, one of its two weighted assertions failing) pass on both.
     */
    private static final String SUITE = """
            vars:
              hero: Lily
            prompts:
              - id: short
                prompt: Once upon a time
                assert:
                  - type: max-tokens
                    value: 40
              - id: never
                prompt: "{{hero}} went to the park"
                assert:
                  - type: equals
                    value: "{{hero}} stayed home."
              - id: always
                prompt: "{{hero}} found a ball"
                assert:
                  - type: not-icontains
                    value: "http://"
                  - type: javascript
                    value: output.length > 0 && context.vars.hero === 'Lily'
              - id: weighted
                prompt: The sun was big
                threshold: 0.5
                assert:
                  - type: equals
                    value: nope
                  - type: not-contains-any
                    value: [zzzz, qqqq]
                  - type: is-json
                    weight: 0
            """;

    @TempDir
    Path dir;

    @Test
    void eachCasePassesOrFailsPerModelAsItsAssertionsSay() throws Exception {
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, SUITE);
        CliRun run = CliRun.of("compare", "-m", "local/stories260k", "-m", "mock/fast", "--prompts",
                suite.toString(), "--max-tokens", "64", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        Map<String, Boolean> verdicts = new TreeMap<>();
        for (JsonNode s : report.get("samples")) {
            assertTrue(s.get("ok").asBoolean(), s.toString());
            verdicts.put(s.get("model").asText() + " " + s.get("promptId").asText(),
                    s.at("/grade/pass").asBoolean());
        }
        assertEquals(Map.of(
                "local/stories260k short", false, "mock/fast short", true,
                "local/stories260k never", false, "mock/fast never", false,
                "local/stories260k always", true, "mock/fast always", true,
                "local/stories260k weighted", true, "mock/fast weighted", true), verdicts);
        JsonNode weighted = sample(report, "mock/fast", "weighted");
        assertEquals(0.5, weighted.at("/grade/score").asDouble(), 1e-12);
        assertEquals(3, weighted.at("/grade/assertions").size());
        assertEquals("equals", weighted.at("/grade/assertions/0/type").asText());
        assertFalse(weighted.at("/grade/assertions/0/pass").asBoolean());
        JsonNode never = sample(report, "mock/fast", "never");
        assertTrue(never.at("/grade/assertions/0/reason").asText().startsWith("the answer is \""), never.toString());
        assertEquals("\"Lily stayed home.\"", never.at("/grade/assertions/0/value").asText(), "vars filled");
        assertTrue(never.get("checks").isArray(), "the checks field stays");
        assertEquals(2, report.at("/summary/0/casesPassed").asInt());
        assertEquals(4, report.at("/summary/0/casesGraded").asInt());
        assertEquals(3, report.at("/summary/1/casesPassed").asInt());
    }

    @Test
    void theTableNamesTheFailingAssertionAndItsReason() throws Exception {
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, SUITE);
        CliRun run = CliRun.of(Map.of("COLUMNS", "400"), null, "compare", "-m", "mock/fast", "--prompts",
                suite.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("cases passed"), run.out());
        assertTrue(run.out().contains("3/4 (failed: never: equals \"Lily stayed home.\": the answer is \""),
                run.out());
        assertTrue(run.out().contains("FAIL 0.00: equals \"Lily stayed home.\""), run.out());
        assertTrue(run.out().contains("PASS 0.50"), run.out());
    }

    @Test
    void aBadAssertionIsOneLineAtItsFileAndLineBeforeAnythingRuns() throws Exception {
        Path suite = dir.resolve("bad.yaml");
        Files.writeString(suite, SUITE.replace("type: max-tokens", "type: max-token"));
        CliRun run = CliRun.of("compare", "-m", "mock/slow", "--prompts", suite.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals("yardstick: error: " + suite + ":7: field 'prompts[0].assert[0].type': unknown assertion type 'max-token' (did you"
                + " mean 'max-tokens'?)", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void theShippedQualitySuitePassesOfflineOnTheEmbeddedModelAndAMock() throws Exception {
        // At temperature 0 the embedded model decodes greedily: the same answers, so the same verdicts, every run.
        CliRun run = CliRun.of("compare", "-m", "local/stories260k", "-m", "mock/fast", "--prompts",
                "prompts/quality-stories.yaml", "--temperature", "0", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        for (JsonNode s : report.get("summary")) {
            // park, once, friend, and walk once per place of its vars matrix
            assertEquals(5, s.get("casesGraded").asInt(), s.toString());
            assertEquals(5, s.get("casesPassed").asInt(), s.get("model") + " " + report.get("samples"));
        }
    }

    private static JsonNode sample(JsonNode report, String model, String promptId) {
        for (JsonNode s : report.get("samples")) {
            if (s.get("model").asText().equals(model) && s.get("promptId").asText().equals(promptId)) {
                return s;
            }
        }
        throw new AssertionError("no sample " + model + " " + promptId);
    }
}
