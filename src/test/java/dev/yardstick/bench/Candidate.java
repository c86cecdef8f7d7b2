package dev.yardstick.bench;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.yardstick.provider.http.LeanHttpClient;

import java.util.Arrays;
import java.util.function.Supplier;

/** The HTTP clients the shootout puts under langchain4j's OpenAI models. */
enum Candidate {
    /** langchain4j's default: java.net.http, sendAsync, SSE parsed on the HttpClient's executor threads. */
    JDK_DEFAULT("jdk-default", JdkHttpClient::builder),
    /** LeanHttpClient on Helidon 4's WebClient (the engine it ships with). */
    LEAN_HELIDON("lean-helidon", LeanHttpClient::builder),
    /** LeanHttpClient on java.net.http, {@code send(ofInputStream())} blocking the virtual thread, HTTP/1.1. */
    LEAN_JDK("lean-jdk", () -> LeanHttpClient.builder().transport(JdkTransport::new)),
    /** LeanHttpClient on HttpURLConnection: blocking sockets, no dependency. */
    LEAN_URLCONNECTION("lean-urlconnection", () -> LeanHttpClient.builder().transport(UrlConnectionTransport::new)),
    /** The floor, not a candidate: LeanHttpClient on a minimal hand-written HTTP/1.1 socket client. */
    LEAN_RAW_SOCKET("lean-raw-socket", () -> LeanHttpClient.builder().transport(RawSocketTransport::new));

    private final String label;
    private final Supplier<HttpClientBuilder> builder;

    Candidate(String label, Supplier<HttpClientBuilder> builder) {
        this.label = label;
        this.builder = builder;
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
