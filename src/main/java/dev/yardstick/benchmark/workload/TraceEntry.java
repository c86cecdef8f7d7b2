package dev.yardstick.benchmark.workload;

import dev.yardstick.config.Message;
import java.util.List;

/**
 * One request of a trace.
 *
 * @param offsetNanos   when it was sent, from the trace's first request
 * @param inputTokens   its prompt's length in tokens
 * @param outputTokens  its answer's length in tokens: asked for as the request's max tokens
 * @param hashIds       Mooncake's prefix blocks, {@value TraceFormat#BLOCK_TOKENS} tokens each, the same id the same
 *                      text; empty when the trace has none
 * @param messages      the messages to send as written in the trace, or empty: synthesised to {@code inputTokens}
 */
public record TraceEntry(long offsetNanos, int inputTokens, int outputTokens, List<Long> hashIds,
                         List<Message> messages) {

    public TraceEntry {
        hashIds = hashIds == null ? List.of() : List.copyOf(hashIds);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
