package dev.yardstick.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * An output that could not be written (stdout, a report file, the samples file), with the operating system's reason
 * in words: what the one stderr line {@code cannot write FILE: reason} says.
 *
 * @param target what was being written: a path as the user gave it, or {@code stdout}
 * @param reason why not, e.g. {@code no space left on device}
 */
public record WriteFailure(String target, String reason) {

    public static WriteFailure of(Object target, IOException e) {
        return new WriteFailure(String.valueOf(target), reason(e));
    }

    public String line() {
        return "cannot write " + target + ": " + reason;
    }

    /** The reason without the path Java puts in most messages (the line names the target already). */
    static String reason(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException n -> n.getReason() != null ? n.getReason() : "no such file or directory";
            case AccessDeniedException a -> a.getReason() != null ? a.getReason() : "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            // FileOutputStream's form: "PATH (REASON)"
            case FileNotFoundException f when f.getMessage() != null && f.getMessage().endsWith(")")
                    && f.getMessage().contains(" (") ->
                    f.getMessage().substring(f.getMessage().lastIndexOf(" (") + 2, f.getMessage().length() - 1);
            default -> e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                    : e.getClass().getSimpleName();
        };
        // "No space left on device" reads as part of the line; a name such as IOException keeps its capitals
        boolean word = reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                && Character.isLowerCase(reason.charAt(1));
        return word ? reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) : reason;
    }
}
