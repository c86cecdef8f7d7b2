package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.yardstick.switching.TestScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** switch-test end to end on mock models: failover, faults, history damage caught, exit codes, every format. */
class SwitchTestMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAILOVER = "scenarios/switch-failover.yaml";

    @TempDir
    Path dir;

    private Path script(String yaml) {
        return TestScripts.write(dir, yaml);
    }

    /** Two mocks, four short turns, a failover chain from primary to backup with a fast breaker. */
    private Path twoMocks(String extra) throws IOException {
        return script("""
                system: You are a support agent. Be brief.
                models:
                  primary: mock/instant?tokens=6
                  backup: mock/instant?tokens=5
                max-tokens: 16
                timeout: 2s
                failover:
                  chain: [primary, backup]
                  retry: {max-attempts: 2, backoff: 10ms, jitter: 0}
                  circuit-breaker: {window: 10, min-calls: 10, failure-rate: 100, open-for: 5s}
                """ + extra + """
                turns:
                  - user: My order 1234 has not arrived.
                  - user: It was a blue kettle.
                  - user: Where is it now?
                  - user: Thanks, bye.
                """);
    }

    private static JsonNode json(CliRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    private static List<JsonNode> failedChecks(JsonNode report) {
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode c : report.at("/conversations/0/checks")) {
            if (!c.get("passed").asBoolean()) {
                failed.add(c);
            }
        }
        return failed;
    }

    @Test
    void theFailoverScenarioFailsOverRecoversAndPasses() throws IOException {
        CliRun run = CliRun.of("switch-test", FAILOVER, "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err() + run.out());
        JsonNode c = json(run).at("/conversations/0");
        List<String> answeredBy = new ArrayList<>();
        c.get("turns").forEach(t -> answeredBy.add(t.get("model").asText()));
        String primary = "mock/fast?ttft=20ms&itl=1ms&tokens=16&jitter=0";
        String backup = "mock/fast?ttft=200ms&itl=1ms&tokens=16&jitter=0";
        assertEquals(List.of(primary, backup, backup, primary), answeredBy);

        List<String> circuit = new ArrayList<>();
        boolean retryAfterHonoured = false;
        for (JsonNode e : c.get("events")) {
            assertNotNull(e.get("at"), "every event has its time");
            if (e.get("kind").asText().equals("circuit")) {
                circuit.add(e.get("turn").asInt() + " " + e.get("detail").asText());
            }
            retryAfterHonoured |= e.get("detail").asText().contains("Retry-After 100 ms honoured");
        }
        assertEquals(List.of("2 CLOSED → OPEN", "4 OPEN → HALF_OPEN", "4 HALF_OPEN → CLOSED"), circuit);
        assertTrue(retryAfterHonoured, c.get("events").toString());

        JsonNode turn1 = c.at("/attempts");
        assertEquals("rate-limited", turn1.get(0).get("errorClass").asText());
        assertEquals(100, turn1.get(0).get("retryAfterMs").asLong());
        assertTrue(turn1.get(1).get("startMs").asDouble() - turn1.get(0).get("startMs").asDouble() >= 100,
                "the retry waited out Retry-After");

        JsonNode failover = c.at("/failovers/0");
        assertEquals(2, failover.get("turn").asInt());
        assertTrue(failover.get("historyIntact").asBoolean());
        assertTrue(failover.get("tookMs").asDouble() < 200, "failover is quick: " + failover);
        boolean broken = false;
        for (JsonNode a : c.get("attempts")) {
            broken |= a.get("turn").asInt() == 3 && "malformed-stream".equals(a.path("errorClass").asText());
        }
        assertTrue(broken, "the broken stream was seen and retried");
    }

    @Test
    void theTableShowsTurnsFailoverTimelineAndChecks() {
        CliRun run = CliRun.of(Map.of("COLUMNS", "120"), null, "switch-test", FAILOVER);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String out = run.out();
        for (String part : new String[] {"Yardstick switch-test: failover", "turn  model", "backup (failover from",
                "Failover", "reached backup in", "Resilience timeline", "CLOSED → OPEN", "Checks", "PASS: all"}) {
            assertTrue(out.contains(part), "missing '" + part + "' in:\n" + out);
        }
        assertTrue(out.lines().allMatch(l -> l.length() <= 120), out);
    }

    @Test
    void everyHistoryFaultIsCaughtAndFailsTheRun() throws IOException {
        for (String kind : List.of("drop-system", "drop-message", "corrupt", "reorder")) {
            CliRun run = CliRun.of("switch-test", twoMocks("").toString(), "--fault", "primary:" + kind + "@3",
                    "--format", "json");
            assertEquals(ExitCodes.GATE_FAILED, run.exitCode(), kind + ": " + run.err());
            List<JsonNode> failed = failedChecks(json(run));
            assertEquals(1, failed.size(), kind + ": " + failed);
            assertEquals("history intact", failed.get(0).get("check").asText());
            assertEquals(3, failed.get(0).get("turn").asInt());
            String expected = switch (kind) {
                case "drop-system" -> "#0 (system) is missing";
                case "drop-message" -> "#1 (user, turn 1) is missing";
                case "corrupt" -> "arrived changed: first difference at byte";
                default -> "arrived out of order";
            };
            assertTrue(failed.get(0).get("detail").asText().contains(expected), kind + ": " + failed.get(0));
        }
    }

    @Test
    void aServerErrorOnEveryTryFailsOverWithTheHistoryIntact() throws IOException {
        CliRun run = CliRun.of("switch-test", twoMocks("").toString(), "--fault", "primary:500@2-3", "--format",
                "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode c = json(run).at("/conversations/0");
        assertEquals(2, c.get("failovers").size());
        JsonNode first = c.at("/failovers/0");
        assertEquals("mock/instant?tokens=5", first.get("to").asText());
        assertEquals("HTTP 500 ×2", first.get("cause").asText(), "two tries, as max-attempts says");
        assertTrue(first.get("historyIntact").asBoolean());
        assertEquals("mock/instant?tokens=6", c.at("/turns/3/model").asText(), "back on the primary at turn 4");
    }

    @Test
    void timeoutsAndBrokenStreamsAreRetried() throws IOException {
        CliRun run = CliRun.of("switch-test", twoMocks("").toString(), "--fault", "primary:timeout@2x1", "--fault",
                "primary:broken-stream@3x1", "--timeout", "300ms", "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> errors = new ArrayList<>();
        for (JsonNode a : json(run).at("/conversations/0/attempts")) {
            if (a.has("errorClass")) {
                errors.add(a.get("turn").asInt() + " " + a.get("errorClass").asText());
            }
        }
        assertEquals(List.of("2 timeout", "3 malformed-stream"), errors);
        assertEquals(0, json(run).at("/conversations/0/failovers").size(), "the retries succeeded on the primary");
    }

    @Test
    void whenEveryModelFailsTheConversationStopsAndTheGateFails() throws IOException {
        CliRun run = CliRun.of("switch-test", twoMocks("").toString(), "--fault", "primary:503=10ms@2", "--fault",
                "backup:500@2", "--format", "json");
        assertEquals(ExitCodes.GATE_FAILED, run.exitCode(), run.err());
        JsonNode c = json(run).at("/conversations/0");
        assertFalse(c.get("completed").asBoolean());
        assertEquals("failed", c.at("/turns/1/status").asText());
        assertEquals("not run", c.at("/turns/2/status").asText());
        assertTrue(c.at("/failovers/0/to").isMissingNode(), "no fallback reached");
    }

    @Test
    void nothingAnsweredExitsThree() throws IOException {
        CliRun run = CliRun.of("switch-test", twoMocks("").toString(), "--fault", "primary:500@1", "--fault",
                "backup:500@1");
        assertEquals(ExitCodes.RUNTIME, run.exitCode(), run.err());
        assertTrue(run.err().contains("no turn was answered"), run.err());
    }

    @Test
    void theMatrixRunsEveryOrderedPairAndFindsThoseThatBreak() throws IOException {
        Path file = script("""
                system: Be brief.
                models:
                  big: mock/instant?tokens=12
                  tiny: {model: "mock/instant?tokens=4", context-window: 60}
                  other: mock/instant?tokens=8
                max-tokens: 12
                window: {strategy: fail}
                turns:
                  - user: one two three four five six seven eight nine ten
                  - user: eleven twelve thirteen fourteen fifteen sixteen
                  - user: seventeen eighteen
                """);
        CliRun run = CliRun.of("switch-test", file.toString(), "--matrix", "--switch-at", "3", "--format", "json");
        assertEquals(ExitCodes.GATE_FAILED, run.exitCode(), run.err());
        JsonNode report = json(run);
        assertEquals(6, report.get("conversations").size());
        List<String> failing = new ArrayList<>();
        for (JsonNode c : report.get("conversations")) {
            if (!c.get("passed").asBoolean()) {
                failing.add(c.get("label").asText());
            }
        }
        assertEquals(List.of("big → tiny at turn 3", "other → tiny at turn 3"), failing,
                "switching into the 60-token window overflows under the fail strategy");
        assertEquals(3, report.at("/script/switchAt").asInt());
        assertEquals(4, report.at("/verdict/conversationsPassed").asInt());
    }

    @Test
    void writesJsonCsvAndMarkdown() throws IOException {
        Path json = dir.resolve("r.json");
        Path csv = dir.resolve("r.csv");
        Path md = dir.resolve("r.md");
        CliRun run = CliRun.of("switch-test", twoMocks("").toString(), "-o", json.toString(), "-o", csv.toString(),
                "-o", md.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(json.toFile());
        assertEquals("switch-test", report.at("/run/command").asText());
        assertEquals(4, report.at("/conversations/0/turns").size());
        assertTrue(report.at("/metrics/integrity").asText().contains("langchain4j listener"));
        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size(), "a header and one row per turn");
        assertTrue(rows.get(0).startsWith("conversation,turn,target,model,status,tries,tokens_before,tokens_after"));
        String markdown = Files.readString(md);
        assertTrue(markdown.startsWith("# Yardstick switch-test"), markdown);
        assertTrue(markdown.contains("| turn |"), markdown);
    }
}
