package dev.yardstick.provider;

import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * How one opened model's client path is run once, off the clock, before its first measured request. The first
 * request through a fresh JVM pays class loading and initialisation of everything it touches (the HTTP engine, TLS,
 * Jackson, the langchain4j model, its SSE parser, the tokenizer): hundreds of milliseconds that a measurement would
 * otherwise charge to the model. The engine sends a few small requests through {@link #chatModel()}, runs
 * {@link #probe()} beside it, and closes this when both are done.
 *
 * <p>A warm-up must not cost the user tokens or money and must not warm the server: hosted models send their
 * request to an in-process loopback stub that answers in the provider's wire format, through the same model type
 * and HTTP client as the measured requests; their probe is a free request to the real endpoint. This is separate
 * from {@code --warmup N}, which sends N real requests to warm the model and the server.
 *
 * @param method    what runs, as the report names it (e.g. {@code loopback-stub+probe}, {@code in-process})
 * @param chatModel the model the one warm-up request goes through; null when nothing is sent
 * @param probe     a free request to the real endpoint, run beside the warm-up request; null for none
 * @param resources what to release afterwards (the loopback stub); null for nothing
 */
public record ClientWarmup(String method, StreamingChatModel chatModel, Runnable probe, AutoCloseable resources)
        implements AutoCloseable {

    /** Nothing to run: for clients that do not say how to warm them without spending tokens. */
    public static final ClientWarmup NONE = new ClientWarmup("none", null, null, null);

    /** Drives this very (in-process) model once: it costs nothing and reaches no server. */
    public static ClientWarmup inProcess(String method, StreamingChatModel model) {
        return new ClientWarmup(method, model, null, null);
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                // a stub that fails to close leaves at most a loopback socket until the process ends
            }
        }
    }
}
