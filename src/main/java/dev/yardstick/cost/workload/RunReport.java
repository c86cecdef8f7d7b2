package dev.yardstick.cost.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compare or benchmark report (its JSON) read for cost analysis: the tokens of its successful requests as a
 * workload, the share of input its providers served from cache, and what it measured per model (p95 end-to-end
 * latency, pass rate of the checks) as evidence for the constraints. Only the report's data fields are read
 * (samples, prompts, summary), so any report that has them serves.
 */
public final class RunReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Workload workload;
    private final double cacheShare;
    private final Map<String, ModelEvidence> evidence;
    private final int requests;

    private RunReport(String name, Workload workload, double cacheShare, Map<String, ModelEvidence> evidence,
                      int requests) {
        this.name = name;
        this.workload = workload;
        this.cacheShare = cacheShare;
        this.evidence = Map.copyOf(evidence);
        this.requests = requests;
    }

    public static RunReport read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw InputException.inFile(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    null, "not a JSON report: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new InputException(Files.exists(file) ? "cannot read " + file + ": " + e.getMessage()
                    : "file not found: " + file);
        }
        String name = file.getFileName().toString();
        if (root == null || !root.path("summary").isArray()) {
            throw InputException.inFile(file.toString(), 0, "summary", "missing: not a compare or benchmark report");
        }
        Map<String, ModelEvidence> evidence = evidence(root, name);
        List<JsonNode> ok = new ArrayList<>();
        root.path("samples").forEach(sample -> {
            if (sample.path("ok").asBoolean(false) && sample.path("tokens").isObject()) {
                ok.add(sample);
            }
        });
        if (!ok.isEmpty()) {
            return fromSamples(root, name, ok, evidence);
        }
        return fromSummary(root, file, name, evidence);
    }

    /** The workload the run carried, per model as described in {@link Workload.Observed}. */
    public Workload workload() {
        return workload;
    }

    /**
     * The scenario with this run's tokens. Its cache shares stay: a test run's cache hits (none, for a local
     * model) say little about production, where the scenario's or the command line's assumption holds.
     */
    public Scenario applyTo(Scenario scenario) {
        return scenario.withWorkload(workload);
    }

    /** Input tokens served from the prompt cache, as a share of all input tokens of the run. */
    public double cacheShare() {
        return cacheShare;
    }

    /** What the run measured, by model. */
    public Map<String, ModelEvidence> evidence() {
        return evidence;
    }

    /** Successful requests the workload was taken from. */
    public int requests() {
        return requests;
    }

    public String name() {
        return name;
    }

    private static RunReport fromSamples(JsonNode root, String name, List<JsonNode> ok,
                                         Map<String, ModelEvidence> evidence) {
        Map<String, List<TokenBucket>> perModel = new LinkedHashMap<>();
        List<TokenBucket> pooled = new ArrayList<>();
        double input = 0;
        double cached = 0;
        for (JsonNode sample : ok) {
            JsonNode tokens = sample.path("tokens");
            TokenBucket bucket = TokenBucket.of(tokens.path("input").asDouble(), tokens.path("output").asDouble());
            perModel.computeIfAbsent(sample.path("model").asText(), m -> new ArrayList<>()).add(bucket);
            pooled.add(bucket);
            input += bucket.input();
            cached += Math.min(bucket.input(), tokens.path("cachedInput").asDouble(0));
        }
        Map<String, String> sources = tokenSources(root);
        Map<String, TokenProfile> byModel = new LinkedHashMap<>();
        perModel.forEach((model, buckets) -> {
            String source = sources.getOrDefault(model, "reported or counted");
            byModel.put(model, new TokenProfile(buckets, "observed in " + name + " (" + source + ")",
                    source.contains("estimated")));
        });
        boolean anyEstimated = byModel.values().stream().anyMatch(TokenProfile::estimated);
        TokenProfile all = new TokenProfile(pooled, "observed in " + name + " on " + String.join(", ",
                perModel.keySet()) + " (their tokenizers)", anyEstimated);
        Workload.Observed workload = new Workload.Observed(byModel, texts(root, ok), all);
        return new RunReport(name, workload, input == 0 ? 0 : cached / input, evidence, ok.size());
    }

    /** A benchmark report without samples: each model's mean tokens per successful request, from its totals. */
    private static RunReport fromSummary(JsonNode root, Path file, String name,
                                         Map<String, ModelEvidence> evidence) {
        Map<String, TokenProfile> byModel = new LinkedHashMap<>();
        List<TokenBucket> pooled = new ArrayList<>();
        double input = 0;
        double cached = 0;
        int requests = 0;
        for (JsonNode summary : root.path("summary")) {
            JsonNode stats = summary.path("stats");
            long succeeded = stats.path("requests").path("succeeded").asLong(0);
            if (succeeded <= 0) {
                continue;
            }
            JsonNode tokens = stats.path("tokens");
            TokenBucket mean = new TokenBucket(tokens.path("input").asDouble() / succeeded,
                    tokens.path("output").asDouble() / succeeded, (double) succeeded);
            byModel.put(summary.path("model").asText(), new TokenProfile(List.of(mean), "observed in " + name
                    + " (mean per request)", false));
            pooled.add(mean);
            input += tokens.path("input").asDouble();
            cached += tokens.path("cachedInput").asDouble();
            requests += (int) succeeded;
        }
        if (pooled.isEmpty()) {
            throw InputException.inFile(file.toString(), 0, null,
                    "the report has no successful requests to take tokens from");
        }
        TokenProfile all = new TokenProfile(pooled, "observed in " + name + " (mean per request, their tokenizers)",
                false);
        return new RunReport(name, new Workload.Observed(byModel, null, all), input == 0 ? 0 : cached / input,
                evidence, requests);
    }

    /**
     * The run's prompt and answer texts, to count with another model's tokenizer; null unless every prompt was a
     * single message (a report keeps only the last message's text, so longer conversations would be undercounted).
     */
    private static Workload.Prompts texts(JsonNode root, List<JsonNode> ok) {
        Map<String, String> promptText = new LinkedHashMap<>();
        for (JsonNode prompt : root.path("prompts")) {
            if (prompt.path("messages").asInt(0) != 1 || !prompt.path("prompt").isTextual()) {
                return null;
            }
            promptText.put(prompt.path("id").asText(), prompt.path("prompt").asText());
        }
        List<PromptSample> samples = new ArrayList<>();
        for (JsonNode sample : ok) {
            String text = promptText.get(sample.path("promptId").asText());
            if (text == null || text.isEmpty() || !sample.path("text").isTextual()) {
                return null;
            }
            samples.add(new PromptSample(text, null, sample.path("text").asText(), 1.0));
        }
        return samples.isEmpty() ? null : new Workload.Prompts(samples, null);
    }

    private static Map<String, String> tokenSources(JsonNode root) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (JsonNode model : root.path("models")) {
            String source = model.path("tokenSource").asText("");
            String tokenizer = model.path("tokenizer").asText("");
            sources.put(model.path("model").asText(), source + (tokenizer.isEmpty() ? "" : ", " + tokenizer));
        }
        return sources;
    }

    private static Map<String, ModelEvidence> evidence(JsonNode root, String name) {
        Map<String, ModelEvidence> evidence = new LinkedHashMap<>();
        for (JsonNode summary : root.path("summary")) {
            JsonNode e2e = summary.path("stats").path("e2e");
            Duration p95 = e2e.path("count").asLong(0) > 0 && e2e.path("p95").isNumber()
                    ? Duration.ofNanos(Math.round(e2e.path("p95").asDouble() * unitNanos(e2e.path("unit").asText())))
                    : null;
            long total = summary.path("checksTotal").asLong(0);
            Double passRate = total > 0 ? summary.path("checksPassed").asDouble() / total : null;
            evidence.put(summary.path("model").asText(), new ModelEvidence(p95, passRate, name));
        }
        return evidence;
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "s" -> 1e9;
            case "us", "µs" -> 1e3;
            default -> 1e6; // reports give latencies in ms
        };
    }
}
