package dev.yardstick.provider.openai;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;

/** What a handler heard from a decoder: the partial texts and thinking, the response, the error. */
final class Heard implements StreamingChatResponseHandler {
    final List<String> partials = new ArrayList<>();
    final List<String> thinking = new ArrayList<>();
    ChatResponse response;
    Throwable error;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        assertTrue(context.streamingHandle() != null);
        partials.add(partial.text());
    }

    @Override
    public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
        thinking.add(partial.text());
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        response = completeResponse;
    }

    @Override
    public void onError(Throwable failure) {
        error = failure;
    }
}
