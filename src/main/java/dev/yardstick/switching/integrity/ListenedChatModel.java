package dev.yardstick.switching.integrity;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.yardstick.engine.chain.ForwardingChatModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A model with one more {@link ChatModelListener}. langchain4j's {@code chat} merges the default parameters into
 * the final request, hands that request to every listener, then to {@code doChat}; here {@code doChat} is the
 * wrapped provider's own, so the listener sees exactly the request the provider serialises, whichever provider it
 * is (hosted, local or mock) and without rebuilding any of them. The model's own listeners still run.
 */
final class ListenedChatModel extends ForwardingChatModel {

    private final List<ChatModelListener> listeners;

    ListenedChatModel(StreamingChatModel delegate, ChatModelListener listener) {
        super(delegate);
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
}
