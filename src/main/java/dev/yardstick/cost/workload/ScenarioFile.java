package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import java.util.List;

/** A scenario file as written (see {@code scenarios/} for documented examples); {@link Scenario} is what it means. */
record ScenarioFile(String name, String description, List<String> models, Volume volume, TokensSpec tokens,
                    Double cacheShare, Double cacheWriteShare, Double cacheWritesPerRead, Double batchShare,
                    Double hoursPerDay) {

    ScenarioFile {
        models = models == null ? List.of() : List.copyOf(models);
        models.forEach(ModelSpec::parse);
        if (volume == null) {
            throw new InputException("'volume' is missing (requests-per-day or requests-per-month, and days)");
        }
        if (hoursPerDay != null && !(hoursPerDay > 0 && hoursPerDay <= 24)) {
            throw new InputException("'hours-per-day' must be above 0 and at most 24, got " + hoursPerDay);
        }
        // Checked here, where an error can name the line; from the parameters: the fields are not set yet.
        shares(cacheShare, cacheWriteShare, cacheWritesPerRead, batchShare);
    }

    Shares shares() {
        return shares(cacheShare, cacheWriteShare, cacheWritesPerRead, batchShare);
    }

    private static Shares shares(Double cache, Double cacheWrite, Double writesPerRead, Double batch) {
        return new Shares(orZero(cache), cacheWrite, orZero(batch),
                writesPerRead == null ? Shares.DEFAULT_WRITES_PER_READ : writesPerRead);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
