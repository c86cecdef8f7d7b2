package dev.yardstick.provider.http;

import dev.langchain4j.http.client.HttpClientBuilder;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Builds a {@link LeanHttpClient}. langchain4j's model builders set both timeouts themselves (15 s connect, 60 s read
 * unless the model's {@code timeout} says otherwise) before calling {@link #build()}.
 *
 * <pre>{@code
 * OpenAiStreamingChatModel.builder()
 *         .httpClientBuilder(LeanHttpClient.builder())
 *         ...
 * }</pre>
 */
public final class LeanHttpClientBuilder implements HttpClientBuilder {

    private Duration connectTimeout;
    private Duration readTimeout;
    private HttpTransport.Factory transport = SchemeTransport::new;
    private Supplier<StreamCompletion> completion = () -> StreamCompletion.ANY;

    LeanHttpClientBuilder() {
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest wait for a TCP connection; null for no limit. */
    @Override
    public LeanHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The longest silence allowed while waiting for the response head or for the next bytes of its body; null for no
     * limit. A stream that keeps sending tokens never times out however long it runs.
     */
    @Override
    public LeanHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    HttpTransport.Factory transport() {
        return transport;
    }

    /** Puts another engine under the client; the default is plain sockets for http and Helidon for https. */
    public LeanHttpClientBuilder transport(HttpTransport.Factory factory) {
        this.transport = java.util.Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * Every request over Helidon's WebClient, plain-text http too: the engine before http got its own socket
     * transport, kept so the shootout can measure what that saved.
     */
    public LeanHttpClientBuilder helidon() {
        return transport(HelidonTransport::new);
    }

    Supplier<StreamCompletion> completion() {
        return completion;
    }

    /**
     * The wire protocol's completion rule, one instance per stream: a streamed 2xx response is a success only when
     * the rule finds it complete. Without one every stream that ends is taken as complete.
     */
    public LeanHttpClientBuilder completion(Supplier<StreamCompletion> rule) {
        this.completion = java.util.Objects.requireNonNull(rule, "rule");
        return this;
    }

    @Override
    public LeanHttpClient build() {
        return new LeanHttpClient(this);
    }
}
