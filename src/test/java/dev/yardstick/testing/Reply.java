package dev.yardstick.testing;

import dev.yardstick.testing.Behavior.FinishReason;
import java.util.List;

/**
 * What one answer contains, decided before the first byte is sent, so every wire format frames the same facts.
 *
 * @param requestIndex 0-based index of the chat request on this server
 * @param model        the model the request named
 * @param chunks       the content chunks in order, each one or more tokens
 * @param finish       why generation ended
 * @param usage        whether the answer carries usage
 * @param inputTokens  reported input tokens
 * @param outputTokens reported output tokens
 * @param cachedTokens reported cached input tokens
 * @param behavior     the behaviour that shaped this answer (for timings the wire reports, e.g. Ollama durations)
 * @param createdEpochSeconds creation time written in the answer
 */
record Reply(
        long requestIndex,
        String model,
        List<String> chunks,
        FinishReason finish,
        boolean usage,
        int inputTokens,
        int outputTokens,
        int cachedTokens,
        Behavior behavior,
        long createdEpochSeconds) {

    public Reply {
        chunks = List.copyOf(chunks);
    }

    /** The full generated text. */
    String text() {
        return String.join("", chunks);
    }

    /** A provider-style identifier, stable per request index. */
    String id(String prefix) {
        return prefix + "loopback" + requestIndex;
    }
}
