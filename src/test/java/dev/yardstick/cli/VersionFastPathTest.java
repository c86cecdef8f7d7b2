package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version} alone skips building the command tree, and prints exactly what the command tree prints. */
class VersionFastPathTest {

    @Test
    void onlyTheVersionFlagAloneTakesTheShortcut() {
        assertTrue(Main.isVersionOnly(new String[] {"--version"}));
        assertTrue(Main.isVersionOnly(new String[] {"-V"}));
        assertFalse(Main.isVersionOnly(new String[] {"compare", "--version"}));
        assertFalse(Main.isVersionOnly(new String[] {"--version", "--help"}));
        assertFalse(Main.isVersionOnly(new String[] {}));
    }

    @Test
    void aFreshProcessPrintsWhatPicocliPrints(@TempDir Path dir) throws Exception {
        FreshJvmCli fast = FreshJvmCli.run(dir, Map.of(), "--version");
        CliRun picocli = CliRun.of("--version"); // in this JVM, through Main.run and the command tree
        assertEquals(0, fast.exitCode(), fast.err());
        assertEquals("", fast.err());
        assertTrue(fast.out().startsWith("yardstick "), fast.out());
        assertEquals(picocli.out(), fast.out());
        assertEquals(FreshJvmCli.run(dir, Map.of(), "-V").out(), fast.out());
    }
}
