package dev.yardstick.switching.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.switching.TestScripts;
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
}
