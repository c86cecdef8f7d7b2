package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case id that itself ends in {@code " #2"}, beside a case whose second repetition is labelled the same: each
 * flipped run is tied to its own case and repetition, never recovered from the label.
 */
class CompareSummaryCaseIdTest {

    private static final String SHORT = "mock/instant?tokens=5";
    private static final String LONG = "mock/instant?tokens=50";

    @TempDir
    Path dir;

    @Test
    void aFlippedRunIsExplainedByItsOwnCaseWhenAnotherCaseIsNamedLikeItsLabel() throws Exception {
        Path prompts = Files.writeString(dir.resolve("cases.yaml"), """
                prompts:
                  - id: greet
                    prompt: Tell a story
                    expect: {max-tokens: 10}
                  - id: 'greet #2'
                    prompt: Tell another story
                    expect: {max-tokens: 20}
                """);
        Path base = dir.resolve("base.json");
        CliRun baseline = CliRun.of("compare", "-m", SHORT, "--prompts", prompts.toString(), "--repeat", "2", "-o",
                base.toString());
        assertEquals(0, baseline.exitCode(), baseline.err());
        Path summary = dir.resolve("summary.md");
        Path current = dir.resolve("new.json");
        CliRun run = CliRun.of("compare", "-m", LONG, "--prompts", prompts.toString(), "--repeat", "2", "--baseline",
                base.toString(), "--max-pass-rate-drop", "100%", "--summary", summary.toString(), "-o",
                current.toString());
        assertEquals(0, run.exitCode(), run.err());

        String text = Files.readString(summary);
        assertTrue(text.contains("| " + LONG + " | greet #2 | max-tokens 10: 50 tokens > 10 |"),
                "greet's second repetition, not the case named 'greet #2': " + text);
        assertTrue(text.contains("| " + LONG + " | greet #1 | max-tokens 10: 50 tokens > 10 |"), text);
        assertTrue(text.contains("| " + LONG + " | greet #2 #1 | max-tokens 20: 50 tokens > 20 |"), text);
        assertTrue(text.contains("| " + LONG + " | greet #2 #2 | max-tokens 20: 50 tokens > 20 |"), text);

        JsonNode flips = new ObjectMapper().readTree(current.toFile()).at("/scores/comparisons/0/passToFail");
        List<String> labels = new ArrayList<>();
        flips.forEach(f -> labels.add(f.asText()));
        assertEquals(List.of("greet #1", "greet #2 #1", "greet #2", "greet #2 #2"), labels,
                "stored as labels, as before");
        CliRun diff = CliRun.of("report", "diff", base.toString(), current.toString(), "--format", "markdown");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("pass → fail (4): greet #1, greet #2 #1, greet #2, greet #2 #2"), diff.out());
    }
}
