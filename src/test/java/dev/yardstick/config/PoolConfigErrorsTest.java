package dev.yardstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistake in a pool is one line on stderr naming the file, the line and the field, and exit code 2. */
class PoolConfigErrorsTest {

    private static final String ENDPOINT = "endpoints:\n  a: {provider: openai, base-url: 'http://127.0.0.1:9/v1'}\n";

    @TempDir
    Path dir;

    @Test
    void anUnknownBalanceNamesItsLineAndTheNearestValue() throws IOException {
        String err = fails(ENDPOINT + "pools:\n  p:\n    model: m\n    balance: rund-robin\n    members:\n"
                + "      - endpoint: a\n", "pool:p");
        assertEquals("yardstick: error: " + dir.resolve("y.yaml") + ":6: field 'pools.p.balance': unknown balance"
                + " 'rund-robin' (did you mean 'round-robin'?)", err);
    }

    @Test
    void aMemberNamingNoEndpointIsReportedAtItsLine() throws IOException {
        String err = fails(ENDPOINT + "pools:\n  p:\n    model: m\n    members:\n      - endpoint: a\n"
                + "      - endpoint: replica-z\n", "pool:p");
        assertTrue(err.startsWith("yardstick: error: " + dir.resolve("y.yaml") + ":8: field"
                + " 'pools.p.members.endpoint': unknown endpoint 'replica-z'"), err);
    }

    @Test
    void aMemberWithBothOrNeitherFormIsRejected() throws IOException {
        String err = fails("pools:\n  p:\n    members:\n      - model: mock/fast\n      - {weight: 2}\n", "pool:p");
        assertTrue(err.contains("y.yaml:5: field 'pools.p.members[1].endpoint': give a member either"), err);
    }

    @Test
    void weightsBelongToWeightedPools() throws IOException {
        String err = fails("pools:\n  p:\n    members:\n      - model: mock/fast\n      - model: mock/slow\n"
                + "        weight: 2\n", "pool:p");
        assertTrue(err.contains("y.yaml:6: field 'pools.p.weight': only a weighted pool weighs its members"), err);
    }

    @Test
    void anUnknownPoolPointsAtThePoolsOfTheFile() throws IOException {
        String err = fails(ENDPOINT + "pools:\n  replicas:\n    members:\n      - model: mock/fast\n",
                "pool:replica");
        assertEquals("yardstick: error: " + dir.resolve("y.yaml") + ":3: field 'pools': unknown pool 'replica' (did"
                + " you mean 'replicas'?)", err);
    }

    @Test
    void aPoolWithoutAConfigFileSaysWhereToDefineIt() {
        CliRun run = CliRun.of("benchmark", "-m", "pool:p", "--requests", "1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().strip().endsWith("pool:p: no config file names it (give --config FILE with a 'pools:'"
                + " section)"), run.err());
    }

    /** Runs a benchmark of {@code model} with this config: exit 2 and one line on stderr, returned. */
    private String fails(String yaml, String model) throws IOException {
        Path config = Files.writeString(dir.resolve("y.yaml"), yaml);
        CliRun run = CliRun.of("benchmark", "--config", config.toString(), "-m", model, "--requests", "1");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        return run.err().strip();
    }
}
