package dev.yardstick.provider.pool;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pool as one streaming model, for callers that send through a model rather than route each try themselves (a
 * judge, a wrapped view): each request is routed, and its route ends with the stream's end. The engine routes its
 * own tries ({@link EndpointRouter}), so a timeout it enforces is judged there too.
 */
final class RoutingChatModel implements StreamingChatModel {

    private final EndpointPool pool;
    private final StreamingChatModel first;

    RoutingChatModel(EndpointPool pool, StreamingChatModel first) {
        this.pool = pool;
        this.first = first;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        EndpointRouter.Route route = pool.route();
        route.client().chatModel().chat(request, new Ending(handler, route));
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return first.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return first.provider();
    }

    /** Passes the stream on and ends the route once, at its end. */
    private record Ending(StreamingChatResponseHandler handler, EndpointRouter.Route route, AtomicBoolean ended)
            implements StreamingChatResponseHandler {

        Ending(StreamingChatResponseHandler handler, EndpointRouter.Route route) {
            this(handler, route, new AtomicBoolean());
        }

        @Override
        public void onPartialResponse(String partial) {
            handler.onPartialResponse(partial);
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handler.onPartialResponse(partial, context);
        }

        @Override
        public void onPartialThinking(PartialThinking partial) {
            handler.onPartialThinking(partial);
        }

        @Override
        public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
            handler.onPartialThinking(partial, context);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            end(EndpointRouter.Outcome.ANSWERED);
            handler.onCompleteResponse(response);
        }

        @Override
        public void onError(Throwable error) {
            end(EndpointRouter.Outcome.FAILED);
            handler.onError(error);
        }

        private void end(EndpointRouter.Outcome outcome) {
            if (ended.compareAndSet(false, true)) {
                route.ended(outcome);
            }
        }
    }
}
