package dev.yardstick.switching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a conversation script for a test. */
public final class TestScripts {

    private TestScripts() {
    }

    public static Path write(Path dir, String yaml) {
        Path file = dir.resolve("conversation.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
