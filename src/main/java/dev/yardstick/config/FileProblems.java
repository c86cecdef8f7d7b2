package dev.yardstick.config;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says in words why a file could not be read or written, instead of an exception's class name or bare path: the
 * operating system's reason, without the path again (the line that carries it names the file already).
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** A file that could not be read, as the user's error: {@code file not found: F}, or {@code cannot read F: reason}. */
    public static InputException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return new InputException("file not found: " + file);
        }
        return new InputException("cannot read " + file + ": " + reason(e));
    }

    /** The reason, e.g. "no such file or directory", "permission denied", "no space left on device". */
    public static String reason(IOException e) {
        String message = e.getMessage();
        String reason = switch (e) {
            case NoSuchFileException n -> n.getReason() != null ? n.getReason() : "no such file or directory";
            case AccessDeniedException a -> a.getReason() != null ? a.getReason() : "permission denied";
            case NotDirectoryException d -> "a part of the path is not a directory";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            // FileInputStream's and FileOutputStream's form: "PATH (REASON)"
            case FileNotFoundException f when message != null && message.endsWith(")") && message.contains(" (") ->
                    message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
            default -> message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
        };
        // "No space left on device" reads as part of the line; a name such as IOException keeps its capitals
        boolean word = reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                && Character.isLowerCase(reason.charAt(1));
        return word ? reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) : reason;
    }
}
