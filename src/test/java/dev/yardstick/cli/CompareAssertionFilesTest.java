package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackEndpoints;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --promptfoo} with assertions that name files, as promptfoo suites do: values read from text, JSON
 * and YAML files, a javascript module's function and a python file's function, all beside the tests file that names
 * them (in another folder than the config), judged against a loopback model's real answer.
 */
class CompareAssertionFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoopbackLlmServer server;

    @TempDir
    Path dir;
    private Path tests;

    @BeforeAll
    static void start() {
        server = LoopbackLlmServer.builder().behavior(Behavior.DEFAULT.withReply("Paris is the capital of France."))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void files() throws Exception {
        tests = Files.createDirectories(dir.resolve("tests"));
        Files.writeString(tests.resolve("capital.txt"), "paris\n");
        Files.writeString(tests.resolve("answer.txt"), "Paris is the capital of France.\n");
        Files.writeString(tests.resolve("cities.json"), "[\"Lyon\", \"Paris\"]\n");
        Files.writeString(tests.resolve("words.yaml"), "- capital\n- France\n");
        Files.writeString(tests.resolve("check.js"), """
                module.exports.namesCountry = (output, context) => output.includes(context.vars.country);
                """);
        Files.writeString(tests.resolve("rubric.py"), """
                def get_assert(output, context):
                    return {'pass': output.endswith('.'), 'score': 1.0, 'reason': 'ends a sentence'}
                """);
        Files.writeString(dir.resolve("promptfooconfig.yaml"), """
                prompts: ["What is the capital of {{ country }}?"]
                providers:
                  - id: openai:chat:model-a
                    config: {apiBaseUrl: '%s', apiKey: sk-loopback, temperature: 0}
                tests: file://tests/tests.yaml
                """.formatted(server.baseUrl(Protocol.OPENAI)));
    }

    private CliRun compare(String assertions) throws Exception {
        Files.writeString(tests.resolve("tests.yaml"), """
                - description: capital
                  vars: {country: France}
                  assert:
                %s""".formatted(assertions.indent(4)));
        return CliRun.of(LoopbackEndpoints.ENV, null, "compare", "--promptfoo",
                dir.resolve("promptfooconfig.yaml").toString(), "--format", "json", "--no-cache");
    }

    @Test
    void everyAssertionNamingAFileJudgesTheAnswerByThatFile() throws Exception {
        CliRun run = compare("""
                - type: icontains
                  value: file://capital.txt
                - type: equals
                  value: file://answer.txt
                - type: contains-any
                  value: file://cities.json
                - type: icontains-all
                  value: file://words.yaml
                - type: javascript
                  value: file://check.js:namesCountry
                - type: python
                  value: file://rubric.py:get_assert
                """);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode grade = JSON.readTree(run.out()).at("/samples/0/grade");
        assertEquals(6, grade.get("assertions").size(), grade.toString());
        for (JsonNode assertion : grade.get("assertions")) {
            assertTrue(assertion.get("pass").asBoolean(), assertion.toString());
        }
        assertTrue(grade.get("pass").asBoolean(), grade.toString());
    }

    @Test
    void aMissingFileIsOneLineAtTheTestsFileBeforeAnythingIsSent() throws Exception {
        long before = server.requestCount();
        for (String[] missing : new String[][] {{"contains-any", "absent.json", "absent.json"},
            {"javascript", "absent.js:namesCountry", "absent.js"}}) {
            CliRun run = compare("""
                    - type: icontains
                      value: file://capital.txt
                    - type: %s
                      value: file://%s
                    """.formatted(missing[0], missing[1]));
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            assertEquals("yardstick: error: " + tests.resolve("tests.yaml") + ":6: field '[0].assert[1].value': file"
                    + " not found: " + tests.resolve(missing[2]), run.err().strip());
            assertEquals("", run.out());
        }
        assertEquals(before, server.requestCount(), "nothing was sent");
    }
}
