package dev.yardstick.switching.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.config.Durations;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelParams;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.config.TextFiles;
import dev.yardstick.config.YamlErrors;
import dev.yardstick.config.YamlFiles;
import dev.yardstick.config.BreakerPolicy;
import dev.yardstick.engine.chain.FailoverPolicy;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.engine.chain.RetryPolicy;
import dev.yardstick.switching.window.DropOldest;
import dev.yardstick.switching.window.WindowStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a conversation script and checks it whole before anything runs: an empty script, a switch to a model the
 * script never named, a strategy missing its setting, a malformed fault — each is one line naming the file, the
 * line and the field.
 */
public final class ScriptLoader {

    public static final int DEFAULT_MAX_TOKENS = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String file;
    private final YamlLines lines;

    private ScriptLoader(String file, YamlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    /** @param extraFaults faults given on the command line, checked against the script's models like its own */
    public static ConversationScript load(Path path, List<String> extraFaults) {
        String text = TextFiles.readText(path);
        try {
            JsonNode tree = YamlFiles.mapper().readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw InputException.inFile(path.toString(), 0, null, "the script is empty: it needs 'models' and "
                        + "'turns' (see scenarios/)");
            }
        } catch (JsonProcessingException e) {
            throw YamlErrors.describe(path, text, e);
        }
        ScriptFile raw = YamlFiles.parse(path, text, ScriptFile.class);
        return new ScriptLoader(path.toString(), YamlLines.of(text)).check(raw, extraFaults);
    }

