package dev.yardstick.config;

/**
 * A value rejected by a record or parser that knows which setting it belongs to. Read from a file, the error then
 * points at the field's own line ({@code endpoints.mine.base-url}) rather than at the end of the record that holds
 * it; given as a flag, the command names the flag ({@code --base-url ...}).
 */
public final class FieldException extends InputException {

    private final String field;
    private final String problem;

    public FieldException(String field, String problem) {
        super("field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The setting's key as written in files and as its flag's long name (kebab-case). */
    public String field() {
        return field;
    }

    /** What is wrong, without the field's name. */
    public String problem() {
        return problem;
    }

    /** The error as a flag's: {@code --timeout must be positive, got 0s}. */
    public InputException asFlag() {
        return new InputException("--" + field + " " + problem);
    }
}
