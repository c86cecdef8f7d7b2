package dev.yardstick.switching.window;

import java.util.List;
import java.util.OptionalInt;

/**
 * Fits a conversation into one target model's window before a request: counts it with the target's tokenizer,
 * leaves the history whole when it fits, refuses when even the system prompt and the new user message cannot fit
 * (no strategy may cut the user's words), and otherwise lets the strategy decide what to leave out.
 */
public final class WindowFitter {

    private WindowFitter() {
    }

    /**
     * @param state    the conversation, counted for {@code label}, its last message the new user turn
     * @param window   the target's context window, empty when unknown (then nothing is fitted)
     * @param reserved tokens kept free for the answer
     * @throws WindowOverflow when the history cannot be fitted as the strategy allows
     */
    public static Fitted fit(ConversationState state, String label, TokenMeter meter, OptionalInt window, int reserved,
                             WindowStrategy strategy, Summarizer summarizer) {
        int available = window.isPresent() ? window.getAsInt() - reserved : Integer.MAX_VALUE;
        Fitting input = Fitting.of(state, label, meter, available, summarizer);
        int before = input.tokens(input.whole());
        if (window.isEmpty()) {
            return new Fitted(strategy.name(), input.whole(), List.of(), List.of(), before, before, -1,
                    "window unknown: sent whole");
        }
        if (available <= TokenMeter.PER_REQUEST) {
            throw new WindowOverflow(label + "'s window of " + window.getAsInt() + " tokens leaves no room after "
                    + reserved + " reserved for the answer: lower max-tokens");
        }
        if (before <= available) {
            return input.result(strategy.name(), input.whole(), List.of(), List.of(), "");
        }
        int minimal = input.minimal();
        if (minimal > available) {
            throw new WindowOverflow("the system prompt and turn " + input.current().turn() + "'s user message need "
                    + minimal + " tokens (" + meter.tokenizer() + ") but " + label + "'s window of "
                    + window.getAsInt() + " leaves " + available + " after " + reserved
                    + " reserved for the answer; no strategy may cut the user's message: shorten it or the system "
                    + "prompt, or lower max-tokens");
        }
        Fitted fitted = strategy.fit(input);
        if (fitted.tokensAfter() > available) {
            throw new WindowOverflow(strategy.name() + " left " + fitted.tokensAfter() + " tokens, more than the "
                    + available + " " + label + "'s window leaves");
        }
        return fitted;
    }
}
