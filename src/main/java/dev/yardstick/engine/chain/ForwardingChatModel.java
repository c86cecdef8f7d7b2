package dev.yardstick.engine.chain;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.Set;

/**
 * A streaming model standing in front of another: its default parameters, provider and capabilities are the
 * other's, so langchain4j builds the same final request through it as through the model itself.
 */
public abstract class ForwardingChatModel implements StreamingChatModel {

    protected final StreamingChatModel delegate;

    protected ForwardingChatModel(StreamingChatModel delegate) {
        this.delegate = delegate;
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
