package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code YARDSTICK_STARTUP_TRACE} prints each phase of a run to stderr, in order; without it nothing. */
class StartupTraceTest {

    @Test
    void bashClockReadingsParseWithAPointOrAComma() {
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456_000L), StartupTrace.epoch("1700000000.123456"));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456_000L), StartupTrace.epoch("1700000000,123456"));
        assertNull(StartupTrace.epoch(""));
        assertNull(StartupTrace.epoch("soon"));
    }

    @Test
    void aTracedCompareNamesEveryPhaseInOrderOnStderrOnly(@TempDir Path dir) throws Exception {
        String launched = String.format("%.6f", (System.currentTimeMillis() - 1) / 1000.0).replace(',', '.');
        FreshJvmCli traced = FreshJvmCli.run(dir, Map.of("YARDSTICK_STARTUP_TRACE", "1",
                "YARDSTICK_LAUNCHED_AT", launched), "compare", "-m", "mock/instant", "-p", "hi", "--no-cache");
        assertEquals(ExitCodes.OK, traced.exitCode(), traced.err());
        assertFalse(traced.out().contains("yardstick trace"), traced.out());
        List<String[]> lines = traced.err().lines().filter(l -> l.startsWith("yardstick trace: "))
                .map(l -> l.substring("yardstick trace: ".length()).split(" ", 4)).toList();
        assertEquals(List.of(StartupTrace.MAIN, "command line parsed", "models opened", "first answer in",
                "last answer in, models closed", "scored", "report written", "exit"),
                lines.stream().map(l -> l[3]).toList(), traced.err());
        double before = 0;
        for (String[] line : lines) {
            double wall = Double.parseDouble(line[0]);
            assertTrue(wall >= before && wall < 120, traced.err());
            assertTrue(Double.parseDouble(line[1]) > 0, traced.err());
            before = wall;
        }
        FreshJvmCli quiet = FreshJvmCli.run(dir, Map.of(), "compare", "-m", "mock/instant", "-p", "hi", "--no-cache");
        assertEquals(ExitCodes.OK, quiet.exitCode(), quiet.err());
        assertFalse(quiet.err().contains("yardstick trace"), quiet.err());
    }
}
