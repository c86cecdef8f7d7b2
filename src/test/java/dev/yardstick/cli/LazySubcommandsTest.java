package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A run builds the option tree of the command it names and no other; help, completion and suggestions still see
 * every command.
 */
class LazySubcommandsTest {

    private static final List<String> ALL = List.of("compare", "benchmark", "report", "cost-analyze", "pricing",
            "switch-test", "models", "help", "generate-completion");

    private static Set<String> built(String... args) {
        Session session = new Session(Map.of(), null, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        return YardstickCommand.commandLine(args, new Main.SessionFactory(session)).getSubcommands().keySet();
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("compare"), built("compare", "-m", "mock/instant", "-p", "hi"));
        assertEquals(Set.of("benchmark"), built("benchmark", "--help"));
        assertEquals(Set.of("report"), built("report", "merge"));
    }

    @Test
    void anythingElseBuildsEveryCommandInHelpOrder() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "compare"},
                new String[] {"comprae"}, new String[] {"generate-completion"}, new String[] {"-h", "compare"})) {
            assertEquals(ALL, List.copyOf(built(args)), String.join(" ", args));
        }
    }

    @Test
    void helpAndSuggestionsStillKnowEveryCommand() {
        CliRun help = CliRun.of("--help");
        assertEquals(ExitCodes.OK, help.exitCode(), help.err());
        for (String name : ALL) {
            assertTrue(help.out().contains("  " + name + " "), name + " listed:\n" + help.out());
        }
        CliRun helpCompare = CliRun.of("help", "compare");
        assertTrue(helpCompare.out().startsWith("Usage: yardstick compare"), helpCompare.out());
        CliRun typo = CliRun.of("comprae");
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().contains("did you mean compare"), typo.err());
        CliRun named = CliRun.of("compare", "--bogus");
        assertEquals(ExitCodes.USAGE, named.exitCode());
        assertTrue(named.err().contains("Unknown option: '--bogus' (see 'yardstick compare --help')"), named.err());
    }
}
