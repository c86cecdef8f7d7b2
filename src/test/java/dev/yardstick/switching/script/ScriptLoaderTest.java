package dev.yardstick.switching.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.switching.TestScripts;
import dev.yardstick.switching.window.MiddleOut;
import dev.yardstick.switching.window.Summarize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Scripts are read whole and checked before anything runs; each mistake names file, line and field. */
class ScriptLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) {
        return TestScripts.write(dir, yaml);
    }

    private String error(String yaml) {
        Path file = write(yaml);
        InputException e = assertThrows(InputException.class, () -> ScriptLoader.load(file, List.of()));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void readsAFullScript() {
        ConversationScript script = ScriptLoader.load(write("""
                name: handoff
                system: Be brief.
                models:
                  primary: mock/fast
                  small: {model: mock/instant, context-window: 128}
                max-tokens: 24
                timeout: 5s
                window: {strategy: summarize, summarizer: primary, summary-tokens: 20}
                failover:
                  chain: [primary, small]
                  retry: {max-attempts: 2, backoff: 50ms}
                  circuit-breaker: {window: 3, min-calls: 3, failure-rate: 100, open-for: 1s}
                faults: ["primary:503=200ms@2x1"]
                turns:
                  - user: Hello
                  - switch: small
                    user: Again
                    expect: {max-tokens: 24}
                    answered-by: small
                  - user: Bye
                """), List.of("mock/instant:timeout@3"));
        assertEquals("handoff", script.name());
        assertEquals("mock/fast", script.label("primary"));
        assertEquals(128, script.windows().get("small"));
        assertEquals(24, script.maxTokens());
        assertEquals(Duration.ofSeconds(5), script.timeout());
        assertEquals(new Summarize("primary", 20), script.window());
        assertEquals(List.of("primary", "small"), script.failover().chain());
        assertEquals(2, script.failover().retry().maxAttempts());
        assertEquals(Duration.ofMillis(50), script.failover().retry().backoff());
        assertEquals(3, script.failover().breaker().window());
        assertEquals(List.of("primary", "small", "small"), script.route().names());
        assertEquals(2, script.defaultSwitchTurn());
        Fault scripted = script.faults().get(0);
        assertEquals("mock/fast", scripted.model(), "names resolve to labels");
        assertEquals(503, scripted.status());
        assertEquals(Duration.ofMillis(200), scripted.retryAfter());
        assertEquals(1, scripted.times());
        assertEquals(Fault.Kind.TIMEOUT, script.faults().get(1).kind());
        assertEquals(17, script.turns().get(1).line(), "the line of its user message");
        assertEquals(2, script.matrix(2).size());
        assertEquals(List.of("primary", "small", "small"), script.matrix(2).get(0).names());
    }

    @Test
    void aSwitchToAnUnnamedModelNamesItsLine() {
        String message = error("""
                models:
                  primary: mock/fast
                  secondary: mock/instant
                turns:
                  - user: Hello
                  - user: Again
                    switch: tertiary
                """);
        assertEquals(":7: field 'turns[1].switch': 'tertiary' is not a named model (the script names: primary, "
                + "secondary)", message);
    }

    @Test
    void anEmptyScriptIsRefused() {
        assertTrue(error("").contains("the script is empty"));
        assertTrue(error("# only a comment\n").contains("the script is empty"));
        assertTrue(error("models: {a: mock/fast}\nturns: []\n").contains("field 'turns': the script has no turns"));
        assertTrue(error("turns:\n  - user: hi\n").contains("the script names no models"));
    }

    @Test
    void everyReferenceAndSettingIsChecked() {
        String models = "models: {a: mock/fast, b: mock/instant}\n";
        assertTrue(error(models + "start: c\nturns: [{user: hi}]\n").contains(":2: field 'start': 'c' is not a named"));
        assertTrue(error(models + "turns:\n  - user: hi\n    answered-by: z\n")
                .contains(":4: field 'turns[0].answered-by'"));
        assertTrue(error(models + "turns:\n  - user: \"\"\n").contains("field 'turns[0].user': every turn needs"));
        assertTrue(error(models + "window: {strategy: summarize}\nturns: [{user: hi}]\n")
                .contains(":2: field 'window': summarize needs 'summarizer'"));
        assertTrue(error(models + "window: {strategy: summarize, summarizer: q}\nturns: [{user: hi}]\n")
                .contains("field 'window.summarizer': 'q' is not a named model"));
        assertTrue(error(models + "window: {strategy: squash}\nturns: [{user: hi}]\n")
                .contains("unknown window strategy 'squash'"));
        assertTrue(error(models + "failover: {chain: [a, x]}\nturns: [{user: hi}]\n")
                .contains("field 'failover.chain[1]': 'x' is not a named model"));
        assertTrue(error(models + "failover: {retry: {backoff: soon}}\nturns: [{user: hi}]\n")
                .contains("field 'failover.retry': malformed duration 'soon'"));
        assertTrue(error(models + "failover: {circuit-breaker: {failure-rate: 150}}\nturns: [{user: hi}]\n")
                .contains("failure-rate must be above 0 and at most 100"));
        assertTrue(error(models + "faults: [\"c:500@2\"]\nturns: [{user: hi}]\n")
                .contains("field 'faults[0]': fault 'c:500@2': 'c' is not a model of the script"));
        assertTrue(error(models + "turns: [{user: hi, colour: red}]\n").contains("unknown field 'colour'"));
        assertTrue(error("models: {a: gpt4}\nturns: [{user: hi}]\n")
                .contains(":1: field 'models.a': malformed model name 'gpt4'"));
        assertTrue(error(models + "max-tokens: 0\nturns: [{user: hi}]\n").contains("field 'max-tokens'"));
    }

    @Test
    void theSmallestSettingsAreAcceptedAndTheNameDefaultsToTheFilesName() {
        ConversationScript script = ScriptLoader.load(write("""
                models:
                  a: {model: mock/fast, context-window: 1}
                max-tokens: 1
                turns: [{user: hi}]
                """), List.of());
        assertEquals("conversation", script.name(), "the file name without its extension");
        assertEquals(1, script.windows().get("a"));
        assertEquals(1, script.maxTokens());
        assertTrue(error("models: {a: {model: mock/fast, context-window: 0}}\nturns: [{user: hi}]\n")
                .contains("field 'models.a.context-window': must be a positive number of tokens"));
        for (String fileName : new String[] {"plain", ".yaml", "two.dots.yaml"}) {
            Path file = dir.resolve(fileName);
            writeTo(file, "models: {a: mock/fast}\nturns: [{user: hi}]\n");
            String expected = switch (fileName) {
                case "two.dots.yaml" -> "two.dots";
                default -> fileName;
            };
            assertEquals(expected, ScriptLoader.load(file, List.of()).name());
        }
    }

    private static void writeTo(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTurnWithoutAUserMessageIsPlacedAtTheTurnsLine() {
        // The turn has no user line: the error points at the turn itself.
        assertEquals(":4: field 'turns[1].user': every turn needs a non-empty user message", error("""
                models: {a: mock/fast}
                turns:
                  - user: hi
                  - expect: {max-tokens: 3}
                    answered-by: a
                """));
    }

    @Test
    void aScriptNamesItsModelsAndWhereTheMatrixSwitches() {
        ConversationScript script = ScriptLoader.load(write("""
                models: {a: mock/fast, b: mock/fast, c: mock/instant}
                turns:
                  - user: one
                    switch: c
                  - user: two
                  - user: three
                  - user: four
                """), List.of());
        assertEquals("a/b", script.nameOf("mock/fast"), "two names for one model");
        assertEquals("c", script.nameOf("mock/instant"));
        assertEquals("mock/slow", script.nameOf("mock/slow"), "not a model of the script: its label");
        assertEquals(List.of("mock/fast", "mock/instant"), script.specs().stream().map(s -> s.label()).toList());
        assertEquals(3, script.defaultSwitchTurn(), "a switch at turn 1 is no switch between models: the middle");
        assertEquals(List.of("c", "c", "c", "c"), script.route().names());
        assertEquals(new MiddleOut(), script.withWindow(new MiddleOut()).window());
        assertEquals(new Summarize("b", 9), script.withWindow(new Summarize("b", 9)).window());
        InputException e = assertThrows(InputException.class, () -> script.withWindow(new Summarize("z", 9)));
        assertEquals("summarizer 'z' is not a named model of " + script.file() + " (it names: a, b, c)",
                e.getMessage());
        assertEquals(Duration.ofSeconds(3), script.withTimeout(Duration.ofSeconds(3)).timeout());
        assertEquals(script.turns(), script.withTimeout(Duration.ofSeconds(3)).turns());

        ConversationScript five = ScriptLoader.load(write("""
                models: {a: mock/fast}
                turns: [{user: 1}, {user: 2}, {user: 3}, {user: 4}, {user: 5}]
                """), List.of());
        assertEquals(3, five.defaultSwitchTurn());
        ConversationScript one = ScriptLoader.load(write("""
                models: {a: mock/fast}
                turns: [{user: 1}]
                """), List.of());
        assertEquals(1, one.defaultSwitchTurn());
    }
}
