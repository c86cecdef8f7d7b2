package dev.yardstick.config;

/**
 * Bad input from the user: a flag, a model name, a file. The CLI prints its message as one line on stderr and
 * exits with the usage/input code, so the message must stand on its own (say what, where, and what to do).
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message, null, false, false);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** An error inside a file the user wrote: names the file, the line (when known) and the field. */
    public static InputException inFile(String file, int line, String field, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
        }
        if (field != null && !field.isBlank()) {
            where.append(": field '").append(field).append('\'');
        }
        return new InputException(where + ": " + problem);
    }
}
