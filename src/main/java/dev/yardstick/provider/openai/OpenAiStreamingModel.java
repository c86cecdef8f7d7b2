package dev.yardstick.provider.openai;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.yardstick.provider.http.HttpTransport;
import dev.yardstick.provider.http.LeanHttpClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadFactory;

/**
 * Yardstick's streaming model for the OpenAI protocol (OpenAI and every compatible server): the request is written
 * with {@link ChatRequestWriter} and the answer read by {@link OpenAiStreamDecoder} straight from the lean client's
 * bytes, synchronously on the caller's thread. It stands where langchain4j's {@code OpenAiStreamingChatModel} stood,
 * behind the same {@link StreamingChatModel} interface (listeners, default parameters, handler callbacks and the
 * mapped exceptions are langchain4j's), so every command measures through it alike.
 */
public final class OpenAiStreamingModel implements StreamingChatModel {

    private final LeanHttpClient client;
    private final URI endpoint;
    private final Map<String, List<String>> headers;
    private final ChatRequestParameters defaults;
    private final Integer seed;
    private final boolean returnThinking;

    /**
     * @param baseUrl        the API's base URL, e.g. {@code https://api.openai.com/v1}
     * @param apiKey         sent as a bearer token
     * @param customHeaders  added to every request (a gateway's own headers)
     * @param defaults       the model name and default sampling parameters
     * @param seed           sent when not null
     * @param returnThinking whether reasoning deltas reach {@code onPartialThinking} and the response
     */
    public OpenAiStreamingModel(LeanHttpClient client, String baseUrl, String apiKey, Map<String, String> customHeaders,
                                ChatRequestParameters defaults, Integer seed, boolean returnThinking) {
        this.client = client;
        this.endpoint = URI.create((baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "chat/completions");
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.put("Content-Type", List.of("application/json"));
        all.put("Accept", List.of("text/event-stream"));
        if (apiKey != null) {
            all.put("Authorization", List.of("Bearer " + apiKey));
        }
        customHeaders.forEach((name, value) -> all.put(name, List.of(value)));
        this.headers = java.util.Collections.unmodifiableMap(all);
        this.defaults = defaults;
        this.seed = seed;
        this.returnThinking = returnThinking;
    }

    /**
     * The defaults as langchain4j's OpenAI model keeps them: OpenAI's parameter type, so that a request's OpenAI
     * parameters (custom body fields, a seed) survive the merge with them.
     */
    public static ChatRequestParameters defaults(String modelName, Double temperature, Integer maxTokens) {
        return OpenAiChatRequestParameters.builder().modelName(modelName).temperature(temperature)
                .maxOutputTokens(maxTokens).build();
    }

    /** Threads that call this model at no hand-off cost ({@link LeanHttpClient#callerThreads}), or null. */
    public ThreadFactory callerThreads() {
        return client.callerThreads(endpoint);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(handler, returnThinking);
        byte[] body;
        try {
            body = ChatRequestWriter.write(request, seed);
        } catch (RuntimeException e) {
            decoder.failed(e);
            return;
        }
        client.stream(new HttpTransport.Request("POST", endpoint, headers, body), decoder);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaults;
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OPEN_AI;
    }
}
