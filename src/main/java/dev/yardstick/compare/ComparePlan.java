package dev.yardstick.compare;

import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.PromptSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A checked comparison: every model asked every prompt {@code repeat} times, after {@code warmup} unmeasured
 * requests each, {@code concurrency} in flight across all models.
 *
 * @param models          the models, each once, with the generation settings
 * @param providerLimits  requests in flight at once per provider, where the user capped them
 * @param samples         the JSONL file every sample is appended to, null for none
 * @param settings        the settings as the report keeps them
 */
public record ComparePlan(List<ModelSpec> models, PromptSet prompts, int repeat, int warmup, int concurrency,
                          Map<String, Integer> providerLimits, ModelParams params, Duration timeout, Path samples,
                          Map<String, Object> settings) {

    /** Far above any comparison, below what would exhaust memory: every request is planned up front. */
    public static final int MAX_COUNT = 100_000;

    public ComparePlan {
        requireBetween("--concurrency", concurrency, 1);
        requireBetween("--warmup", warmup, 0);
        requireBetween("--repeat", repeat, 1);
        providerLimits.forEach((provider, n) -> requireBetween("--provider-limit " + provider, n, 1));
        if (new LinkedHashSet<>(models.stream().map(ModelSpec::label).toList()).size() < models.size()) {
            throw new InputException("the same model is named twice: give each -m once");
        }
        // A model's own settings (a promptfoo provider's config) stay where no flag is given.
        models = models.stream().map(m -> m.withParams(m.params().overriddenBy(params))).toList();
        providerLimits = Map.copyOf(providerLimits);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    private static void requireBetween(String option, int value, int min) {
        if (value < min || value > MAX_COUNT) {
            throw new InputException(option + " must be between " + min + " and " + MAX_COUNT + ", got " + value);
        }
    }
}
