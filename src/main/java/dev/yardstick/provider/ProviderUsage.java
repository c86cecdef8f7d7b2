package dev.yardstick.provider;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Reads the provider-specific parts of a usage block. The conventions differ (see the guide): OpenAI's
 * {@code prompt_tokens} already include cached tokens; Anthropic's {@code input_tokens} exclude cache reads and
 * writes. {@link #totalInput} puts both on OpenAI's footing: every input token, cached or not.
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

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
