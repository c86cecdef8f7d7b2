package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import dev.yardstick.config.Message;
import dev.yardstick.testing.Behavior.FinishReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/** Serves one chat request: records it, then stalls, hangs, fails, streams or answers whole as its behaviour says. */
final class ChatCall {

    private static final String JSON = "application/json";

    private final HttpExchange exchange;
    private final Protocol protocol;
    private final WireFormat wire;
    private final long arrivalNanos;

    ChatCall(HttpExchange exchange, Protocol protocol, long arrivalNanos) {
        this.exchange = exchange;
        this.protocol = protocol;
        this.wire = protocol.wire();
        this.arrivalNanos = arrivalNanos;
    }

    /** What the server supplies to a call: its behaviour source, its log, and the latch that ends hangs. */
    interface Context {
        long nextIndex();

        Behavior behaviorFor(long index);

        RequestLog log();

        CountDownLatch closing();

        Lateness.Meter lateness();
    }

    void serve(Context context) throws IOException, InterruptedException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = parse(raw);
        long index = context.nextIndex();
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> headers = lowerCaseHeaders();
        context.log().add(new RecordedRequest(index, protocol, exchange.getRequestMethod(), path,
                exchange.getRequestURI().getRawQuery(), headers, body, arrivalNanos));
        if (!body.isObject()) {
            sendError(400, "request body is not a JSON object", null);
            return;
        }
        WireFormat.Rejection rejection = wire.check(headers);
        if (rejection != null) {
            sendError(rejection.status(), rejection.message(), null);
            return;
        }
        Behavior behavior = context.behaviorFor(index);
        if (behavior.stallsAt(index)) {
            Thread.sleep(behavior.stall());
        }
        if (behavior.hang()) {
            context.closing().await();
            throw new Responder.ConnectionDrop();
        }
        if (behavior.failStatus() != 0) {
            sendError(behavior.failStatus(), failureMessage(behavior.failStatus()), behavior);
            return;
        }
        long start = System.nanoTime();
        boolean stream = wire.isStream(path, body);
        Reply reply = plan(index, behavior, body, path, stream);
        Responder responder = new Responder(exchange, behavior, start, context.lateness());
        if (stream) {
            stream(responder, reply);
        } else {
            complete(responder, reply, behavior);
        }
    }

    private void stream(Responder responder, Reply reply) throws IOException, InterruptedException {
        responder.begin(200, wire.streamContentType(), wire.headers(reply), 0);
        responder.write(wire.streamHead(reply));
        int count = reply.chunks().size();
        for (int i = 0; i < count; i++) {
            responder.awaitChunk(i, wire.keepAliveFrame());
            responder.write(wire.streamChunk(reply, i));
        }
        responder.awaitTail(count);
        responder.write(wire.streamTail(reply));
        responder.finish();
    }

    private void complete(Responder responder, Reply reply, Behavior behavior) throws IOException,
            InterruptedException {
        responder.awaitWhole(reply.chunks().size());
        String body = wire.completeBody(reply);
        if (behavior.breakAfterChunks() == Behavior.NEVER) {
            responder.send(200, JSON, wire.headers(reply), body);
            return;
        }
        // A broken whole answer: announce the full length, send half, drop the connection.
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        responder.begin(200, JSON, wire.headers(reply), bytes.length);
        responder.write(body.substring(0, body.length() / 2));
        throw new Responder.ConnectionDrop();
    }

    private Reply plan(long index, Behavior behavior, JsonNode body, String path, boolean stream) {
        List<String> tokens = behavior.tokens();
        FinishReason finish = behavior.finishReason();
        OptionalInt max = wire.maxTokens(body);
        if (max.isPresent() && max.getAsInt() < tokens.size()) {
            tokens = tokens.subList(0, Math.max(0, max.getAsInt()));
            finish = FinishReason.LENGTH;
        }
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += behavior.tokensPerChunk()) {
            chunks.add(String.join("", tokens.subList(i, Math.min(tokens.size(), i + behavior.tokensPerChunk()))));
        }
        boolean usage = switch (behavior.usage()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WHEN_REQUESTED -> !stream || wire.streamUsageRequested(body);
        };
        int input = behavior.reportedInputTokens() == Behavior.DERIVED
                ? countWords(wire.messages(body)) : behavior.reportedInputTokens();
        int output = behavior.reportedOutputTokens() == Behavior.DERIVED
                ? tokens.size() : behavior.reportedOutputTokens();
        return new Reply(index, wire.model(path, body), chunks, finish, usage, input, output,
                behavior.cachedInputTokens(), behavior, System.currentTimeMillis() / 1000);
    }

    /** The default reported input tokens: whitespace-separated words over all message contents. */
    static int countWords(List<Message> messages) {
        int words = 0;
        for (Message message : messages) {
            String text = message.content().strip();
            if (!text.isEmpty()) {
                words += text.split("\\s+").length;
            }
        }
        return words;
    }

    private void sendError(int status, String message, Behavior behavior) throws IOException {
        Map<String, String> headers = behavior == null || behavior.retryAfter() == null ? Map.of()
                : Map.of("Retry-After", String.valueOf(ceilSeconds(behavior)));
        Responder.immediate(exchange).send(status, JSON, headers, wire.errorBody(status, message));
    }

    private static long ceilSeconds(Behavior behavior) {
        long millis = behavior.retryAfter().toMillis();
        return (millis + 999) / 1000;
    }

    private static String failureMessage(int status) {
        return switch (status) {
            case 429 -> "Rate limit reached (loopback server)";
            case 500 -> "The server had an error while processing your request (loopback server)";
            case 503 -> "The server is overloaded (loopback server)";
            default -> "Loopback server failure " + status;
        };
    }

    private static JsonNode parse(String raw) {
        try {
            return Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return TextNode.valueOf(raw);
        }
    }

    private Map<String, List<String>> lowerCaseHeaders() {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return headers;
    }
}
