package dev.yardstick.switching.window;

import dev.yardstick.config.InputException;
import java.util.Locale;

/**
 * How a history too long for a model's window is fitted into it. A strategy is asked only when the history does
 * not fit and the system prompt with the new user message does; it returns what to send and declares what it left
 * out, so the integrity check can tell a declared drop from a lost message.
 */
public sealed interface WindowStrategy permits FailOnOverflow, DropOldest, KeepLastTurns, Summarize, MiddleOut {

    /** The name scripts use: fail, drop-oldest, keep-last-n, summarize, middle-out. */
    String name();

    /** The strategy with its settings, for reports. */
    String describe();

    /** @throws WindowOverflow when this strategy cannot fit the history */
    Fitted fit(Fitting input);

    /** The named model that writes summaries, or null. */
    default String summarizer() {
        return null;
    }

    String NAMES = "fail, drop-oldest, keep-last-n, summarize or middle-out";

    /**
     * @param keepLast      the turns keep-last-n keeps (required for it)
     * @param summarizer    the named model that summarizes (required for summarize)
     * @param summaryTokens the room a summary may take (summarize; default {@value Summarize#DEFAULT_TOKENS})
     */
    static WindowStrategy of(String name, Integer keepLast, String summarizer, Integer summaryTokens) {
        String key = name == null ? "drop-oldest" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "fail" -> new FailOnOverflow();
            case "drop-oldest" -> new DropOldest();
            case "middle-out" -> new MiddleOut();
            case "keep-last-n", "keep-last" -> {
                if (keepLast == null || keepLast < 0) {
                    throw new InputException("keep-last-n needs 'keep-last': how many earlier turns to keep "
                            + "(0 or more)");
                }
                yield new KeepLastTurns(keepLast);
            }
            case "summarize" -> {
                if (summarizer == null || summarizer.isBlank()) {
                    throw new InputException("summarize needs 'summarizer': the name of the model that condenses "
                            + "older turns");
                }
                yield new Summarize(summarizer, summaryTokens == null ? Summarize.DEFAULT_TOKENS : summaryTokens);
            }
            default -> throw new InputException("unknown window strategy '" + name + "' (expected " + NAMES + ")");
        };
    }
}
