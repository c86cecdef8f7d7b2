package dev.yardstick.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.config.InputException;
import dev.yardstick.config.YamlFiles;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark plan as written: every field optional, each named like the {@code benchmark} flag that sets it
 * ({@code max-concurrency} in a file is {@code --max-concurrency} on the command line) and holding the same text.
 * A scenario file ({@code scenarios/x.yaml}) is read into one, the flags into another, and
 * {@link #overriddenBy} lets the flags win. {@link BenchmarkPlan#from} then checks and resolves it. The report
 * keeps it as the run's settings, so a report says how to run its benchmark again.
 */
public record PlanSettings(String name, String description, List<String> models, Integer concurrency, Double rate,
                           String arrival, Integer maxConcurrency, String sweep, String duration, Long requests,
                           String warmup, String prompts, String inputTokens, Integer outputTokens,
                           Double temperature, String baseUrl, String timeout, String slo, String errorBudget,
                           List<String> failIf, String baseline, String maxRegression, String shard, Long seed,
                           String samples, String confidence, Boolean gateUnsupported) {

    public static final PlanSettings EMPTY = new PlanSettings(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static final ObjectMapper MAPPER = YamlFiles.mapper();

    public PlanSettings {
        models = models == null ? null : List.copyOf(models);
        failIf = failIf == null ? null : List.copyOf(failIf);
    }

    /** Reads a scenario file; the files it names (prompts, baseline, samples) are relative to its folder. */
    public static PlanSettings read(Path file) {
        PlanSettings s = YamlFiles.read(file, PlanSettings.class);
        return new PlanSettings(s.name, s.description, s.models, s.concurrency, s.rate, s.arrival, s.maxConcurrency,
                s.sweep, s.duration, s.requests, s.warmup, relative(file, s.prompts), s.inputTokens,
                s.outputTokens, s.temperature, s.baseUrl, s.timeout, s.slo, s.errorBudget, s.failIf,
                relative(file, s.baseline), s.maxRegression, s.shard, s.seed,
                relative(file, s.samples), s.confidence, s.gateUnsupported);
    }

    /** A path beside the scenario file, as the user reads it ({@code scenarios/../prompts/x.yaml} → {@code prompts/x.yaml}). */
    private static String relative(Path file, String path) {
        Path parent = file.getParent();
        if (path == null || parent == null || Path.of(path).isAbsolute()) {
            return path;
        }
        return parent.resolve(path).normalize().toString();
    }

    /** These settings with every field {@code flags} sets replaced by the flag's value. */
    public PlanSettings overriddenBy(PlanSettings flags) {
        ObjectNode merged = MAPPER.valueToTree(this);
        ObjectNode top = MAPPER.valueToTree(flags);
        top.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (!value.isNull() && !(value.isArray() && value.isEmpty())) {
                merged.set(e.getKey(), value);
            }
        });
        return fromTree(merged);
    }

    /**
     * The settings as a map of the fields that are set, in file form (kebab-case keys, in the order of this record):
     * a report's settings.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        PropertyNamingStrategies.KebabCaseStrategy kebab = new PropertyNamingStrategies.KebabCaseStrategy();
        for (RecordComponent component : PlanSettings.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(this);
                if (value != null) {
                    out.put(kebab.translate(component.getName()), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return out;
    }

    /** Reads back {@link #toMap()}'s form (from a report); unknown keys are an input error naming {@code source}. */
    public static PlanSettings fromMap(Map<String, Object> map, String source) {
        try {
            return MAPPER.convertValue(map, PlanSettings.class);
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": the benchmark settings cannot be read ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static PlanSettings fromTree(ObjectNode tree) {
        try {
            return MAPPER.treeToValue(tree, PlanSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings did not survive their own form", e);
        }
    }
}
