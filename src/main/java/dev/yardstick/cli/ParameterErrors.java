package dev.yardstick.cli;

import dev.yardstick.config.Expected;
import dev.yardstick.config.InputException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A value picocli could not take, in the words of the setting's own parser: a flag's error names the flag
 * ({@code --timeout malformed duration 'soon'}), a plan file's its line ({@code plan.yaml:3: field 'timeout': ...}).
 */
final class ParameterErrors {

    private ParameterErrors() {
    }

    /** The error as an input error of ours, or empty when picocli's own message says it best (a missing value). */
    static Optional<InputException> translate(CommandLine.ParameterException e) {
        InputException cause = causeOf(e);
        if (e.getArgSpec() instanceof OptionSpec option) {
            PlanFile file = PlanFile.of(option.command());
            if (file.gave(option)) {
                return Optional.of(file.error(option, cause != null ? cause.getMessage()
                        : "expected " + Expected.of(option.type()) + ", got " + Expected.got(e.getValue())));
            }
            if (cause != null) {
                return Optional.of(new InputException(option.longestName() + " " + cause.getMessage()));
            }
        }
        return Optional.ofNullable(cause);
    }

    /** As {@link #translate}, with picocli's message where it has none of its own. */
    static InputException asInput(CommandLine.ParameterException e) {
        return translate(e).orElseGet(() -> new InputException(e.getMessage()));
    }

    private static InputException causeOf(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InputException input) {
                return input;
            }
        }
        return null;
    }
}
