package dev.yardstick.eval;

import dev.yardstick.config.PromptLoader;
import dev.yardstick.config.PromptSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A suite whose cases file lies in a folder of its own ({@code cases/more.yaml}), for tests of what that file names:
 * it resolves beside the cases file, so a file of the same name beside the suite is a decoy.
 */
final class CasesFolder {

    final Path root;
    final Path cases;

    CasesFolder(Path root) throws IOException {
        this.root = root;
        this.cases = Files.createDirectories(root.resolve("cases"));
    }

    /** The cases file, where errors about what it names are located. */
    Path casesFile() {
        return cases.resolve("more.yaml");
    }

    /** Writes the cases file and a suite of one prompt {@code story} ("{{hero}} went out") running them; loads it. */
    PromptSet load(String casesYaml) throws IOException {
        Files.writeString(casesFile(), casesYaml);
        return PromptLoader.load(Files.writeString(root.resolve("suite.yaml"), """
                prompts:
                  - id: story
                    prompt: "{{hero}} went out"
                cases: file://cases/more.yaml
                """), AssertionTypes::check);
    }
}
