package dev.yardstick.provider.hosted;

import java.util.List;

/**
 * One complete streamed answer of two content chunks, as each wire protocol sends it (role-only and empty deltas,
 * a finish reason, usage and the terminal event included), for the client warm-up's loopback stub: the langchain4j
 * model that parses it runs the same code a real answer runs, so its classes are loaded and initialised before the
 * first measured request. The shapes are the vendors' own (checked against the loopback wire servers the tests use).
 *
 * @param contentType the response's media type
 * @param frames      the body, in the pieces a server would flush one at a time
 */
record CannedAnswer(String contentType, List<String> frames) {

    private static final String SSE = "text/event-stream; charset=utf-8";

    /** The answer for a protocol's own name (openai, anthropic, gemini, mistral, ollama). */
    static CannedAnswer forProtocol(String protocol) {
        return switch (protocol) {
            case "openai" -> new CannedAnswer(SSE, List.of(
                    openAi("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null", "null"),
                    openAi("{\"content\":\"warm\"}", "null", "null"),
                    openAi("{\"content\":\" up\"}", "null", "null"),
                    openAi("{}", "\"stop\"", "null"),
                    "data: {\"id\":\"warmup\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"warmup\","
                            + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,"
                            + "\"total_tokens\":3,\"prompt_tokens_details\":{\"cached_tokens\":0},"
                            + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n",
                    "data: [DONE]\n\n"));
            case "mistral" -> new CannedAnswer(SSE, List.of(
                    mistral("{\"role\":\"assistant\",\"content\":\"\"}", "null", ""),
                    mistral("{\"content\":\"warm\"}", "null", ""),
                    mistral("{\"content\":\" up\"}", "null", ""),
                    mistral("{\"content\":\"\"}", "\"stop\"",
                            ",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}"),
                    "data: [DONE]\n\n"));
            case "anthropic" -> new CannedAnswer(SSE, List.of(
                    anthropic("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"warmup\","
                            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"warmup\",\"content\":[],"
                            + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,"
                            + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}"),
                    anthropic("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                    anthropic("ping", "{\"type\": \"ping\"}"),
                    anthropic("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"warm\"}}"),
                    anthropic("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\" up\"}}"),
                    anthropic("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                    anthropic("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}"),
                    anthropic("message_stop", "{\"type\":\"message_stop\"}")));
            case "gemini" -> new CannedAnswer(SSE, List.of(
                    gemini("warm", "", "\"promptTokenCount\":1,\"totalTokenCount\":1"),
                    gemini(" up", "", "\"promptTokenCount\":1,\"totalTokenCount\":1"),
                    gemini("", ",\"finishReason\":\"STOP\"",
                            "\"promptTokenCount\":1,\"candidatesTokenCount\":2,\"totalTokenCount\":3")));
            case "ollama" -> new CannedAnswer("application/x-ndjson", List.of(
                    ollama("warm", "\"done\":false"),
                    ollama(" up", "\"done\":false"),
                    ollama("", "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":0,\"load_duration\":0,"
                            + "\"prompt_eval_count\":1,\"prompt_eval_duration\":0,\"eval_count\":2,"
                            + "\"eval_duration\":0")));
            default -> throw new IllegalArgumentException("no canned answer for protocol " + protocol);
        };
    }

    private static String openAi(String delta, String finish, String usage) {
        return "data: {\"id\":\"warmup\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"warmup\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish
                + "}],\"usage\":" + usage + "}\n\n";
    }

    private static String mistral(String delta, String finish, String usage) {
        return "data: {\"id\":\"warmup\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"warmup\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]" + usage
                + "}\n\n";
    }

    private static String anthropic(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    private static String gemini(String text, String finish, String usage) {
        return "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"}"
                + finish + ",\"index\":0}],\"usageMetadata\":{" + usage + "},\"modelVersion\":\"warmup\","
                + "\"responseId\":\"warmup\"}\n\n";
    }

    private static String ollama(String text, String end) {
        return "{\"model\":\"warmup\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + text + "\"}," + end + "}\n";
    }
}
