package dev.yardstick.switching.integrity;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.yardstick.config.Message;
import dev.yardstick.engine.chain.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What one model actually received, request by request: a langchain4j listener's {@code onRequest} sees the
 * final {@link dev.langchain4j.model.chat.request.ChatRequest}, the very object the provider then turns into its
 * wire format. Requests are numbered so a caller can take exactly those made since a mark.
 */
public final class ReceivedLog implements ChatModelListener {

    private final List<List<Message>> requests = new ArrayList<>();

    @Override
    public void onRequest(ChatModelRequestContext context) {
        List<Message> messages = Messages.of(context.chatRequest().messages());
        synchronized (requests) {
            requests.add(messages);
        }
    }

    /** How many requests were received so far: a mark for {@link #since}. */
    public int mark() {
        synchronized (requests) {
            return requests.size();
        }
    }

    /** The requests received since the mark, oldest first. */
    public List<List<Message>> since(int mark) {
        synchronized (requests) {
            return List.copyOf(requests.subList(Math.min(mark, requests.size()), requests.size()));
        }
    }
}
