package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.Message;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One chat request as the loopback server received it.
 *
 * @param index        0-based order of arrival among this server's chat requests (since the last reset)
 * @param protocol     the protocol whose endpoint it hit
 * @param method       HTTP method
 * @param path         request path, e.g. {@code /v1/chat/completions}
 * @param query        raw query string, or null
 * @param headers      request headers, names lower-cased
 * @param body         the parsed JSON body (a text node holding the raw body when it was not JSON)
 * @param arrivalNanos {@link System#nanoTime()} when the server started handling it
 */
public record RecordedRequest(
        long index,
        Protocol protocol,
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        JsonNode body,
        long arrivalNanos) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The conversation as (role, content) pairs, whatever the protocol's shape (Gemini's "model" is assistant). */
    public List<Message> messages() {
        return protocol.wire().messages(body);
    }

    /** The model the request named (from the path for Gemini). */
    public String model() {
        return protocol.wire().model(path, body);
    }

    /** Whether the request asked for a streamed answer. */
    public boolean stream() {
        return protocol.wire().isStream(path, body);
    }
}