    private ConversationScript check(ScriptFile raw, List<String> extraFaults) {
        if (raw.models().isEmpty()) {
            throw fail("models", "the script names no models: add e.g. 'models: {primary: mock/fast}'");
        }
        if (raw.turns().isEmpty()) {
            throw fail("turns", "the script has no turns: add at least one '- user: ...' under 'turns'");
        }
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        Map<String, Integer> windows = new LinkedHashMap<>();
        raw.models().forEach((name, entry) -> {
            String path = "models." + name;
            if (entry == null || entry.model() == null) {
                throw fail(path, "give the model as provider/model, e.g. mock/fast");
            }
            models.put(name, at(path, () -> ModelSpec.parse(entry.model())));
            if (entry.contextWindow() != null) {
                if (entry.contextWindow() < 1) {
                    throw fail(path + ".context-window", "must be a positive number of tokens");
                }
                windows.put(name, entry.contextWindow());
            }
        });
        String start = raw.start() == null ? models.keySet().iterator().next() : named("start", raw.start(), models);
        List<ConversationScript.Turn> turns = new ArrayList<>();
        for (int i = 0; i < raw.turns().size(); i++) {
            ScriptFile.Turn turn = raw.turns().get(i);
            String path = "turns[" + i + "]";
            if (turn == null || turn.user() == null || turn.user().isBlank()) {
                throw fail(path + ".user", "every turn needs a non-empty user message");
            }
            String switchTo = turn.switchTo() == null ? null : named(path + ".switch", turn.switchTo(), models);
            String answeredBy = turn.answeredBy() == null ? null
                    : named(path + ".answered-by", turn.answeredBy(), models);
            turns.add(new ConversationScript.Turn(i + 1, lines.line(path + ".user"), turn.user(), switchTo,
                    turn.expect(), answeredBy));
        }
        int maxTokens = raw.maxTokens() == null ? DEFAULT_MAX_TOKENS : raw.maxTokens();
        if (maxTokens < 1) {
            throw fail("max-tokens", "must be at least 1");
        }
        at("temperature", () -> new ModelParams(raw.temperature(), null, null, null, null));
        Duration timeout = raw.timeout() == null ? DEFAULT_TIMEOUT : at("timeout", () -> positive(raw.timeout()));
        WindowStrategy window = window(raw.window(), models);
        FailoverPolicy failover = failover(raw.failover(), models);
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < raw.faults().size(); i++) {
            String path = "faults[" + i + "]";
            String text = raw.faults().get(i);
            faults.add(at(path, () -> resolve(Fault.parse(text), models)));
        }
        for (String text : extraFaults) {
            faults.add(resolve(Fault.parse(text), models));
        }
        String name = raw.name() != null ? raw.name() : stripExtension(Path.of(file).getFileName().toString());
        return new ConversationScript(name, raw.description(), file, raw.system(), models, windows, start, maxTokens,
                raw.temperature(), timeout, window, failover, faults, turns);
    }

    private WindowStrategy window(ScriptFile.Window raw, Map<String, ModelSpec> models) {
        if (raw == null) {
            return new DropOldest();
        }
        WindowStrategy strategy = at("window", () -> WindowStrategy.of(raw.strategy(), raw.keepLast(),
                raw.summarizer(), raw.summaryTokens()));
        if (strategy.summarizer() != null) {
            named("window.summarizer", strategy.summarizer(), models);
        }
        return strategy;
    }

    private FailoverPolicy failover(ScriptFile.Failover raw, Map<String, ModelSpec> models) {
        if (raw == null) {
            return FailoverPolicy.NONE;
        }
        for (int i = 0; i < raw.chain().size(); i++) {
            named("failover.chain[" + i + "]", raw.chain().get(i), models);
        }
        RetryPolicy retry = raw.retry() == null ? RetryPolicy.DEFAULTS : at("failover.retry", () -> retry(raw.retry()));
        BreakerPolicy breaker = raw.circuitBreaker() == null ? BreakerPolicy.DEFAULTS
                : at("failover.circuit-breaker", () -> breaker(raw.circuitBreaker()));
        return new FailoverPolicy(raw.chain(), retry, breaker);
    }

    private static RetryPolicy retry(ScriptFile.RetrySettings r) {
        RetryPolicy d = RetryPolicy.DEFAULTS;
        return new RetryPolicy(r.maxAttempts() == null ? d.maxAttempts() : r.maxAttempts(),
                r.backoff() == null ? d.backoff() : Durations.parse(r.backoff()),
                r.multiplier() == null ? d.multiplier() : r.multiplier(),
                r.jitter() == null ? d.jitter() : r.jitter(),
                r.maxBackoff() == null ? d.maxBackoff() : Durations.parse(r.maxBackoff()),
                r.maxRetryAfter() == null ? d.maxRetryAfter() : Durations.parse(r.maxRetryAfter()));
    }

    private static BreakerPolicy breaker(ScriptFile.BreakerSettings b) {
        BreakerPolicy d = BreakerPolicy.DEFAULTS;
        return new BreakerPolicy(b.window() == null ? d.window() : b.window(),
                b.minCalls() == null ? d.minCalls() : b.minCalls(),
                b.failureRate() == null ? d.failureRate() : b.failureRate(),
                b.openFor() == null ? d.openFor() : Durations.parse(b.openFor()),
                b.halfOpenCalls() == null ? d.halfOpenCalls() : b.halfOpenCalls());
    }

    /** A fault aimed at a model by name or label, resolved to the label the clients are opened under. */
    private static Fault resolve(Fault fault, Map<String, ModelSpec> models) {
        ModelSpec byName = models.get(fault.model());
        if (byName != null) {
            return fault.forModel(byName.label());
        }
        for (ModelSpec spec : models.values()) {
            if (spec.label().equals(fault.model())) {
                return fault;
            }
        }
        throw new InputException("fault '" + fault.text() + "': '" + fault.model() + "' is not a model of the "
                + "script (named: " + String.join(", ", models.keySet()) + ")");
    }

    private String named(String path, String name, Map<String, ModelSpec> models) {
        if (!models.containsKey(name)) {
            throw fail(path, "'" + name + "' is not a named model (the script names: "
                    + String.join(", ", models.keySet()) + ")");
        }
        return name;
    }

    private static Duration positive(String text) {
        Duration d = Durations.parse(text);
        if (d.isZero() || d.isNegative()) {
            throw new InputException("must be positive, got " + text);
        }
        return d;
    }

    private <T> T at(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (InputException e) {
            throw fail(path, e.getMessage());
        }
    }

    private InputException fail(String path, String problem) {
        return InputException.inFile(file, lines.line(path), path, problem);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
