package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that says back what it should not: on the OpenAI, Mistral and Anthropic wires it streams a
 * fixed answer in the exact chunks given (so a secret can be cut across two of them), puts the given id in the
 * answer's id and its request-id header, or fails every request with a status whose error body and request-id
 * header carry the given text. It records every request body, to check what later turns of a conversation sent.
 */
public final class EchoingLlmServer implements AutoCloseable {

    private final HttpServer http;
    private final List<String> chunks;
    private final String id;
    private final int failStatus;
    private final String errorText;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private EchoingLlmServer(List<String> chunks, String id, int failStatus, String errorText) {
        this.chunks = List.copyOf(chunks);
        this.id = id;
        this.failStatus = failStatus;
        this.errorText = errorText;
        http = LoopbackHttp.serve(this::handle);
    }

    /** Answers every request with these chunks, in this order, and {@code id} as its ids. */
    public static EchoingLlmServer answering(List<String> chunks, String id) {
        return new EchoingLlmServer(chunks, id, 0, null);
    }

    /** Fails every request with this status, {@code text} in its error body and request-id header. */
    public static EchoingLlmServer failing(int status, String text) {
        return new EchoingLlmServer(List.of(), text, status, text);
    }

    public String baseUrl(Protocol protocol) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + protocol.basePath();
    }

    /** Every request body received, in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(raw);
        String path = exchange.getRequestURI().getPath();
        Protocol protocol = path.startsWith("/mistral/") ? Protocol.MISTRAL
                : path.endsWith("/messages") ? Protocol.ANTHROPIC : Protocol.OPENAI;
        WireFormat wire = protocol.wire();
        exchange.getResponseHeaders().set("x-request-id", id);
        exchange.getResponseHeaders().set("request-id", id);
        if (failStatus != 0) {
            send(exchange, failStatus, "application/json", wire.errorBody(failStatus, "rejected: " + errorText));
            return;
        }
        JsonNode body = Json.MAPPER.readTree(raw);
        Reply reply = new Reply(0, body.path("model").asText("m"), chunks, Behavior.FinishReason.STOP, true, 3,
                chunks.size(), 0, Behavior.DEFAULT, 1_700_000_000L);
        List<String> frames = new ArrayList<>(List.of(wire.streamHead(reply)));
        for (int i = 0; i < chunks.size(); i++) {
            frames.add(wire.streamChunk(reply, i));
        }
        frames.add(wire.streamTail(reply));
        exchange.getResponseHeaders().set("Content-Type", wire.streamContentType());
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            // Every frame flushed on its own: the client reads the secret's two halves as two chunks.
            for (String frame : frames) {
                out.write(withId(frame).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** The wires name a reply "…loopback0"; this server names it with the text it was given. */
    private String withId(String frame) {
        return frame.replace("loopback0", id);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
