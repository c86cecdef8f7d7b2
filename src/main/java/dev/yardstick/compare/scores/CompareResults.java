package dev.yardstick.compare.scores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.InputException;
import dev.yardstick.config.TextFiles;
import dev.yardstick.config.YamlErrors;
import dev.yardstick.export.Json;
import dev.yardstick.report.SampleRecord;
import java.nio.file.Path;
import java.util.List;

/** A compare report read back (a baseline to judge a run against, or either side of a diff): its file name and samples. */
public record CompareResults(String name, List<SampleRecord> samples) {

    public CompareResults {
        samples = List.copyOf(samples);
    }

    /** Whether a file is a JSON report of {@code compare}; false for anything else, readable or not. */
    public static boolean isCompareReport(Path file) {
        try {
            return "compare".equals(Json.mapper().readTree(TextFiles.readText(file)).at("/run/command").asText());
        } catch (JsonProcessingException | RuntimeException e) {
            return false;
        }
    }

    /** The models, in the order their first sample came. */
    public List<String> models() {
        return samples.stream().map(SampleRecord::model).distinct().toList();
    }

    /** Reads a report written by {@code compare --format json} or {@code -o FILE.json}. */
    public static CompareResults read(Path file) {
        String text = TextFiles.readText(file);
        try {
            JsonNode root = Json.mapper().readTree(text);
            if (root == null || !"compare".equals(root.at("/run/command").asText())) {
                throw new InputException(file + " is not a compare report (write one with yardstick compare"
                        + " --format json or -o FILE.json)");
            }
            List<SampleRecord> samples = Json.mapper().convertValue(root.path("samples"), new TypeReference<>() {
            });
            return new CompareResults(file.getFileName().toString(), samples == null ? List.of() : samples);
        } catch (JsonProcessingException e) {
            throw InputException.inFile(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    YamlErrors.fieldOf(e), "not a readable compare report: " + YamlErrors.problem(e));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": not a readable compare report: its samples do not parse ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
