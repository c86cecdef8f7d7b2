package dev.yardstick.cache;

import dev.yardstick.config.ModelParams;

/** Which answers the response cache keeps and replays. */
public enum CacheMode {

    /** Only answers that a re-run would give again: temperature 0, or a fixed seed. */
    DETERMINISTIC,
    /** Every successful answer, sampled ones too: a re-run replays the first run's draws. */
    ALWAYS;

    boolean caches(ModelParams params) {
        if (this == ALWAYS) {
            return true;
        }
        return params.seed() != null || (params.temperature() != null && params.temperature() == 0);
    }
}
