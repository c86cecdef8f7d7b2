package dev.yardstick.bench;

import java.time.Duration;
import java.util.List;

/**
 * A load the shootout runs: how many streams in flight and what the server injects. The injected TTFT and E2E are
 * what a perfect client would observe; the shootout reports each client's excess over them.
 */
record Scenario(String name, String description, int inFlight, Duration ttft, Duration itl, int tokens) {

    static final Scenario LATENCY = new Scenario("latency",
            "256 concurrent streams; server injects 50 ms to the first token, then 10 ms per token, 20 tokens",
            256, Duration.ofMillis(50), Duration.ofMillis(10), 20);
    static final Scenario RATE = new Scenario("rate",
            "64 streams in flight against a zero-delay server, 20 tokens each: the most requests a client can drive",
            64, Duration.ZERO, Duration.ZERO, 20);

    static final Scenario SINGLE = new Scenario("single",
            "1 stream at a time, same injection as 'latency': the bias a client adds when nothing competes",
            1, Duration.ofMillis(50), Duration.ofMillis(10), 20);

    static final List<Scenario> ALL = List.of(LATENCY, RATE, SINGLE);

    Duration injectedE2e() {
        return ttft.plus(itl.multipliedBy(Math.max(0, tokens - 1)));
    }

    /** Arguments for LoopbackLlmServer's standalone main. */
    List<String> serverArgs() {
        return List.of("--port", "0", "--ttft", ttft.toMillis() + "ms", "--itl", itl.toMillis() + "ms",
                "--tokens", String.valueOf(tokens));
    }

    static Scenario of(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "', expected "
                        + ALL.stream().map(Scenario::name).toList()));
    }
}
