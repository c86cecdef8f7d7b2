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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a suite run reports beyond its verdicts: the judge model's tokens and cost apart from the models' own, the
 * Markdown gate summary of a failed baseline gate, and a per-model override reaching the request.
 */
class CompareSuiteOutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoopbackLlmServer server;

    @TempDir
    Path dir;
    private Path config;

    @BeforeAll
    static void start() {
        server = LoopbackLlmServer.builder().recording(false).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void configFile() throws Exception {
        server.reset();
        config = Files.writeString(dir.resolve("yardstick.yaml"), """
                endpoints:
                  lb: {provider: openai, base-url: '%s', api-key-env: LOOPBACK_KEY}
                models:
                  lb/judge: {price: {input: 2.0, output: 10.0, source: test}}
                """.formatted(server.baseUrl(Protocol.OPENAI)));
    }

    private CliRun compare(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "compare";
        all[1] = "--config";
        all[2] = config.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(LoopbackEndpoints.ENV, null, all);
    }

    @Test
    void theJudgesTokensAndCostAreCountedApartFromTheModels() throws Exception {
        server.behavior(Behavior.DEFAULT.withReply("{\"reason\": \"fine\", \"pass\": true, \"score\": 1}")
                .withReportedUsage(100, 20));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                prompts:
                  - id: story
                    prompt: "A story about {{hero}}"
                    vars: {hero: [Lily, Tom, Sue]}
                    assert:
                      - type: llm-rubric
                        value: tells a story
                """);
        CliRun run = compare("-m", "mock/fast", "--prompts", suite.toString(), "--judge", "lb/judge", "--no-cache",
                "--format", "json", "-o", dir.resolve("r.md").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        JsonNode judge = report.at("/judges/0");
        assertEquals("lb/judge", judge.get("model").asText());
        assertEquals(3, judge.get("calls").asInt());
        assertEquals(0, judge.get("failures").asInt());
        assertEquals(300, judge.get("inputTokens").asLong());
        assertEquals(60, judge.get("outputTokens").asLong());
        assertEquals("reported", judge.get("tokenSource").asText());
        assertEquals((300 * 2.0 + 60 * 10.0) / 1e6, judge.get("costUsd").asDouble(), 1e-12);
        assertEquals(1, report.get("judges").size());
        JsonNode mock = report.at("/summary/0");
        assertEquals("mock/fast", mock.get("model").asText());
        assertTrue(mock.at("/stats/tokens/input").asLong() < 300, "the judge's prompts are not the model's tokens: "
                + mock.at("/stats/tokens"));
        String markdown = Files.readString(dir.resolve("r.md"));
        assertTrue(markdown.contains("Judge models (grading; not in the models' figures)"), markdown);
        assertTrue(markdown.contains("| lb/judge | 3 | 300/60 | reported | $0.001200 |"), markdown);
    }

    @Test
    void aPromptfooDefaultTestNamesTheJudgeOfEveryGradedAssertion() throws Exception {
        server.behavior(Behavior.DEFAULT.withReply("{\"category\": \"D\", \"reason\": \"wrong\"}")
                .withReportedUsage(50, 10));
        Path suite = Files.writeString(dir.resolve("promptfooconfig.yaml"), """
                prompts: ["Capital of {{ country }}?"]
                providers: [mock/fast]
                defaultTest:
                  options: {provider: lb/judge}
                tests:
                  - vars: {country: France}
                    assert: [{type: factuality, value: Paris}]
                """);
        JsonNode report = JSON.readTree(compare("--promptfoo", suite.toString(), "--no-cache", "--format", "json")
                .out());
        assertEquals("lb/judge", report.at("/judges/0/model").asText());
        assertEquals(1, report.at("/judges/0/calls").asInt());
        assertEquals(50, report.at("/judges/0/inputTokens").asLong());
        assertFalse(report.at("/samples/0/grade/pass").asBoolean(), "category D is a disagreement");
    }

    @Test
    void aJudgeThatFailsIsCountedAsAFailedCall() throws Exception {
        server.behavior(Behavior.DEFAULT.failing(500));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                prompts:
                  - id: story
                    prompt: Once
                    assert: [{type: factuality, value: A story., provider: lb/judge}]
                """);
        JsonNode report = JSON.readTree(compare("-m", "mock/fast", "--prompts", suite.toString(), "--no-cache",
                "--format", "json").out());
        assertEquals(1, report.at("/judges/0/failures").asInt(), report.get("judges").toString());
        assertEquals(0, report.at("/judges/0/inputTokens").asLong());
        assertFalse(report.at("/samples/0/grade/pass").asBoolean());
    }

    @Test
    void theMarkdownSummarySaysWhatFailedByHowMuchAndWhichCasesFlipped() throws Exception {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                prompts:
                  - id: ask
                    prompt: "Capital of {{country}}?"
                    vars: {country: [France, Peru, Chad, Fiji, Oman, Laos, Cuba, Mali]}
                    assert: [{type: icontains, value: Paris}]
                """);
        server.behavior(Behavior.DEFAULT.withReply("Paris, surely."));
        Path base = dir.resolve("base.json");
        assertEquals(0, compare("-m", "lb/m", "--prompts", suite.toString(), "--no-cache", "-o", base.toString())
                .exitCode());
        server.behavior(Behavior.DEFAULT.withReply("No idea."));
        Path summary = Files.writeString(dir.resolve("step-summary.md"), "# Build\n\nearlier step\n");
        CliRun run = compare("-m", "lb/m", "--prompts", suite.toString(), "--no-cache", "--baseline",
                base.toString(), "--max-pass-rate-drop", "5%", "--summary", summary.toString());
        assertEquals(1, run.exitCode(), run.err());
        String text = Files.readString(summary);
        assertTrue(text.startsWith("# Build\n\nearlier step\n"), "appended, never overwritten: " + text);
        assertTrue(text.contains("Yardstick quality gate: FAILED"), text);
        assertTrue(text.contains("GATE FAILED: pass-rate of lb/m worse by +100.0 points (allowed 5.0 points,"
                + " p = 0.0078)"), text);
        assertTrue(text.contains("| pass-rate | lb/m | 100.0% | 0.0% | +100.0 points | ≤ 5.0 points | 0.0078"
                + " (McNemar, exact binomial) | FAILED |"), text);
        assertTrue(text.contains("## Cases that passed on the baseline and fail now"), text);
        assertTrue(text.contains("| lb/m | ask [country=Peru] | icontains \"Paris\": not found in the answer |"),
                text);
        assertEquals(8, text.lines().filter(l -> l.startsWith("| lb/m | ask [country=")).count(), text);
        assertFalse(text.contains("## Prompt"), "no answers in the summary");
    }

    @Test
    void aPerModelOverrideReachesThatModelsRequestsOnly() throws Exception {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                prompts:
                  - id: story
                    prompt: Once upon a time
                    models:
                      mock/fast: {max-tokens: 3, assert: [{type: max-tokens, value: 3}]}
                """);
        JsonNode report = JSON.readTree(compare("-m", "mock/fast", "-m", "mock/slow", "--prompts",
                suite.toString(), "--no-cache", "--format", "json").out());
        for (JsonNode s : report.get("samples")) {
            boolean fast = s.get("model").asText().equals("mock/fast");
            assertEquals(fast ? 3 : 48, s.at("/tokens/output").asInt(), s.toString());
            assertEquals(fast, s.hasNonNull("grade"), "only mock/fast's answer is graded: " + s);
        }
    }
}
