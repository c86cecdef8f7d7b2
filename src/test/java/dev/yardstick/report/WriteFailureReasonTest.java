package dev.yardstick.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The reason in {@code cannot write FILE: reason}: the operating system's words, without the path again. */
class WriteFailureReasonTest {

    @Test
    void eachKindOfFailureGivesItsReasonOnce() {
        assertEquals("cannot write out.json: no such file or directory",
                WriteFailure.of("out.json", new NoSuchFileException("/x/.out.json.1.tmp")).line());
        assertEquals("permission denied", WriteFailure.reason(new AccessDeniedException("/x")));
        assertEquals("read-only file system",
                WriteFailure.reason(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("no space left on device",
                WriteFailure.reason(new FileNotFoundException("/mnt/full/s.jsonl (No space left on device)")));
        assertEquals("broken pipe", WriteFailure.reason(new IOException("Broken pipe")));
        assertEquals("IOException", WriteFailure.reason(new IOException()));
    }
}
