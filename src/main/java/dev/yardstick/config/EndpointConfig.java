package dev.yardstick.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A named endpoint from the config file, used as the provider part of a model name ({@code myvllm/qwen2.5-7b}).
 * {@code provider} is the wire protocol it speaks (openai, anthropic, gemini, mistral, ollama).
 */
public record EndpointConfig(String provider, String baseUrl, String apiKeyEnv, String apiKeyFile,
                             Map<String, String> headers, Integer contextWindow, PriceConfig price) {

    public EndpointConfig {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (baseUrl != null && BaseUrls.problem(baseUrl) != null) {
            throw new FieldException("base-url", BaseUrls.problem(baseUrl));
        }
        if (apiKeyFile != null && Files.isDirectory(Path.of(apiKeyFile.startsWith("~/")
                ? System.getProperty("user.home") + apiKeyFile.substring(1) : apiKeyFile))) {
            throw new FieldException("api-key-file", "'" + apiKeyFile + "' is a directory, not a file holding the key");
        }
        if (contextWindow != null && contextWindow < 1) {
            throw new FieldException("context-window", "must be at least 1 token, got " + contextWindow);
        }
    }
}
