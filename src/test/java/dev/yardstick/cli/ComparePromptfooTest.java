package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackEndpoints;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --promptfoo}: a promptfoo config with {@code file://} tests and {@code defaultTest}, its two
 * providers two loopback OpenAI-compatible servers (through the real client), judged case by case as promptfoo
 * judges them.
 */
class ComparePromptfooTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITTEN_KEY = "sk-written-in-the-config-4242";

    private static LoopbackLlmServer alpha;
    private static LoopbackLlmServer beta;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        alpha = LoopbackLlmServer.builder().recording(true)
                .behavior(Behavior.DEFAULT.withReply("Paris is the capital of France.")).start();
        beta = LoopbackLlmServer.builder().recording(true)
                .behavior(Behavior.DEFAULT.withReply("Lyon, I believe.")).start();
    }

    @AfterAll
    static void stop() {
        alpha.close();
        beta.close();
    }

    private Path config(String tests) throws Exception {
        Files.writeString(dir.resolve("tests.yaml"), tests);
        return Files.writeString(dir.resolve("promptfooconfig.yaml"), """
                description: capitals
                prompts:
                  - "What is the capital of {{ country }}?"
                providers:
                  - id: openai:chat:model-a
                    label: alpha
                    config: {apiBaseUrl: '%s', apiKey: %s, temperature: 0}
                  - id: openai:chat:model-b
                    label: beta
                    config:
                      apiBaseUrl: '%s'
                      apiKeyEnvar: LOOPBACK_KEY
                      temperature: 0
                defaultTest:
                  vars: {country: France}
                  assert:
                    - type: not-icontains
                      value: sorry
                tests: file://tests.yaml
                """.formatted(alpha.baseUrl(Protocol.OPENAI), WRITTEN_KEY, beta.baseUrl(Protocol.OPENAI)));
    }

    private static final String TESTS = """
            - description: capital
              assert:
                - type: icontains
                  value: Paris
            - description: weighted
              threshold: 0.5
              assert:
                - type: icontains
                  value: Paris
                  weight: 3
                - type: starts-with
                  value: Lyon
            - description: negated
              assert:
                - type: not-contains
                  value: Lyon
            - description: zero weight
              vars: {country: Spain}
              assert:
                - type: equals
                  value: nothing like this
                  weight: 0
            """;

    @Test
    void eachCaseIsJudgedAsPromptfooJudgesIt() throws Exception {
        CliRun run = CliRun.of(LoopbackEndpoints.ENV, null, "compare", "--promptfoo", config(TESTS).toString(),
                "--format", "json", "--no-cache");
        assertEquals(0, run.exitCode(), "failed cases alone fail no gate: " + run.err());
        JsonNode report = JSON.readTree(run.out());
        Map<String, JsonNode> grades = new HashMap<>();
        for (JsonNode s : report.get("samples")) {
            grades.put(s.get("model").asText() + " " + s.get("promptId").asText(), s.get("grade"));
        }
        assertEquals(8, grades.size(), grades.keySet().toString());
        // alpha answers "Paris is the capital of France.", beta "Lyon, I believe."; defaultTest adds not-icontains
        // "sorry" (weight 1) before every test's own assertions.
        assertPass(grades, "alpha/model-a capital", true, 1.0);
        assertPass(grades, "beta/model-b capital", false, 0.5);
        assertPass(grades, "alpha/model-a weighted", true, 0.8);     // (1 + 3 + 0) / 5 ≥ 0.5
        assertPass(grades, "beta/model-b weighted", false, 0.4);     // (1 + 0 + 1) / 5 < 0.5
        assertPass(grades, "alpha/model-a negated", true, 1.0);
        assertPass(grades, "beta/model-b negated", false, 0.5);
        assertPass(grades, "alpha/model-a zero weight", true, 1.0);  // weight 0 decides nothing
        assertPass(grades, "beta/model-b zero weight", true, 1.0);
        assertEquals(2, grades.get("alpha/model-a weighted").get("assertions").size() - 1,
                "the default's assertion, then the test's two");
        assertEquals("not-icontains", grades.get("alpha/model-a weighted").at("/assertions/0/type").asText());

        List<RecordedRequest> toAlpha = alpha.requests();
        assertEquals(4, toAlpha.stream().filter(r -> "model-a".equals(r.model())).count());
        assertTrue(toAlpha.stream().anyMatch(r -> r.messages().toString().contains("capital of Spain")),
                "a test's vars win over defaultTest's");
        assertEquals("Bearer " + WRITTEN_KEY, toAlpha.getFirst().header("authorization"));
        assertEquals(4, beta.requests().stream().filter(r -> "model-b".equals(r.model())).count());
        assertFalse(run.out().contains(WRITTEN_KEY) || run.err().contains(WRITTEN_KEY), "the key is never shown");
    }

    private static void assertPass(Map<String, JsonNode> grades, String key, boolean pass, double score) {
        JsonNode grade = grades.get(key);
        assertEquals(pass, grade.get("pass").asBoolean(), key + ": " + grade);
        assertEquals(score, grade.get("score").asDouble(), 1e-9, key + ": " + grade);
    }

    @Test
    void whatCannotBeMappedIsNamedAtItsLineBeforeAnythingRuns() throws Exception {
        Path base = config(TESTS);
        String text = Files.readString(base);
        String[][] cases = {
            {text.replace("openai:chat:model-b", "bedrock:claude"), "unknown provider prefix 'bedrock:'",
                "- id: bedrock:claude"},
            {text.replace("openai:chat:model-b", "openai:completion:davinci"), "OpenAI's chat API only",
                "openai:completion:davinci"},
            {text.replace("temperature: 0}", "temperature: 0, top_p: 0.5}"), "config 'top_p' is not supported",
                "top_p"},
            {text + "scenarios:\n  - config: []\n", "promptfoo's 'scenarios' is not supported", "scenarios:"},
            {text + "nunjucksFilters:\n  up: ./up.js\n", "promptfoo's 'nunjucksFilters' is not supported",
                "nunjucksFilters:"},
            {text.replace("{{ country }}", "{{ country | upper }}"), "unsupported Nunjucks '{{ country | upper }}'",
                "{{ country | upper }}"},
            {text.replace("tests: file://tests.yaml", "tests: file://missing.yaml"), "file not found",
                "tests: file://missing.yaml"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("promptfooconfig.yaml"), c[0]);
            int line = c[0].lines().toList().indexOf(c[0].lines().filter(l -> l.contains(c[2])).findFirst()
                    .orElseThrow()) + 1;
            assertUnmappable(file, file + ":" + line + ":", c[1]);
        }
        Path tests = Files.writeString(dir.resolve("tests.yaml"), TESTS.replace("type: starts-with", "type: rouge-n"));
        Files.writeString(dir.resolve("promptfooconfig.yaml"), text);
        int line = TESTS.lines().toList().indexOf("    - type: starts-with") + 1;
        assertUnmappable(dir.resolve("promptfooconfig.yaml"), tests + ":" + line + ":",
                "promptfoo's assertion type 'rouge-n' is not supported by Yardstick");
    }

    @Test
    void theShippedConfigRunsOfflineAndASecondRunIsServedFromTheCache() throws Exception {
        Path cache = dir.resolve("cache");
        Path junit = dir.resolve("results.xml");
        CliRun first = CliRun.of("compare", "--promptfoo", "prompts/promptfooconfig.yaml", "--cache-dir",
                cache.toString(), "--format", "json", "-o", junit.toString());
        assertEquals(0, first.exitCode(), first.err());
        JsonNode report = JSON.readTree(first.out());
        assertEquals(32, report.get("samples").size(), "2 prompts × 8 tests (one a 2-value matrix) × 2 providers");
        for (JsonNode s : report.get("summary")) {
            assertEquals(16, s.get("casesGraded").asInt(), s.get("model").asText());
        }
        assertEquals(1, report.at("/scores/comparisons").size(), "the two providers' difference, with its tests");
        assertTrue(report.at("/scores/comparisons/0/passRateTest/pValue").isNumber());
        String xml = Files.readString(junit);
        assertEquals(32, xml.split("<testcase ").length - 1, "one JUnit test case per case × model");
        long failed = 0;
        for (JsonNode s : report.get("samples")) {
            failed += s.at("/grade/pass").asBoolean() ? 0 : 1;
        }
        assertTrue(failed > 0, "the embedded model fails some cases");
        assertEquals(failed, xml.split("<failure ").length - 1, "a failed case is a JUnit failure: " + xml);
        assertTrue(xml.contains("message=\"icontains-any [&quot;ball&quot;]: none of them is in the answer\""), xml);
        CliRun second = CliRun.of("compare", "--promptfoo", "prompts/promptfooconfig.yaml", "--cache-dir",
                cache.toString(), "--format", "json");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("cache: 32 hit(s), 0 miss(es)"), second.err());
        JsonNode again = JSON.readTree(second.out());
        for (int i = 0; i < 32; i++) {
            assertEquals(report.at("/samples/" + i + "/grade/pass"), again.at("/samples/" + i + "/grade/pass"),
                    "the same verdicts from the cached answers");
        }
    }

    private static void assertUnmappable(Path config, String where, String what) {
        long before = alpha.requestCount() + beta.requestCount();
        CliRun run = CliRun.of(LoopbackEndpoints.ENV, null, "compare", "--promptfoo", config.toString(),
                "--no-cache");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(where) && run.err().contains(what), where + " / " + what + ": " + run.err());
        assertEquals("", run.out());
        assertEquals(before, alpha.requestCount() + beta.requestCount(), "nothing was sent");
    }
}
