package dev.yardstick.provider;

import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * The streaming handle of a model that streams on the caller's thread: cancelling only raises a flag, which the
 * model checks between pieces and then stops at the next one.
 */
public final class CancelFlag implements StreamingHandle {

    private volatile boolean cancelled;

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
