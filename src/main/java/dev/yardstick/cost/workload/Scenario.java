package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;
import dev.yardstick.config.YamlFiles;
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
        return load(file, null);
    }

    /**
     * Reads a scenario file whose tokens come from elsewhere (a usage log, a report) when {@code tokens} is not
     * null; the file's own {@code tokens:} may then be left out.
     */
    public static Scenario load(Path file, Workload tokens) {
        ScenarioFile read = YamlFiles.read(file, ScenarioFile.class);
        if (tokens == null && read.tokens() == null) {
            throw InputException.inFile(file.toString(), 0, "tokens",
                    "missing (give mean input/output, a distribution or prompts, or take them from --usage FILE)");
        }
        return fromFile(file, read, tokens != null ? tokens : read.tokens().toWorkload());
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

    public Scenario withWorkload(Workload newWorkload) {
        return new Scenario(name, description, models, volume, newWorkload, shares, hoursPerDay);
    }
}
