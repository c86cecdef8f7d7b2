package dev.yardstick.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * promptfoo's {@code file://NAME} references (cases, vars, prompts, python scripts), resolved one way wherever a
 * file names another: relative to the folder of the file that holds the reference, and refused with the same
 * words. Each caller says where the reference was written by turning a problem into its located error, so the
 * user reads one line naming the file, line and field, then the problem.
 */
public final class FileRef {

    public static final String PREFIX = "file://";

    private FileRef() {
    }

    /** True for a text that is a {@code file://} reference. */
    public static boolean is(Object value) {
        return value instanceof String text && text.startsWith(PREFIX);
    }

    /** The folder references written in {@code file} are relative to. */
    public static Path folderOf(Path file) {
        return file.toAbsolutePath().getParent();
    }

    /**
     * The one regular file {@code ref} names, relative to {@code folder}.
     *
     * @param located turns a problem into the error located where the reference is written
     */
    public static Path file(Path folder, String ref, Function<String, ? extends RuntimeException> located) {
        Path named = named(folder, ref);
        if (!Files.isRegularFile(named)) {
            throw located.apply("file not found: " + named);
        }
        return named;
    }

    /**
     * The files {@code ref} names, relative to {@code folder}: one, or every match of a {@code *} glob in its file
     * name, in name order; a reference that names none is an error.
     */
    public static List<Path> files(Path folder, String ref, Function<String, ? extends RuntimeException> located) {
        Path named = named(folder, ref);
        if (!named.getFileName().toString().contains("*")) {
            return List.of(file(folder, ref, located));
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(named.getParent(),
                named.getFileName().toString())) {
            found.forEach(matches::add);
        } catch (IOException e) {
            throw located.apply("cannot list " + named.getParent() + ": " + FileProblems.reason(e));
        }
        if (matches.isEmpty()) {
            throw located.apply("no file matches " + named);
        }
        matches.sort(null);
        return matches;
    }

    /**
     * A script reference as promptfoo writes it, {@code file://check.js} or {@code file://check.js:fnName}: the file's
     * reference and the function it names (null when none is named).
     */
    public record Script(String file, String function) {

        public static Script of(String ref) {
            int colon = ref.lastIndexOf(':');
            String after = ref.substring(colon + 1);
            if (colon > PREFIX.length() && after.matches("[A-Za-z_$][\\w$]*")) {
                return new Script(ref.substring(0, colon), after);
            }
            return new Script(ref, null);
        }

        /** The file's name with the function, for messages: {@code check.js:fnName}. */
        public String shown() {
            return name(file) + (function == null ? "" : ":" + function);
        }
    }

    /** The file name a reference gives, without its folder: what a message about the file's kind shows. */
    public static String name(String ref) {
        return Path.of(ref.substring(PREFIX.length())).getFileName().toString();
    }

    private static Path named(Path folder, String ref) {
        if (!ref.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a file:// reference: " + ref);
        }
        return folder.resolve(ref.substring(PREFIX.length()));
    }
}
