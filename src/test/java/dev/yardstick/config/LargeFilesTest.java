package dev.yardstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as large as a long prompt read as they do on stdin; the limits that remain are far above them. */
class LargeFilesTest {

    @TempDir
    Path dir;

    private static final int TEN_MB = 10 * 1024 * 1024;

    @Test
    void aTenMegabyteJsonlPromptIsRead() throws IOException {
        Path file = dir.resolve("big.jsonl");
        Files.writeString(file, "{\"id\": \"big\", \"prompt\": \"" + "x".repeat(TEN_MB) + "\"}\n");
        PromptSet set = PromptLoader.load(file);
        assertEquals(TEN_MB, set.prompts().getFirst().promptText().length());
    }

    /**
     * Past SnakeYAML's own default limit of 3 MB (3,145,728 code points), in lines as a long prompt is written: its
     * scanner copies its whole read-ahead window for every kilobyte of a single scalar line, so one 3 MB line alone
     * takes seconds to tens of seconds, a cost of the line's length, not of the limit this test is about.
     */
    @Test
    void aYamlPromptPastSnakeYamlsDefaultLimitIsRead() throws IOException {
        Path file = dir.resolve("big.yaml");
        String line = "y".repeat(99);
        int lines = 32_400;
        Files.writeString(file, "prompts:\n  - id: big\n    prompt: |\n"
                + ("      " + line + "\n").repeat(lines));
        assertTrue(Files.size(file) > 3_145_728 * 1.05, "past the default limit with room: " + Files.size(file));
        PromptSet set = PromptLoader.load(file);
        assertEquals((line + "\n").repeat(lines), set.prompts().getFirst().promptText());
    }

    @Test
    void aDocumentPastTheLimitIsAnInputErrorNotACrash() throws IOException {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, "prompts:\n  - id: big\n    prompt: " + "z".repeat(YamlFiles.MAX_YAML_CHARS) + "\n");
        InputException e = assertThrows(InputException.class, () -> PromptLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": the file is larger than 16 MB"), e.getMessage());
        assertTrue(e.getMessage().contains("JSONL"), e.getMessage());
    }

    @Test
    void theNearestFieldIsSuggested() {
        assertEquals("unknown field 'promt' (did you mean 'prompt'?)",
                UnknownFields.problem("promt", java.util.List.of("id", "prompt", "messages")));
        assertEquals("unknown field 'colour' (expected one of id, messages, prompt)",
                UnknownFields.problem("colour", java.util.List.of("prompt", "id", "messages")));
        assertEquals(1, UnknownFields.distance("max-tokns", "max-tokens"));
    }

    @Test
    void baseUrlsAreHttpWithAHost() {
        assertEquals(null, BaseUrls.problem("http://127.0.0.1:8000/v1"));
        assertEquals(null, BaseUrls.problem("https://api.example.com"));
        assertTrue(BaseUrls.problem("not a url").contains("is not a URL"));
        assertTrue(BaseUrls.problem("ftp://example.com").contains("uses ftp://"));
        assertTrue(BaseUrls.problem("127.0.0.1:8000").contains("127.0.0.1:8000"));
        assertTrue(BaseUrls.problem("http:///v1").contains("names no host"));
    }

    @Test
    void durationsAreBounded() {
        assertEquals(java.time.Duration.ofDays(30), Durations.parse("720h"));
        InputException e = assertThrows(InputException.class, () -> Durations.parse("3000000h"));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        FieldException f = assertThrows(FieldException.class, () -> Durations.parse("timeout", "721h"));
        assertEquals("timeout", f.field());
    }
}
