package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackEndpoints;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llm-rubric} and {@code factuality} through compare: mock/fast answers, and a judge model grades the answer,
 * a loopback OpenAI-compatible server replying with fixed grades (through the real client), or the embedded model.
 * A grade that is not what the judge was asked for fails the case as an error, never passes it.
 */
class CompareJudgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LoopbackEndpoints ENDPOINTS = LoopbackEndpoints.of("lb", Protocol.OPENAI);

    @TempDir
    Path dir;

    private JsonNode grade(String assertion, String judgeReply, String... extra) throws Exception {
        ENDPOINTS.server().behavior(Behavior.DEFAULT.withReply(judgeReply));
        Path suite = suite(assertion);
        List<String> args = new ArrayList<>(List.of("compare", "--config", ENDPOINTS.config(), "-m", "mock/fast",
                "--prompts", suite.toString(), "--format", "json", "--no-cache"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(LoopbackEndpoints.ENV, null, args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(1, report.get("samples").size(), "the judge's call is not a measured sample");
        return report.at("/samples/0/grade");
    }

    /** A one-case suite asserting {@code assertion} (YAML list items) on the answer to "Once upon a time". */
    private Path suite(String assertion) throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), """
                prompts:
                  - id: story
                    prompt: Once upon a time
                    assert:
                """ + assertion.indent(6));
    }

    private JsonNode rubric(String judgeReply) throws Exception {
        return grade("- type: llm-rubric\n  value: tells a story\n", judgeReply, "--judge", "lb/judge");
    }

    @Test
    void aPassingGradePassesAndTheJudgeSeesTheRubricAndTheAnswer() throws Exception {
        ENDPOINTS.server().recording(true);
        JsonNode grade = rubric("{\"reason\": \"a story\", \"pass\": true, \"score\": 0.9}");
        ENDPOINTS.server().recording(false);
        assertTrue(grade.get("pass").asBoolean(), grade.toString());
        assertEquals(0.9, grade.at("/assertions/0/score").asDouble(), 1e-12);
        List<RecordedRequest> requests = ENDPOINTS.server().requests();
        assertEquals(1, requests.size(), "one judge call, the answer came from mock/fast");
        assertEquals("judge", requests.get(0).model());
        String asked = requests.get(0).body().toString();
        assertTrue(asked.contains("<Rubric>") && asked.contains("tells a story"), asked);
    }

    @Test
    void aFailingGradeFailsWithTheJudgesReason() throws Exception {
        JsonNode grade = rubric("{\"reason\": \"no story at all\", \"pass\": false, \"score\": 0.1}");
        assertFalse(grade.get("pass").asBoolean());
        assertFalse(grade.at("/assertions/0/error").asBoolean());
        assertEquals("the judge failed it: no story at all", grade.at("/assertions/0/reason").asText());
    }

    @Test
    void aScoreBelowTheThresholdFailsEvenWhenTheJudgeSaysPass() throws Exception {
        JsonNode grade = grade("- type: llm-rubric\n  value: tells a story\n  threshold: 0.8\n",
                "{\"reason\": \"meh\", \"pass\": true, \"score\": 0.5}", "--judge", "lb/judge");
        assertFalse(grade.get("pass").asBoolean());
        assertTrue(grade.at("/assertions/0/reason").asText().startsWith("score 0.5 < threshold 0.8"), grade.toString());
    }

    @Test
    void malformedGradesAreErrorsThatFailTheCase() throws Exception {
        String[][] cases = {
            {"Sure, the story is great!", "not a JSON object"},
            {"{\"reason\": \"x\", \"pass\": true, \"score\": 7}", "score 7 is outside 0..1"},
            {"{\"reason\": \"x\", \"score\": 1}", "no boolean 'pass'"},
            {"{\"reason\": \"x\", \"pass\": true}", "no numeric 'score'"},
        };
        for (String[] c : cases) {
            JsonNode grade = rubric(c[0]);
            assertFalse(grade.get("pass").asBoolean(), c[0]);
            assertTrue(grade.at("/assertions/0/error").asBoolean(), c[0]);
            String reason = grade.at("/assertions/0/reason").asText();
            assertTrue(reason.startsWith("malformed grade (" + c[1] + "): the judge returned '"), reason);
        }
    }

    @Test
    void factualityPassesEveryCategoryButADisagreement() throws Exception {
        for (String category : List.of("A", "B", "C", "D", "E")) {
            JsonNode grade = grade("- type: factuality\n  value: A girl went to the park.\n  provider: lb/judge\n",
                    "{\"category\": \"" + category + "\", \"reason\": \"compared\"}");
            assertEquals(!category.equals("D"), grade.get("pass").asBoolean(), category);
            assertFalse(grade.at("/assertions/0/error").asBoolean(), category);
        }
        JsonNode unknown = grade("- type: factuality\n  value: A girl went to the park.\n  provider: lb/judge\n",
                "{\"category\": \"F\", \"reason\": \"?\"}");
        assertFalse(unknown.get("pass").asBoolean());
        assertTrue(unknown.at("/assertions/0/error").asBoolean());
        assertTrue(unknown.at("/assertions/0/reason").asText().startsWith("malformed grade (no category A-E)"));
    }

    @Test
    void aGradedAssertionWithoutAJudgeIsRefusedBeforeAnythingRuns() throws Exception {
        Path suite = suite("- type: llm-rubric\n  value: tells a story\n");
        CliRun run = CliRun.of("compare", "-m", "mock/fast", "--prompts", suite.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("needs a judge model"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMalformedOrUnknownJudgeIsOneLineBeforeAnythingRuns() throws Exception {
        Path suite = suite("- type: factuality\n  value: A girl.\n  provider: judge\n");
        CliRun run = CliRun.of("compare", "-m", "mock/fast", "--prompts", suite.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("yardstick: error: " + suite + ":5: field 'prompts[0].assert[0].provider':"
                + " malformed model name 'judge'"), run.err());
        CliRun unknown = CliRun.of("compare", "-m", "mock/fast", "--prompts",
                suite("- type: factuality\n  value: A girl.\n").toString(), "--judge", "nosuch/model");
        assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("nosuch"), unknown.err());
        assertEquals("", unknown.out());
    }

    @Test
    void theEmbeddedModelAsJudgeGivesAMalformedGradeThatFailsTheCase() throws Exception {
        Path suite = suite("- type: llm-rubric\n  value: tells a story about a girl\n");
        CliRun run = CliRun.of("compare", "-m", "mock/fast", "--prompts", suite.toString(), "--judge",
                "local/stories260k", "--max-tokens", "32", "--format", "json", "--no-cache");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        JsonNode grade = report.at("/samples/0/grade");
        assertFalse(grade.get("pass").asBoolean(), grade.toString());
        assertTrue(grade.at("/assertions/0/error").asBoolean(), grade.toString());
        assertTrue(grade.at("/assertions/0/reason").asText().startsWith("malformed grade ("), grade.toString());
        assertEquals(0, report.at("/summary/0/casesPassed").asInt());
    }
}
