package dev.yardstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsTheShippedExampleSet() {
        PromptSet set = PromptLoader.load(Path.of("prompts/stories.yaml"));
        assertEquals("stories", set.name());
        assertEquals(List.of("once", "hero", "tom"), set.prompts().stream().map(PromptCase::id).toList());
        assertEquals("Lily and her friend Tom found a ball", set.prompts().get(2).promptText());
        assertEquals(64, set.prompts().get(0).expect().maxTokens());
    }

    @Test
    void fillsVariablesAndAddsTheFileSystemPrompt() throws IOException {
        Path file = write("p.yaml", """
                system: Be brief.
                variables: {who: Ada}
                prompts:
                  - id: a
                    prompt: "Hello {{ who }}"
                  - id: b
                    messages:
                      - {role: user, content: "Hi"}
                      - {role: assistant, content: "Hello"}
                      - {role: user, content: "Bye {{who}}"}
                """);
        PromptSet set = PromptLoader.load(file);
        assertEquals(List.of(Message.system("Be brief."), Message.user("Hello Ada")), set.prompts().get(0).messages());
        assertEquals(4, set.prompts().get(1).messages().size());
        assertEquals("Bye Ada", set.prompts().get(1).promptText());
    }

    @Test
    void readsJsonl() throws IOException {
        Path file = write("p.jsonl", """
                {"id": "one", "prompt": "first"}

                {"id": "two", "messages": [{"role": "user", "content": "second"}]}
                """);
        PromptSet set = PromptLoader.load(file);
        assertEquals(2, set.prompts().size());
        assertEquals("second", set.prompts().get(1).promptText());
    }

    @Test
    void malformedYamlNamesFileLineAndField() throws IOException {
        Path file = write("bad.yaml", """
                prompts:
                  - id: a
                    prompt: fine
                  - id: b
                    prompt: also fine
                    expect:
                      max-tokens: lots
                """);
        InputException e = assertThrows(InputException.class, () -> PromptLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":7"), e.getMessage());
        assertTrue(e.getMessage().contains("max-tokens"), e.getMessage());
    }

    @Test
    void unknownFieldIsNamed() throws IOException {
        Path file = write("typo.yaml", "prompts:\n  - id: a\n    prompt: hi\n    expcet: {contains: [x]}\n");
        InputException e = assertThrows(InputException.class, () -> PromptLoader.load(file));
        assertTrue(e.getMessage().endsWith(":4: field 'prompts[0].expcet': unknown field 'expcet' (did you mean "
                + "'expect'?)"), e.getMessage());
    }

    @Test
    void promptNeedsExactlyOneOfPromptOrMessages() throws IOException {
        Path file = write("both.yaml", "prompts:\n  - id: a\n");
        InputException e = assertThrows(InputException.class, () -> PromptLoader.load(file));
        assertTrue(e.getMessage().contains("exactly one of 'prompt' or 'messages'"), e.getMessage());
        assertTrue(e.getMessage().contains("prompts[0]"), e.getMessage());
    }

    @Test
    void undefinedVariableIsAnError() throws IOException {
        Path file = write("var.yaml", "prompts:\n  - id: a\n    prompt: 'Hi {{nobody}}'\n");
        InputException e = assertThrows(InputException.class, () -> PromptLoader.load(file));
        assertTrue(e.getMessage().contains("{{nobody}}"), e.getMessage());
    }

    @Test
    void duplicateIdsAndMissingFilesAreErrors() throws IOException {
        Path file = write("dup.yaml", "prompts:\n  - {id: a, prompt: x}\n  - {id: a, prompt: y}\n");
        assertTrue(assertThrows(InputException.class, () -> PromptLoader.load(file)).getMessage()
                .contains("duplicate prompt id 'a'"));
        assertTrue(assertThrows(InputException.class, () -> PromptLoader.load(dir.resolve("none.yaml")))
                .getMessage().startsWith("file not found"));
    }

    @Test
    void badJsonlLineIsNamed() throws IOException {
        Path file = write("bad.jsonl", "{\"id\": \"a\", \"prompt\": \"x\"}\n{\"id\": \"b\", \"prompt\": \n");
        InputException e = assertThrows(InputException.class, () -> PromptLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2"), e.getMessage());
    }
}
