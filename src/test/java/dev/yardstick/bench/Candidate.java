package dev.yardstick.bench;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.yardstick.provider.http.LeanHttpClient;

import java.util.Arrays;
import java.util.function.Supplier;

/** The HTTP clients the shootout puts under langchain4j's OpenAI models, and under Yardstick's own. */
enum Candidate {
    /** langchain4j's default: java.net.http, sendAsync, SSE parsed on the HttpClient's executor threads. */
    JDK_DEFAULT("jdk-default", JdkHttpClient::builder),
    /** LeanHttpClient on Helidon 4's WebClient (the engine it ships with for https). */
    LEAN_HELIDON("lean-helidon", () -> LeanHttpClient.builder().helidon()),
    /** LeanHttpClient on java.net.http, {@code send(ofInputStream())} blocking the virtual thread, HTTP/1.1. */
    LEAN_JDK("lean-jdk", () -> LeanHttpClient.builder().transport(JdkTransport::new)),
    /** LeanHttpClient on HttpURLConnection: blocking sockets, no dependency. */
    LEAN_URLCONNECTION("lean-urlconnection", () -> LeanHttpClient.builder().transport(UrlConnectionTransport::new)),
    /** LeanHttpClient on its own HTTP/1.1 socket transport (the engine it ships with for plain-text http). */
    LEAN_SOCKET("lean-socket", LeanHttpClient::builder),
    /** Yardstick's own OpenAI model (provider.openai) instead of langchain4j's, over Helidon. */
    OPENAI_HELIDON("openai-helidon", () -> LeanHttpClient.builder().helidon(), true),
    /** Yardstick's own OpenAI model over the socket transport: what the openai protocol ships with for http. */
    OPENAI_SOCKET("openai-socket", LeanHttpClient::builder, true);

    private final String label;
    private final Supplier<HttpClientBuilder> builder;
    private final boolean ownModel;

    Candidate(String label, Supplier<HttpClientBuilder> builder) {
        this(label, builder, false);
    }

    Candidate(String label, Supplier<HttpClientBuilder> builder, boolean ownModel) {
        this.label = label;
        this.builder = builder;
        this.ownModel = ownModel;
    }

    /** Whether the client runs under Yardstick's OpenAI model rather than langchain4j's. */
    boolean ownModel() {
        return ownModel;
    }

    String label() {
        return label;
    }

    HttpClientBuilder builder() {
        return builder.get();
    }

    static Candidate of(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown client '" + label + "', expected one of "
                        + Arrays.stream(values()).map(Candidate::label).toList()));
    }
}
