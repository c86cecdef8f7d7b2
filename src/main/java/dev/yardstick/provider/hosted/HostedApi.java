package dev.yardstick.provider.hosted;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.yardstick.config.ModelParams;
import dev.yardstick.provider.http.LeanHttpClientBuilder;
import dev.yardstick.provider.http.StreamCompletion;
import java.util.List;
import java.util.function.Supplier;

/**
 * A wire protocol Yardstick speaks through langchain4j, with the defaults of its vendor: base URL, the environment
 * variables that may hold the key and the base URL, the path that answers a reachability probe, and how to build
 * the streaming model. OpenAI-compatible hosts (OpenRouter, Groq, ...) are presets of the OpenAI protocol.
 *
 * @param protocol       the protocol's own name (openai, anthropic, gemini, mistral, ollama)
 * @param keyEnvVars     where to look for the key, in order; empty when the API takes none (Ollama)
 * @param baseUrlEnvVar  an environment variable that overrides the default base URL, or null
 * @param probePath      GET path (relative to the base URL) that a live server answers without spending tokens
 */
public record HostedApi(String name, String protocol, String description, String defaultBaseUrl,
                        List<String> keyEnvVars, String baseUrlEnvVar, String probePath, ModelFactory factory) {

    /** Default output cap where a protocol requires one (Anthropic does). */
    private static final int REQUIRED_MAX_TOKENS = 1024;

    @FunctionalInterface
    public interface ModelFactory {
        StreamingChatModel build(Connection connection, String model, ModelParams params);
    }

    /**
     * The connection's HTTP client, told the protocol's completion rule when it is the lean client (the only one
     * that lets a rule see every event): a streamed 200 then counts as a success only when it was a complete answer.
     */
    private static HttpClientBuilder watched(Connection c, Supplier<StreamCompletion> rule) {
        if (c.http() instanceof CapturingHttpClientBuilder shared) {
            return shared.completion(rule);
        }
        return c.http() instanceof LeanHttpClientBuilder lean ? lean.completion(rule) : c.http();
    }

    public boolean needsKey() {
        return !keyEnvVars.isEmpty();
    }

    public HostedApi preset(String presetName, String presetDescription, String baseUrl, String keyEnvVar) {
        return new HostedApi(presetName, protocol, presetDescription, baseUrl, List.of(keyEnvVar), null, probePath,
                factory);
    }

    public static final HostedApi OPENAI = new HostedApi("openai", "openai",
            "OpenAI, or any OpenAI-compatible server via --base-url / OPENAI_BASE_URL (vLLM, llama.cpp, LM Studio)",
            "https://api.openai.com/v1", List.of("OPENAI_API_KEY"), "OPENAI_BASE_URL", "/models",
            (c, model, p) -> {
                var b = OpenAiStreamingChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey()).modelName(model)
                        .temperature(p.temperature()).maxTokens(p.maxTokens()).seed(p.seed())
                        .timeout(c.timeout()).customHeaders(c.headers()).returnThinking(true);
                return b.httpClientBuilder(watched(c, WireCompletion::openAi)).build();
            });

    public static final HostedApi ANTHROPIC = new HostedApi("anthropic", "anthropic", "Anthropic Messages API",
            "https://api.anthropic.com/v1", List.of("ANTHROPIC_API_KEY"), "ANTHROPIC_BASE_URL", "/models",
            (c, model, p) -> {
                var b = AnthropicStreamingChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                        .modelName(model).temperature(p.temperature())
                        .maxTokens(p.maxTokens() == null ? REQUIRED_MAX_TOKENS : p.maxTokens())
                        .timeout(c.timeout()).customHeaders(c.headers()).returnThinking(true);
                return b.httpClientBuilder(watched(c, WireCompletion::anthropic)).build();
            });

    public static final HostedApi GEMINI = new HostedApi("gemini", "gemini", "Google Gemini API (AI Studio key)",
            "https://generativelanguage.googleapis.com/v1beta", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"),
            "GEMINI_BASE_URL", "/models",
            (c, model, p) -> {
                var b = GoogleAiGeminiStreamingChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                        .modelName(model).temperature(p.temperature()).maxOutputTokens(p.maxTokens())
                        .seed(p.seed()).timeout(c.timeout()).returnThinking(true);
                return b.httpClientBuilder(watched(c, WireCompletion::gemini)).build();
            });

    public static final HostedApi MISTRAL = new HostedApi("mistral", "mistral", "Mistral AI API",
            "https://api.mistral.ai/v1", List.of("MISTRAL_API_KEY"), "MISTRAL_BASE_URL", "/models",
            (c, model, p) -> {
                var b = MistralAiStreamingChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                        .modelName(model).temperature(p.temperature()).maxTokens(p.maxTokens())
                        .randomSeed(p.seed()).timeout(c.timeout()).customHeaders(c.headers());
                return b.httpClientBuilder(watched(c, WireCompletion::openAi)).build();
            });

    public static final HostedApi OLLAMA = new HostedApi("ollama", "ollama", "Ollama server (no key)",
            "http://localhost:11434", List.of(), "OLLAMA_BASE_URL", "/api/tags",
            (c, model, p) -> {
                var b = OllamaStreamingChatModel.builder().baseUrl(c.baseUrl()).modelName(model)
                        .temperature(p.temperature()).numPredict(p.maxTokens()).seed(p.seed()).timeout(c.timeout());
                return b.httpClientBuilder(watched(c, WireCompletion::ollama)).build();
            });

    /** Every protocol and preset known without a config file, in the order `yardstick models` lists them. */
    public static List<HostedApi> builtIns() {
        return List.of(OPENAI, ANTHROPIC, GEMINI, MISTRAL, OLLAMA,
                OPENAI.preset("openrouter", "OpenRouter (OpenAI-compatible)", "https://openrouter.ai/api/v1",
                        "OPENROUTER_API_KEY"),
                OPENAI.preset("deepseek", "DeepSeek API (OpenAI-compatible)", "https://api.deepseek.com/v1",
                        "DEEPSEEK_API_KEY"),
                OPENAI.preset("xai", "xAI API (OpenAI-compatible)", "https://api.x.ai/v1", "XAI_API_KEY"),
                OPENAI.preset("groq", "Groq (OpenAI-compatible)", "https://api.groq.com/openai/v1", "GROQ_API_KEY"),
                OPENAI.preset("together", "Together AI (OpenAI-compatible)", "https://api.together.xyz/v1",
                        "TOGETHER_API_KEY"),
                OPENAI.preset("fireworks", "Fireworks AI (OpenAI-compatible)",
                        "https://api.fireworks.ai/inference/v1", "FIREWORKS_API_KEY"));
    }

    /**
     * The protocol of a config file's endpoint, by the name {@link dev.yardstick.config.EndpointConfig} keeps: one of
     * its {@code PROTOCOLS}, aliases such as {@code vllm} already mapped onto them there.
     */
    public static HostedApi protocol(String name) {
        return switch (name == null ? "" : name) {
            case "openai" -> OPENAI;
            case "anthropic" -> ANTHROPIC;
            case "gemini" -> GEMINI;
            case "mistral" -> MISTRAL;
            case "ollama" -> OLLAMA;
            default -> null;
        };
    }
}
