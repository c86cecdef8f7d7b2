package dev.yardstick.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The process's own memory figures from {@code /proc/self/status} (Linux); empty where there is no such file. */
public final class ProcStatus {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /** A field given in kB (e.g. {@code VmRSS}, {@code VmHWM}), in bytes. */
    public static Optional<Long> bytes(String field) {
        String prefix = field + ":";
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(prefix)) {
                    String[] parts = line.substring(prefix.length()).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
