package dev.yardstick.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A named endpoint from the config file, used as the provider part of a model name ({@code myvllm/qwen2.5-7b}).
 * {@code provider} is the wire protocol it speaks (openai, anthropic, gemini, mistral, ollama).
 */
public record EndpointConfig(String provider, String baseUrl, String apiKeyEnv, String apiKeyFile,
                             Map<String, String> headers, Integer contextWindow, PriceConfig price) {

    /** The wire protocols an endpoint may speak, as the config file names them. */
    public static final List<String> PROTOCOLS = List.of("openai", "anthropic", "gemini", "mistral", "ollama");
    /** Other names users write for them. */
    private static final Map<String, String> ALIASES = Map.of("openai-compatible", "openai", "vllm", "openai",
            "llama.cpp", "openai", "lmstudio", "openai", "google", "gemini");

    public EndpointConfig {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        // Checked here, while the file's lines are known, so a typo is reported at its line.
        if (provider == null || provider.isBlank()) {
            throw new FieldException("provider", "is required: the protocol the endpoint speaks (one of "
                    + String.join(", ", PROTOCOLS) + ")");
        }
        String protocol = provider.strip().toLowerCase(Locale.ROOT);
        protocol = ALIASES.getOrDefault(protocol, protocol);
        if (!PROTOCOLS.contains(protocol)) {
            throw new FieldException("provider", UnknownFields.problem("protocol", provider, PROTOCOLS));
        }
        provider = protocol;
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new FieldException("base-url", "is required: where the endpoint listens (e.g. "
                    + "http://127.0.0.1:8000/v1)");
        }
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
