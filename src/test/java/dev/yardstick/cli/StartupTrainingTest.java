package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher records its start-up cache from these command lines: one that stopped being valid (a renamed option)
 * would leave the cache without the classes of a real run, and nobody would notice but the clock.
 */
class StartupTrainingTest {

    @Test
    void everyTrainingRunIsACommandLineThatRuns() {
        for (List<String> run : StartupTraining.RUNS) {
            CliRun result = CliRun.of(run.toArray(String[]::new));
            assertEquals(ExitCodes.OK, result.exitCode(), run + ": " + result.err());
            assertFalse(result.err().contains("error:"), run + ": " + result.err());
            assertFalse(result.out().isBlank(), run + " printed nothing");
        }
    }

    @Test
    void theHostedRunWarmsTheRealClientAgainstTheStubOffTheClock() {
        List<String> hosted = StartupTraining.RUNS.stream().filter(run -> run.contains("openai/training"))
                .findFirst().orElseThrow();
        CliRun result = CliRun.of(hosted.toArray(String[]::new));
        assertTrue(result.out().contains("client warm-up"), result.out());
        assertTrue(result.out().contains("stub"), "the warm-up ran the HTTP client against the stub: " + result.out());
    }
}
