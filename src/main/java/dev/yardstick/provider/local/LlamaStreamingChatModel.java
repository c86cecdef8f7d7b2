package dev.yardstick.provider.local;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaOutput;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.provider.CancelFlag;
import dev.yardstick.provider.ProviderException;
import java.util.concurrent.CancellationException;

/**
 * A langchain4j streaming chat model over one model loaded in-process by llama.cpp.
 *
 * <p>Runs on the caller's thread: {@code chat} returns after the handler has seen every piece and then either
 * {@code onCompleteResponse} or {@code onError}. Each generated token's text goes to {@code onPartialResponse} as
 * soon as llama.cpp produces it (tokens with no visible text, such as end-of-sequence, are not passed on).
 * Requests on one model take turns in arrival order (one llama.cpp context); a request waiting for its turn can be
 * interrupted.
 *
 * <p>Stopping early: cancelling the {@link StreamingHandle} of the {@link PartialResponseContext} cancels the
 * llama.cpp task and ends the call with no further callback; interrupting the calling thread cancels it too and
 * ends with {@code onError(CancellationException)}, the thread's interrupt status kept. Either takes effect at the
 * next token (a few milliseconds for small models).
 *
 * <p>The response's {@link TokenUsage} is counted by the model itself: input = the prompt's tokens as llama.cpp
 * evaluates them (BOS included), output = the tokens it generated (an end-of-sequence token included). A token
 * that ends inside a multi-byte character reaches us merged with the next one, so output counts of non-ASCII text
 * can be short by those merges. Finish reason: {@code LENGTH} when the output limit was reached, else {@code STOP}.
 *
 * <p>Parameters: temperature, top-p, top-k, frequency and presence penalties, stop sequences and max output tokens
 * from the request (default {@value #DEFAULT_MAX_TOKENS} tokens), the seed from the model's {@link ModelParams}.
 * Temperature 0 is greedy decoding, hence the same text every time. llama.cpp's prompt cache is off, so every
 * request pays for its whole prompt, as it would on a server seeing it for the first time.
 */
public final class LlamaStreamingChatModel implements StreamingChatModel {

    public static final int DEFAULT_MAX_TOKENS = 64;

    private final LoadedModel model;
    private final String modelName;
    private final ChatRequestParameters defaults;
    private final Integer seed;

