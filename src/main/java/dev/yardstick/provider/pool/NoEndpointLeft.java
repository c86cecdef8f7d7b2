package dev.yardstick.provider.pool;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.ProviderException;

/**
 * The route of a try when every endpoint of the pool is out: a client that fails at once and sends nothing. The
 * request counts as failed for the pool, as it would behind a router with no healthy backend, and for no endpoint.
 */
record NoEndpointLeft(EndpointPool pool) implements EndpointRouter.Route {

    @Override
    public ModelClient client() {
        return pool.withChatModel(new Refusing());
    }

    @Override
    public String endpoint() {
        return null;
    }

    @Override
    public void ended(EndpointRouter.Outcome outcome) {
        // nothing was taken
    }

    private final class Refusing implements StreamingChatModel {
        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            handler.onError(new ProviderException(pool.spec().label() + ": every endpoint is ejected and cooling"
                    + " down (" + String.join(", ", pool.out()) + "); nothing was sent"));
        }
    }
}
