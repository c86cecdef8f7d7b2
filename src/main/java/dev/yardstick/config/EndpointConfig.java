package dev.yardstick.config;

import java.util.Map;

/**
 * A named endpoint from the config file, used as the provider part of a model name ({@code myvllm/qwen2.5-7b}).
 * {@code provider} is the wire protocol it speaks (openai, anthropic, gemini, mistral, ollama).
 */
public record EndpointConfig(String provider, String baseUrl, String apiKeyEnv, String apiKeyFile,
                             Map<String, String> headers, Integer contextWindow, PriceConfig price) {

    public EndpointConfig {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
