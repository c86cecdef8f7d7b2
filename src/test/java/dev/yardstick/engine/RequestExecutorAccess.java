package dev.yardstick.engine;

import dev.langchain4j.model.chat.request.ChatRequest;

/** Test access to how the engine turns a planned request into langchain4j's. */
public final class RequestExecutorAccess {

    private RequestExecutorAccess() {
    }

    public static ChatRequest toChatRequest(PlannedRequest request) {
        return RequestExecutor.toChatRequest(request);
    }
}
