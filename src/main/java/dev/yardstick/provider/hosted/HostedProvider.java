package dev.yardstick.provider.hosted;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.yardstick.config.BaseUrls;
import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelConfig;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.Secrets;
import dev.yardstick.provider.Availability;
import dev.yardstick.provider.ClientWarmup;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.Provider;
import dev.yardstick.provider.ProviderContext;
import dev.yardstick.provider.TokenCounter;
import dev.yardstick.provider.openai.OpenAiStreamingModel;
import dev.yardstick.provider.tokens.TokenCounters;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * A provider reached over HTTP through langchain4j: a vendor's API, a preset of an OpenAI-compatible host, or a
 * named endpoint from the config file (then {@code endpoint} carries its base URL, key source and headers).
 */
public final class HostedProvider implements Provider {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final HostedApi api;
    private final EndpointConfig endpoint;
    private final Supplier<HttpClientBuilder> http;

    public HostedProvider(HostedApi api, Supplier<HttpClientBuilder> http) {
        this(api.name(), api, null, http);
    }

    private HostedProvider(String name, HostedApi api, EndpointConfig endpoint, Supplier<HttpClientBuilder> http) {
        this.name = name;
        this.api = api;
        this.endpoint = endpoint;
        this.http = http == null ? JdkHttpClient::builder : http;
    }

    /** A named endpoint from the config file, speaking its declared protocol. */
    public static HostedProvider forEndpoint(String name, EndpointConfig endpoint, Supplier<HttpClientBuilder> http) {
        // EndpointConfig admits only the protocols HostedApi speaks (HostedApiTest holds the two lists together).
        HostedApi protocol = HostedApi.protocol(endpoint.provider());
        return new HostedProvider(name, protocol, endpoint, http);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return endpoint != null ? "config endpoint (" + api.protocol() + " protocol) at " + endpoint.baseUrl()
                : api.description();
    }

    @Override
    public Availability availability(ProviderContext context) {
        String url = baseUrl(context, ModelParams.DEFAULTS);
        if (keyRequired(url) && apiKey(context) == null) {
            return Availability.no("no API key: set " + keySourceHint());
        }
        String probe = Reachability.probe(url + api.probePath(), Duration.ofMillis(800));
        if (probe != null && !keyRequired(url)) {
            return Availability.no("server not reachable at " + url + " (" + probe + ")");
        }
        String keyNote = apiKey(context) != null ? "key from " + keySourceHint() + ", " : "";
        return Availability.ok(keyNote + (probe == null ? "reachable at " + url : "not probed (" + probe + ")"));
    }

    @Override
    public ModelClient open(ModelSpec spec, ProviderContext context) {
        ModelParams params = context.config().paramsFor(spec);
        String key = apiKey(context);
        String url = baseUrl(context, params);
        if (key == null && keyRequired(url)) {
            throw new InputException("missing API key for " + spec.label() + ": set " + keySourceHint());
        }
        Duration timeout = params.timeout() == null ? DEFAULT_TIMEOUT : params.timeout();
        Map<String, String> headers = endpoint == null ? Map.of() : endpoint.headers();
        headers.forEach(Secrets::rememberHeader); // headers often carry tokens: never print them
        CapturingHttpClientBuilder client = new CapturingHttpClientBuilder(httpClient(timeout));
        Connection connection = new Connection(url, key == null ? "no-key" : key, headers, timeout, client);
        StreamingChatModel model = api.factory().build(connection, spec.model(), params);
        ModelSpec opened = spec.withParams(params);
        Supplier<ClientWarmup> warmup = () -> warmup(opened, new Connection(url, key, headers, timeout, client),
                client);
        // Asked for only by a run that may carry its workers on the event loop: opening a model starts no loop.
        Supplier<ThreadFactory> callers = model instanceof OpenAiStreamingModel lean ? lean::callerThreads : () -> null;
        return new Opened(opened, model, TokenCounters.forModel(spec.model()), contextWindow(spec, context), warmup,
                callers);
    }

    private HttpClientBuilder httpClient(Duration timeout) {
        return http.get().connectTimeout(CONNECT_TIMEOUT).readTimeout(timeout);
    }

