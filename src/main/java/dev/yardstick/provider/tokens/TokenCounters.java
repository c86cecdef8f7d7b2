package dev.yardstick.provider.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.yardstick.provider.TokenCounter;
import java.util.Locale;

/**
 * Picks the tokenizer for a hosted model by its name: jtokkit's o200k_base or cl100k_base for OpenAI families
 * (whoever serves them), an estimate otherwise. Local GGUF models count with their own tokenizer instead.
 */
public final class TokenCounters {

    // Loading an encoding reads its vocabulary (a few MB): share one registry and each encoding for the process.
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private TokenCounters() {
    }

    public static TokenCounter forModel(String model) {
        EncodingType type = openAiEncoding(model);
        if (type == null) {
            return EstimatingCounter.INSTANCE;
        }
        return new JtokkitCounter(REGISTRY.getEncoding(type));
    }

    /** The encoding OpenAI uses for a model family, or null when the model is not an OpenAI one we know. */
    static EncodingType openAiEncoding(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1); // openrouter/openai/gpt-4o -> gpt-4o
        }
        if (name.startsWith("gpt-4o") || name.startsWith("gpt-4.1") || name.startsWith("gpt-4.5")
                || name.startsWith("gpt-5") || name.startsWith("o1") || name.startsWith("o3")
                || name.startsWith("o4") || name.startsWith("gpt-oss") || name.startsWith("chatgpt-4o")) {
            return EncodingType.O200K_BASE;
        }
        if (name.startsWith("gpt-4") || name.startsWith("gpt-3.5") || name.startsWith("text-embedding-3")
                || name.startsWith("text-embedding-ada")) {
            return EncodingType.CL100K_BASE;
        }
        return null;
    }
}
