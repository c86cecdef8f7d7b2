package dev.yardstick.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes one {@code -o} file whole, or leaves it as it was: never half a report, never a temporary file behind. */
final class ReportFile {

    private ReportFile() {
    }

    static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Path target = file;
        if (Files.isSymbolicLink(file)) {
            try {
                target = file.toRealPath(); // replace what the link points at, not the link
            } catch (IOException dangling) {
                target = file;
            }
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // A device, a pipe, /dev/stdout: written in place, since moving a file over it would replace it.
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(bytes);
            }
            return;
        }
        // Not Files.createTempFile: its owner-only permissions would outlive the move; a plain new file gets the
        // user's umask like any file they write.
        Path temp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write's own failure is the one to report
            }
            throw e;
        }
    }
}
