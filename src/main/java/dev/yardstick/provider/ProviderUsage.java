package dev.yardstick.provider;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Reads the provider-specific parts of a usage block. The conventions differ (see the guide): OpenAI's
 * {@code prompt_tokens} already include cached tokens; Anthropic's {@code input_tokens} exclude cache reads and
 * writes. {@link #totalInput} puts both on OpenAI's footing: every input token, cached or not.
 *
 * <p>Reasoning differs too: OpenAI's {@code completion_tokens} include the
 * {@code completion_tokens_details.reasoning_tokens}, and Anthropic's {@code output_tokens} include thinking (with no
 * count of it apart), while Gemini's {@code candidatesTokenCount} leaves out the {@code thoughtsTokenCount} it bills
 * as output. {@link #totalOutput} puts all three on OpenAI's footing: every generated token, reasoning included.
 */
public final class ProviderUsage {

    private ProviderUsage() {
    }

    /** Input tokens served from the provider's prompt cache, or null when the provider did not say. */
    public static Integer cachedInput(TokenUsage usage) {
        if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
            return openAi.inputTokensDetails().cachedTokens();
        }
        if (usage instanceof AnthropicTokenUsage anthropic) {
            return anthropic.cacheReadInputTokens();
        }
        return null;
    }

    /** Input tokens written to the provider's prompt cache, or null when the provider did not say. */
    public static Integer cacheWrite(TokenUsage usage) {
        return usage instanceof AnthropicTokenUsage anthropic ? anthropic.cacheCreationInputTokens() : null;
    }

    /** All input tokens, cached ones included, or null when the provider sent no usage. */
    public static Integer totalInput(TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null) {
            return null;
        }
        if (usage instanceof AnthropicTokenUsage anthropic) {
            return usage.inputTokenCount() + zeroIfNull(anthropic.cacheReadInputTokens())
                    + zeroIfNull(anthropic.cacheCreationInputTokens());
        }
        return usage.inputTokenCount();
    }

    /** All generated tokens, reasoning included, or null when the provider sent no usage. */
    public static Integer totalOutput(TokenUsage usage) {
        if (usage == null || usage.outputTokenCount() == null) {
            return null;
        }
        if (usage instanceof GoogleAiGeminiTokenUsage gemini) {
            return usage.outputTokenCount() + zeroIfNull(gemini.thoughtsTokenCount());
        }
        return usage.outputTokenCount();
    }

    /**
     * Reasoning (thinking) tokens among the output, or null when the provider did not say: OpenAI's
     * {@code reasoning_tokens}, Gemini's {@code thoughtsTokenCount}; Anthropic gives no such count.
     */
    public static Integer reasoning(TokenUsage usage) {
        if (usage instanceof OpenAiTokenUsage openAi && openAi.outputTokensDetails() != null) {
            return openAi.outputTokensDetails().reasoningTokens();
        }
        if (usage instanceof GoogleAiGeminiTokenUsage gemini) {
            return gemini.thoughtsTokenCount();
        }
        return null;
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