    /**
     * The client warm-up of a hosted model: a copy of the same langchain4j model type, over the measured model's own
     * HTTP client instance, sends its requests to an in-process loopback stub that answers in this API's wire
     * format, so the HTTP engine (and that instance's lazy set-up), Jackson, the model's request encoding and its
     * stream parser have all run before the first measured request; nothing reaches the provider, so it costs no
     * tokens and warms no server. Beside it, a GET of the model list through the same client runs what the stub
     * cannot: TLS where the endpoint is https, and a pooled connection to the endpoint. Both, because on a cold JVM
     * (compare, 8 requests, against a loopback OpenAI-compatible server) the first TTFT was 2,000+ ms over the
     * median with no warm-up, and the stub alone over a separate client instance still left the first round of
     * requests tens of milliseconds slow; TLS has no other way to be warmed without spending tokens.
     */
    private ClientWarmup warmup(ModelSpec spec, Connection real, CapturingHttpClientBuilder measured) {
        LoopbackStub stub;
        try {
            stub = LoopbackStub.start(CannedAnswer.forProtocol(api.protocol()));
        } catch (java.io.IOException e) {
            return ClientWarmup.NONE;
        }
        Connection loopback = new Connection(stub.baseUrl("/warmup"), "warmup", real.headers(), real.timeout(),
                measured);
        StreamingChatModel model;
        try {
            model = api.factory().build(loopback, spec.model(), spec.params());
        } catch (RuntimeException e) {
            stub.close();
            throw e;
        }
        Runnable probe = measured.built() == null ? null : new EndpointProbe(measured.built(),
                real.baseUrl() + api.probePath(), api.protocol(), real.apiKey(), real.headers());
        // Closing the stub leaves one dead connection to its port in the shared pool: never reused, as no measured
        // request goes there.
        return new ClientWarmup(probe == null ? "loopback-stub" : "loopback-stub+probe", model, probe, stub);
    }

    private boolean keyRequired(String url) {
        // An endpoint without a key setting is a self-hosted server that takes none (vLLM, llama.cpp server); so is
        // a vendor's protocol sent to another base URL (--base-url, OPENAI_BASE_URL): a key is used when set, and
        // without one a placeholder goes out, which keyless servers ignore.
        if (endpoint != null) {
            return endpoint.apiKeyEnv() != null || endpoint.apiKeyFile() != null;
        }
        return api.needsKey() && url.equals(withoutTrailingSlash(api.defaultBaseUrl()));
    }

    private String apiKey(ProviderContext context) {
        if (endpoint != null) {
            return Secrets.lookup(context.env(), endpoint.apiKeyEnv(), endpoint.apiKeyFile());
        }
        for (String var : api.keyEnvVars()) {
            String key = Secrets.lookup(context.env(), var, null);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private String keySourceHint() {
        if (endpoint != null) {
            return endpoint.apiKeyEnv() != null ? endpoint.apiKeyEnv() : "the file " + endpoint.apiKeyFile();
        }
        return String.join(" or ", api.keyEnvVars());
    }

    private String baseUrl(ProviderContext context, ModelParams params) {
        String url = params.baseUrl();
        if (url == null && endpoint != null) {
            url = endpoint.baseUrl();
        }
        if (url == null && api.baseUrlEnvVar() != null && name.equals(api.protocol())) {
            url = context.env(api.baseUrlEnvVar());
            String problem = url == null || url.isBlank() ? null : BaseUrls.problem(url);
            if (problem != null) {
                throw new InputException(api.baseUrlEnvVar() + ": " + problem);
            }
        }
        if (url == null || url.isBlank()) {
            url = api.defaultBaseUrl();
        }
        return withoutTrailingSlash(url);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private OptionalInt contextWindow(ModelSpec spec, ProviderContext context) {
        Integer fromModel = context.config().model(spec.label()).map(ModelConfig::contextWindow).orElse(null);
        if (fromModel != null) {
            return OptionalInt.of(fromModel);
        }
        if (endpoint != null && endpoint.contextWindow() != null) {
            return OptionalInt.of(endpoint.contextWindow());
        }
        return OptionalInt.empty();
    }

    private record Opened(ModelSpec spec, StreamingChatModel chatModel, TokenCounter tokenCounter,
                          OptionalInt contextWindow, Supplier<ClientWarmup> warmup, Supplier<ThreadFactory> callers)
            implements ModelClient {

        @Override
        public ThreadFactory workerThreads() {
            return callers.get();
        }

        @Override
        public ClientWarmup clientWarmup() {
            return warmup.get();
        }
    }
}
