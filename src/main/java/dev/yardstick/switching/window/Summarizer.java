package dev.yardstick.switching.window;

import dev.yardstick.config.Message;
import java.util.List;

/** Condenses older turns of a conversation into a short text, for the summarize window strategy. */
@FunctionalInterface
public interface Summarizer {

    /**
     * @param older     the messages to condense, oldest first
     * @param maxTokens the most tokens the summary may take
     * @throws SummaryFailure when no summary could be made
     */
    String summarize(List<Message> older, int maxTokens);

    /** No summarizer configured: the summarize strategy is not in use. */
    Summarizer NONE = (older, maxTokens) -> {
        throw new SummaryFailure("no summarizer model is configured");
    };

    /** The summarizer model failed or answered nothing. */
    final class SummaryFailure extends RuntimeException {
        public SummaryFailure(String message) {
            super(message, null, false, false);
        }
    }
}
