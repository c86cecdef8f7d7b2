package dev.yardstick.provider.hosted;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.yardstick.provider.http.LeanHttpClientBuilder;
import dev.yardstick.provider.http.StreamCompletion;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Builds one HTTP client and hands that same client to every langchain4j model built with it (each model builds its
 * client once, in its constructor). The measured model and the client warm-up's copy of it, pointed at a loopback
 * stub, then share one client instance, so the warm-up runs the very client, and the lazy set-up of its engine, that
 * the measured requests will use; the warm-up's probe of the real endpoint goes through it too.
 */
final class CapturingHttpClientBuilder implements HttpClientBuilder {

    private final HttpClientBuilder delegate;
    private volatile HttpClient built;

    CapturingHttpClientBuilder(HttpClientBuilder delegate) {
        this.delegate = delegate;
    }

    /** Tells the lean client under it the protocol's completion rule (see {@link HostedApi}); others take none. */
    HttpClientBuilder completion(Supplier<StreamCompletion> rule) {
        if (delegate instanceof LeanHttpClientBuilder lean) {
            lean.completion(rule);
        }
        return this;
    }

    /** Whether the client it builds is the lean one. */
    boolean lean() {
        return delegate instanceof LeanHttpClientBuilder;
    }

    /** The client the model built; null before it did. */
    HttpClient built() {
        return built;
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    /** The client, built on the first call; the timeouts are those in force then (the same for every copy). */
    @Override
    public synchronized HttpClient build() {
        if (built == null) {
            built = delegate.build();
        }
        return built;
    }
}
