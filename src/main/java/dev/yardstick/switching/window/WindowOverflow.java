package dev.yardstick.switching.window;

/**
 * The history cannot be fitted into a model's window the way the strategy allows: the {@code fail} strategy met an
 * overflow, keep-last-n's turns alone are too big, or even the system prompt and the new user message do not fit
 * (which no strategy may fix by cutting the user's words). The message says which, with the numbers.
 */
public final class WindowOverflow extends RuntimeException {

    public WindowOverflow(String message) {
        super(message, null, false, false);
    }
}
