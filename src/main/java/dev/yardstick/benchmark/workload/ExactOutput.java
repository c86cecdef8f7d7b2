package dev.yardstick.benchmark.workload;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.yardstick.engine.RequestMiddleware;
import dev.yardstick.engine.Sample;
import dev.yardstick.engine.chain.ForwardingChatModel;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Asks for exactly the output length ({@code --exact-output-tokens}) where the protocol can say so. OpenAI-compatible
 * servers of the vLLM family (vLLM, SGLang, Aphrodite) take {@code min_tokens} and {@code ignore_eos} as extra body
 * fields beside {@code max_tokens}: the answer then runs to exactly max tokens. OpenAI's own API ignores or refuses
 * them; Anthropic, Gemini, Mistral and Ollama have only a maximum ({@code max_tokens}, {@code maxOutputTokens},
 * {@code num_predict}), so there the length is only asked as a maximum — and every answer is checked either way.
 */
public final class ExactOutput {

    /** How a model's length is asked when it can be forced. */
    static final String FORCED = "max_tokens with min_tokens and ignore_eos (vLLM-compatible extra body fields)";
    /** How it is asked when the protocol has no minimum. */
    static final String MAXIMUM_ONLY = "max tokens only: the protocol has no minimum length or ignore-EOS field";

    private ExactOutput() {
    }

    /** {@code inner} with every try's model asked for exactly its max tokens where its protocol allows. */
    public static RequestMiddleware around(RequestMiddleware inner) {
        return (request, tries) -> inner.handle(request, new RequestMiddleware.Tries() {
            @Override
            public Sample send(UnaryOperator<StreamingChatModel> around) {
                return tries.send(model -> force(around.apply(model)));
            }

            @Override
            public boolean cancelled() {
                return tries.cancelled();
            }
        });
    }

    /** Whether the model's protocol can be asked for an exact length. */
    static boolean forcible(StreamingChatModel model) {
        return model.provider() == ModelProvider.OPEN_AI;
    }

    static StreamingChatModel force(StreamingChatModel model) {
        if (!forcible(model)) {
            return model;
        }
        return new ForwardingChatModel(model) {
            @Override
            public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
                Integer max = request.parameters().maxOutputTokens();
                if (max == null) {
                    delegate.chat(request, handler);
                    return;
                }
                OpenAiChatRequestParameters forced = OpenAiChatRequestParameters.builder()
                        .overrideWith(request.parameters())
                        .customParameters(Map.of("min_tokens", max, "ignore_eos", true)).build();
                delegate.chat(ChatRequest.builder().messages(request.messages()).parameters(forced).build(), handler);
            }
        };
    }
}
