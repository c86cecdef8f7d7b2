package dev.yardstick.benchmark.workload;

import dev.yardstick.config.InputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The request logs {@code benchmark --trace} reads, as their publishers wrote them.
 * <ul>
 * <li>{@code azure}: Azure's LLM inference traces (AzurePublicDataset), CSV with the header
 * {@code TIMESTAMP,ContextTokens,GeneratedTokens}; timestamps {@code 2023-11-16 18:15:46.6805900} (2023) or
 * {@code 2024-05-12 00:00:00.001163+00:00} (2024).</li>
 * <li>{@code mooncake}: Mooncake's (FAST '25) JSONL, {@code {"timestamp": ms, "input_length": n, "output_length": n,
 * "hash_ids": [...]}}, each hash id a block of {@value #BLOCK_TOKENS} prompt tokens.</li>
 * <li>{@code yardstick}: JSONL, {@code {"offset_ms": 0, "input_tokens": 512, "output_tokens": 128}}, with an
 * optional {@code "prompt": "text"} or {@code "messages": [{"role": "user", "content": "..."}]} sent as written.</li>
 * </ul>
 */
public enum TraceFormat {
    AZURE, MOONCAKE, YARDSTICK;

    /** The prompt tokens one Mooncake hash id stands for. */
    public static final int BLOCK_TOKENS = 512;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TraceFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("unknown trace format '" + text + "' (expected "
                    + String.join(", ", Arrays.stream(values()).map(TraceFormat::label).toList()) + ")");
        }
    }

    /** The format the first non-blank line shows, or null when it shows none. */
    static TraceFormat detect(String firstLine) {
        String line = firstLine.strip();
        if (line.regionMatches(true, 0, "TIMESTAMP,", 0, "TIMESTAMP,".length())) {
            return AZURE;
        }
        if (line.startsWith("{")) {
            if (line.contains("\"input_length\"") || line.contains("\"hash_ids\"")) {
                return MOONCAKE;
            }
            if (line.contains("\"offset_ms\"") || line.contains("\"input_tokens\"")) {
                return YARDSTICK;
            }
        }
        return null;
    }
}
