package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.yardstick.switching.TestScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** switch-test's bad input: one line on stderr naming file, line and field where there is one; exit 2; no run. */
class SwitchTestBadInputTest {

    @TempDir
    Path dir;

    private Path script(String yaml) {
        return TestScripts.write(dir, yaml);
    }

    private static void assertOneLine(CliRun run, String expected) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err() + run.out());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "one line, got:\n" + err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(run.out().isEmpty(), "nothing ran: " + run.out());
    }

    @Test
    void aSwitchToAnUnnamedModel() {
        Path file = script("""
                models:
                  primary: mock/instant
                turns:
                  - user: hi
                  - switch: secondary
                    user: hello
                """);
        assertOneLine(CliRun.of("switch-test", file.toString()), file + ":5: field 'turns[1].switch': 'secondary' is "
                + "not a named model (the script names: primary)");
    }

    @Test
    void anEmptyScript() {
        assertOneLine(CliRun.of("switch-test", script("").toString()), "the script is empty");
        assertOneLine(CliRun.of("switch-test", script("models: {a: mock/instant}\n").toString()),
                "the script has no turns");
    }

    @Test
    void aTurnNoStrategyCanFitIsRefusedBeforeAnyRequest() {
        Path file = script("""
                system: Be brief.
                models:
                  big: mock/instant
                  tiny: {model: mock/instant, context-window: 40}
                max-tokens: 16
                turns:
                  - user: hi
                  - switch: tiny
                    user: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
                """);
        for (String strategy : new String[] {"drop-oldest", "middle-out", "summarize", "keep-last-n", "fail"}) {
            List<String> args = new ArrayList<>(List.of("switch-test", file.toString(),
                    "--strategy", strategy));
            if (strategy.equals("keep-last-n")) {
                args.addAll(List.of("--keep-last", "1"));
            }
            if (strategy.equals("summarize")) {
                args.addAll(List.of("--summarizer", "big"));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertOneLine(run, file + ":9: field 'turns[1].user': turn 2 cannot be sent to mock/instant: the system "
                    + "prompt and turn 2's user message need 26 tokens (mock:words) but mock/instant's window of 40 "
                    + "leaves 24 after 16 reserved for the answer; no strategy may cut the user's message");
        }
    }

    @Test
    void matrixAndFaultMistakes() {
        Path file = script("models: {a: mock/instant, b: mock/fast}\nturns: [{user: hi}, {user: again}]\n");
        assertOneLine(CliRun.of("switch-test", file.toString(), "--switch-at", "2"), "--switch-at applies to --matrix");
        assertOneLine(CliRun.of("switch-test", file.toString(), "--matrix", "--switch-at", "3"),
                "--switch-at must be a turn from 2 to 2");
        assertOneLine(CliRun.of("switch-test", file.toString(), "--fault", "a:explode@1"), "unknown kind 'explode'");
        assertOneLine(CliRun.of("switch-test", file.toString(), "--fault", "c:500@1"), "'c' is not a model of the "
                + "script");
        assertOneLine(CliRun.of("switch-test", file.toString(), "--strategy", "summarize", "--summarizer", "z"),
                "summarizer 'z' is not a named model");
        assertOneLine(CliRun.of("switch-test", dir.resolve("missing.yaml").toString()), "file not found");
    }
}
