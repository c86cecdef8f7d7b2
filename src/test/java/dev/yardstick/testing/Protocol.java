package dev.yardstick.testing;

/** The wire protocols the loopback server speaks, each under its own base path. */
public enum Protocol {
    /** OpenAI chat completions; also any OpenAI-compatible server (vLLM, LM Studio, ...). */
    OPENAI("/v1"),
    /** Mistral's OpenAI-like chat completions, mounted apart so recordings tell the two providers apart. */
    MISTRAL("/mistral/v1"),
    /** Anthropic messages. */
    ANTHROPIC("/v1"),
    /** Ollama's native API. */
    OLLAMA(""),
    /** Google AI Gemini (generativelanguage v1beta). */
    GEMINI("/v1beta");

    private final String basePath;

    Protocol(String basePath) {
        this.basePath = basePath;
    }

    /** The path a client's base URL ends with (empty for Ollama, whose base URL is the server root). */
    public String basePath() {
        return basePath;
    }

    WireFormat wire() {
        return switch (this) {
            case OPENAI -> OpenAiWire.OPENAI;
            case MISTRAL -> OpenAiWire.MISTRAL;
            case ANTHROPIC -> AnthropicWire.INSTANCE;
            case OLLAMA -> OllamaWire.INSTANCE;
            case GEMINI -> GeminiWire.INSTANCE;
        };
    }
}
