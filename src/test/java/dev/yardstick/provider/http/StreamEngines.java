package dev.yardstick.provider.http;

import java.time.Duration;

/** Our HTTP client over each engine that can carry a stream, for tests outside this package. */
public final class StreamEngines {

    private StreamEngines() {
    }

    /** Plain http over blocking sockets, read on the calling thread (the default). */
    public static LeanHttpClient sockets() {
        return LeanHttpClient.builder().readTimeout(Duration.ofSeconds(5))
                .transport((connect, read) -> new SchemeTransport(connect, read, false)).build();
    }

    /** Plain http streams pushed to their decoder on the event loop ({@code -Dyardstick.http.streams=loop}). */
    public static LeanHttpClient loop() {
        return LeanHttpClient.builder().readTimeout(Duration.ofSeconds(5))
                .transport((connect, read) -> new SchemeTransport(connect, read, true)).build();
    }

    /** Helidon's WebClient, the https engine, here over plain http. */
    public static LeanHttpClient helidon() {
        return LeanHttpClient.builder().readTimeout(Duration.ofSeconds(5)).helidon().build();
    }
}
