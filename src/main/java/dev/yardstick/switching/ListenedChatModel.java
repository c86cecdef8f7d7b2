package dev.yardstick.switching;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A model with one more {@link ChatModelListener}. langchain4j's {@code chat} merges the default parameters into
 * the final request, hands that request to every listener, then to {@code doChat}; here {@code doChat} is the
 * wrapped provider's own, so the listener sees exactly the request the provider serialises, whichever provider it
 * is (hosted, local or mock) and without rebuilding any of them. The model's own listeners still run.
 */
final class ListenedChatModel implements StreamingChatModel {

    private final StreamingChatModel delegate;
    private final List<ChatModelListener> listeners;

    ListenedChatModel(StreamingChatModel delegate, ChatModelListener listener) {
        this.delegate = delegate;
        List<ChatModelListener> all = new ArrayList<>(delegate.listeners());
        all.add(listener);
        this.listeners = List.copyOf(all);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        delegate.doChat(request, handler);
    }

    @Override
    public List<ChatModelListener> listeners() {
        return listeners;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }
}
