package dev.yardstick.cost.prices;

import dev.yardstick.config.InputException;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the provider names of other price lists on Yardstick's own ({@code gemini}, {@code together},
 * {@code fireworks}, {@code xai}), so that an imported {@code google/gemini-2.5-pro} or
 * {@code together_ai/...} row prices the model the user runs as {@code gemini/gemini-2.5-pro}.
 */
public final class ProviderNames {

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("google", "gemini"),
            Map.entry("google-ai-studio", "gemini"),
            Map.entry("togetherai", "together"),
            Map.entry("together_ai", "together"),
            Map.entry("together-ai", "together"),
            Map.entry("fireworks-ai", "fireworks"),
            Map.entry("fireworks_ai", "fireworks"),
            Map.entry("x-ai", "xai"),
            Map.entry("mistralai", "mistral"),
            Map.entry("text-completion-openai", "openai"));

    private ProviderNames() {
    }

    /** Yardstick's name for a provider named the way another list names it. */
    public static String canonical(String provider) {
        String lower = provider.trim().toLowerCase(Locale.ROOT);
        return CANONICAL.getOrDefault(lower, lower);
    }

    /**
     * The lookup key of a {@code provider/model} name: the provider made canonical, everything lower-cased (model
     * ids are case-insensitive at every provider we price; Together's mixed case is only spelling).
     */
    public static String key(String label) {
        String trimmed = label == null ? "" : label.trim();
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || slash == trimmed.length() - 1) {
            throw new InputException("malformed model name '" + trimmed
                    + "' in a price list (expected provider/model, e.g. openai/gpt-5.2)");
        }
        return canonical(trimmed.substring(0, slash)) + "/" + trimmed.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    /** The provider part of a {@code provider/model} name, made canonical. */
    public static String provider(String label) {
        String key = key(label);
        return key.substring(0, key.indexOf('/'));
    }
}