    LlamaStreamingChatModel(LoadedModel model, String modelName, ModelParams params) {
        this.model = model;
        this.modelName = modelName;
        this.defaults = DefaultChatRequestParameters.builder()
                .modelName(modelName)
                .temperature(params.temperature())
                .maxOutputTokens(params.maxTokens() != null ? params.maxTokens() : DEFAULT_MAX_TOKENS)
                .build();
        this.seed = params.seed();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaults;
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    /** The context window requests must fit in (prompt and output together), in tokens. */
    public int contextSize() {
        return model.contextSize();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        Prepared prepared;
        try {
            prepared = prepare(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        stream(prepared, handler);
    }

    /** What one request asks llama.cpp for. */
    record Prepared(String prompt, int promptTokens, int maxTokens, InferenceParameters inference) {
    }

    Prepared prepare(ChatRequest request) {
        ChatRequestParameters p = defaults.overrideWith(request.parameters());
        if (p.toolSpecifications() != null && !p.toolSpecifications().isEmpty()) {
            throw new UnsupportedFeatureException("local models do not call tools");
        }
        if (p.responseFormat() != null && p.responseFormat().type() == ResponseFormatType.JSON) {
            throw new UnsupportedFeatureException("local models do not take a JSON response format");
        }
        String prompt = ChatPrompt.render(request.messages(), model);
        int maxTokens = p.maxOutputTokens();
        int promptTokens = model.promptTokens(prompt);
        int context = model.contextSize();
        if (promptTokens + maxTokens > context) {
            throw new InputException("the prompt is " + promptTokens + " tokens but " + modelName + " holds "
                    + context + " tokens with " + maxTokens + " kept for the answer: shorten the prompt to at most "
                    + Math.max(0, context - maxTokens) + " tokens or lower the max tokens");
        }
        InferenceParameters inference = new InferenceParameters(prompt)
                .setNPredict(maxTokens)
                .setCachePrompt(false);
        if (p.temperature() != null) {
            inference.setTemperature(p.temperature().floatValue());
        }
        if (p.topP() != null) {
            inference.setTopP(p.topP().floatValue());
        }
        if (p.topK() != null) {
            inference.setTopK(p.topK());
        }
        if (p.frequencyPenalty() != null) {
            inference.setFrequencyPenalty(p.frequencyPenalty().floatValue());
        }
        if (p.presencePenalty() != null) {
            inference.setPresencePenalty(p.presencePenalty().floatValue());
        }
        if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
            inference.setStopStrings(p.stopSequences().toArray(String[]::new));
        }
        if (seed != null) {
            inference.setSeed(seed);
        }
        return new Prepared(prompt, promptTokens, maxTokens, inference);
    }

    private void stream(Prepared prepared, StreamingChatResponseHandler handler) {
        try {
            model.turns().lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handler.onError(new CancellationException("interrupted while waiting for " + modelName));
            return;
        }
        Run run = new Run(handler);
        try {
            run.generate(prepared.inference());
        } finally {
            model.turns().unlock();
        }
        // Callbacks after the turn is given back, so the next request starts while this one is being reported.
        run.report(prepared);
    }

    /** One generation: streams the pieces, counts the tokens, notices cancellation, remembers how it ended. */
    private final class Run {

        private final StreamingChatResponseHandler handler;
        private final CancelFlag handle = new CancelFlag();
        private final PartialResponseContext context = new PartialResponseContext(handle);
        private final StringBuilder text = new StringBuilder();
        private int generated;
        private boolean interrupted;
        private RuntimeException failure;

        Run(StreamingChatResponseHandler handler) {
            this.handler = handler;
        }

        void generate(InferenceParameters inference) {
            LlamaIterator tokens;
            try {
                tokens = model.generate(inference);
            } catch (RuntimeException e) {
                failure = nativeFailure(e);
                return;
            }
            try {
                while (tokens.hasNext()) {
                    LlamaOutput output = tokens.next();
                    // In streaming mode llama.cpp sends one result per token, then a final empty one that ends it.
                    if (tokens.hasNext()) {
                        generated++;
                    }
                    if (!output.text.isEmpty() && !deliver(output.text)) {
                        break;
                    }
                    if (handle.isCancelled()) {
                        break;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        interrupted = true;
                        break;
                    }
                }
            } catch (RuntimeException e) {
                failure = nativeFailure(e);
            } finally {
                if (tokens.hasNext()) {
                    tokens.cancel(); // stopped early: free the slot now, or the next request waits for this one
                }
            }
        }

        /** Passes a piece on; false when the handler threw, which ends the generation with its exception. */
        private boolean deliver(String piece) {
            text.append(piece);
            try {
                handler.onPartialResponse(new PartialResponse(piece), context);
                return true;
            } catch (RuntimeException e) {
                failure = e;
                return false;
            }
        }

        void report(Prepared prepared) {
            if (failure != null) {
                handler.onError(failure);
            } else if (interrupted) {
                handler.onError(new CancellationException("interrupted after " + generated + " tokens"));
            } else if (!handle.isCancelled()) {
                handler.onCompleteResponse(ChatResponse.builder()
                        .aiMessage(AiMessage.from(text.toString()))
                        .modelName(modelName)
                        .tokenUsage(new TokenUsage(prepared.promptTokens(), generated))
                        .finishReason(generated >= prepared.maxTokens() ? FinishReason.LENGTH : FinishReason.STOP)
                        .build());
            }
            // Cancelled through the handle: whoever cancelled has stopped listening; no callback.
        }

        private RuntimeException nativeFailure(RuntimeException e) {
            return new ProviderException("llama.cpp failed on " + modelName + ": " + e.getMessage(), e);
        }
    }
}
