package dev.yardstick.cost;

import dev.yardstick.config.InputException;
import java.nio.file.Path;
import java.util.List;

/**
 * A workload to cost: how many requests, what tokens they carry, what share hits the prompt cache or goes through a
 * batch API, and over how many days. {@code models} are the candidates the scenario names (the command line may
 * replace them). {@code hoursPerDay} is how long a machine priced by the hour runs each day (24: always on).
 */
public record Scenario(String name, String description, List<String> models, Volume volume, Workload workload,
                       Shares shares, double hoursPerDay) {

    public Scenario {
        models = List.copyOf(models);
        if (!(hoursPerDay > 0 && hoursPerDay <= 24)) {
            throw new InputException("hours per day must be above 0 and at most 24, got " + hoursPerDay);
        }
    }

    /** Reads a scenario file; every error names the file, the line and the field. */
    public static Scenario load(Path file) {
        ScenarioFile read = CostYaml.read(file, ScenarioFile.class);
        if (read.tokens() == null) {
            throw InputException.inFile(file.toString(), 0, "tokens",
                    "missing (give mean input/output, a distribution or prompts, or take them from --usage FILE)");
        }
        return fromFile(file, read, read.tokens().toWorkload());
    }

    /** Reads a scenario file whose tokens (and cache shares, where logged) come from a usage log instead. */
    public static Scenario load(Path file, UsageLog usage) {
        ScenarioFile read = CostYaml.read(file, ScenarioFile.class);
        return fromFile(file, read, new Workload.Fixed(usage.profile())).withUsageShares(usage);
    }

    private static Scenario fromFile(Path file, ScenarioFile read, Workload workload) {
        String fileName = file.getFileName().toString();
        String name = read.name() != null && !read.name().isBlank() ? read.name()
                : fileName.replaceFirst("\\.(ya?ml|json)$", "");
        return new Scenario(name, read.description(), read.models(), read.volume(), workload, read.shares(),
                read.hoursPerDay() == null ? 24 : read.hoursPerDay());
    }

    public Scenario withModels(List<String> newModels) {
        return new Scenario(name, description, newModels, volume, workload, shares, hoursPerDay);
    }

    public Scenario withShares(Shares newShares) {
        return new Scenario(name, description, models, volume, workload, newShares, hoursPerDay);
    }

    public Scenario withVolume(Volume newVolume) {
        return new Scenario(name, description, models, newVolume, workload, shares, hoursPerDay);
    }

    /** The log's observed cache shares replace the scenario's where the log recorded cached tokens. */
    private Scenario withUsageShares(UsageLog usage) {
        if (!usage.hasCacheColumns()) {
            return this;
        }
        return withShares(new Shares(usage.cacheShare(), usage.cacheWriteShare(), shares.batch()));
    }
}
