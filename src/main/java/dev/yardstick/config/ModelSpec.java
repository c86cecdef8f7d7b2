package dev.yardstick.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model as the user names it: {@code provider/model}, e.g. {@code openai/gpt-4o-mini}, {@code local/stories260k},
 * {@code mock/fast}. The provider part may also be the name of an endpoint defined in the config file. The model part
 * may itself contain slashes ({@code openrouter/meta-llama/llama-3.1-8b}), so only the first slash splits.
 * {@code pool:NAME} names a pool of endpoints from the config file (provider {@value #POOL}).
 */
public record ModelSpec(String provider, String model, ModelParams params) {

    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    /** The provider of {@code pool:NAME}: the config file's pool NAME. */
    public static final String POOL = "pool";

    public ModelSpec {
        params = params == null ? ModelParams.DEFAULTS : params;
    }

    public static ModelSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InputException("empty model name (expected provider/model, e.g. local/stories260k)");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith(POOL + ":")) {
            String name = trimmed.substring(POOL.length() + 1).strip();
            if (name.isEmpty()) {
                throw new InputException("malformed model name '" + trimmed + "' (expected pool:NAME, a pool of the"
                        + " config file)");
            }
            return new ModelSpec(POOL, name, ModelParams.DEFAULTS);
        }
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || slash == trimmed.length() - 1) {
            throw new InputException("malformed model name '" + trimmed
                    + "' (expected provider/model, e.g. openai/gpt-4o-mini or local/stories260k)");
        }
        String provider = trimmed.substring(0, slash).toLowerCase(Locale.ROOT);
        if (!PROVIDER.matcher(provider).matches()) {
            throw new InputException("malformed provider '" + provider + "' in model name '" + trimmed + "'");
        }
        return new ModelSpec(provider, trimmed.substring(slash + 1), ModelParams.DEFAULTS);
    }

    public ModelSpec withParams(ModelParams newParams) {
        return new ModelSpec(provider, model, newParams);
    }

    /** The name shown in reports: {@code provider/model}. */
    public String label() {
        return provider.equals(POOL) ? POOL + ":" + model : provider + "/" + model;
    }

    @Override
    public String toString() {
        return label();
    }
}
