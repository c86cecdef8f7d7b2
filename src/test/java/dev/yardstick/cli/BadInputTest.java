package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a user can make gives one line on stderr and exit 2, never a stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertOneLineUsageError(CliRun run, String expected) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "one line, got:\n" + err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(run.out().isEmpty(), "nothing on stdout: " + run.out());
    }

    @Test
    void unknownProvider() {
        assertOneLineUsageError(CliRun.of("compare", "-m", "nosuch/model", "-p", "hi"), "unknown provider 'nosuch'");
    }

    @Test
    void malformedModelName() {
        assertOneLineUsageError(CliRun.of("compare", "-m", "gpt-4o", "-p", "hi"), "malformed model name 'gpt-4o'");
    }

    @Test
    void missingKeyNamesTheVariableButNoSecret() {
        assertOneLineUsageError(CliRun.of(Map.of(), null, "compare", "-m", "openai/gpt-4o-mini", "-p", "hi"),
                "missing API key for openai/gpt-4o-mini: set OPENAI_API_KEY");
        assertOneLineUsageError(CliRun.of(Map.of(), null, "compare", "-m", "gemini/gemini-2.5-flash", "-p", "hi"),
                "GEMINI_API_KEY or GOOGLE_API_KEY");
    }

    @Test
    void missingPromptFile() {
        assertOneLineUsageError(CliRun.of("compare", "-m", "mock/fast", "--prompts", dir.resolve("no.yaml").toString()),
                "file not found");
    }

    @Test
    void malformedYamlNamesFileLineAndField() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "prompts:\n  - id: a\n    prompt: x\n    expect:\n      max-tokens: many\n");
        CliRun run = CliRun.of("compare", "-m", "mock/fast", "--prompts", file.toString());
        assertOneLineUsageError(run, file + ":5: field 'prompts[0].expect.max-tokens'");
    }

    @Test
    void malformedConfigFile() throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "endpoints:\n  mine:\n    provider: openai\n    base-url: [oops\n");
        assertOneLineUsageError(CliRun.of("compare", "--config", file.toString(), "-m", "mock/fast", "-p", "x"),
                file.toString());
    }

    @Test
    void zeroOrNegativeConcurrency() {
        assertOneLineUsageError(CliRun.of("compare", "-m", "mock/fast", "-p", "hi", "--concurrency", "0"),
                "--concurrency must be between 1 and 100000, got 0");
        assertOneLineUsageError(CliRun.of("compare", "-m", "mock/fast", "-p", "hi", "--concurrency", "-3"),
                "--concurrency must be between 1 and 100000, got -3");
    }

    @Test
    void unknownOptionSuggestsTheClosest() {
        CliRun run = CliRun.of("compare", "-m", "mock/fast", "-p", "hi", "--concurency", "2");
        assertOneLineUsageError(run, "--concurency");
        assertTrue(run.err().contains("--concurrency"), run.err());
    }

    @Test
    void noPromptAtAll() {
        assertOneLineUsageError(CliRun.of("compare", "-m", "mock/fast"), "no prompt");
    }

    @Test
    void unknownOutputExtension() {
        assertOneLineUsageError(CliRun.of("compare", "-m", "mock/fast", "-p", "x", "-o",
                dir.resolve("out.docx").toString()), "unknown format 'docx'");
    }

    @Test
    void secretsNeverAppearInErrors() throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "endpoints:\n  mine:\n    provider: nonsense\n    base-url: http://127.0.0.1:9\n"
                + "    api-key-env: MY_KEY\n");
        CliRun run = CliRun.of(Map.of("MY_KEY", "sk-very-secret-value"), null, "compare", "--config", file.toString(),
                "-m", "mine/x", "-p", "x");
        assertOneLineUsageError(run, "unknown protocol 'nonsense'");
        assertFalse(run.err().contains("sk-very-secret-value"));
    }
}
