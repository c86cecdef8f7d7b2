package dev.yardstick.switching.script;

import dev.yardstick.config.Expectation;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.engine.chain.FailoverPolicy;
import dev.yardstick.engine.chain.Fault;
import dev.yardstick.switching.window.WindowStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A checked conversation script (see {@link ScriptLoader}): every name it uses refers to a model it names, every
 * setting is resolved to its value.
 *
 * @param file      where it was read from, as the user gave it
 * @param models    the models by the script's names, in declaration order
 * @param windows   context windows the script caps models at, by name (absent: the provider's own)
 * @param start     the name of the model that answers turn 1
 * @param maxTokens the cap on each answer, also the room kept free for it in the window
 * @param faults    faults to inject, their models resolved to labels
 */
public record ConversationScript(String name, String description, String file, String system,
                                 Map<String, ModelSpec> models, Map<String, Integer> windows, String start,
                                 int maxTokens, Double temperature, Duration timeout, WindowStrategy window,
                                 FailoverPolicy failover, List<Fault> faults, List<Turn> turns) {

    public ConversationScript {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        windows = Map.copyOf(windows);
        faults = List.copyOf(faults);
        turns = List.copyOf(turns);
    }

    /**
     * One user turn, numbered from 1.
     *
     * @param line       the line of its user message in the file (0 when unknown), for errors found later
     * @param switchTo   the name switched to before this turn, or null
     * @param answeredBy the name that must answer it, or null
     */
    public record Turn(int number, int line, String user, String switchTo, Expectation expect, String answeredBy) {
    }

    /** Which named model each turn is sent to first, and what the run is called. */
    public record Route(String label, List<String> names) {
        public Route {
            names = List.copyOf(names);
        }
    }

    /** The same script with another window strategy (a command-line override). */
    public ConversationScript withWindow(WindowStrategy strategy) {
        if (strategy.summarizer() != null && !models.containsKey(strategy.summarizer())) {
            throw new dev.yardstick.config.InputException("summarizer '" + strategy.summarizer()
                    + "' is not a named model of " + file + " (it names: " + String.join(", ", models.keySet()) + ")");
        }
        return new ConversationScript(name, description, file, system, models, windows, start, maxTokens, temperature,
                timeout, strategy, failover, faults, turns);
    }

    /** The same script with another per-request timeout. */
    public ConversationScript withTimeout(Duration value) {
        return new ConversationScript(name, description, file, system, models, windows, start, maxTokens, temperature,
                value, window, failover, faults, turns);
    }

    /** The script's name(s) for a model label: {@code primary}, or {@code a/b} when two names share it. */
    public String nameOf(String label) {
        List<String> names = new ArrayList<>();
        models.forEach((name, spec) -> {
            if (spec.label().equals(label)) {
                names.add(name);
            }
        });
        return names.isEmpty() ? label : String.join("/", names);
    }

    public String label(String modelName) {
        return models.get(modelName).label();
    }

    /** Each distinct model once, in declaration order (two names may share one model). */
    public List<ModelSpec> specs() {
        Map<String, ModelSpec> byLabel = new LinkedHashMap<>();
        models.values().forEach(spec -> byLabel.putIfAbsent(spec.label(), spec));
        return List.copyOf(byLabel.values());
    }

    /** The script's own route: the start model, then each {@code switch:}. */
    public Route route() {
        List<String> names = new ArrayList<>();
        String current = start;
        for (Turn turn : turns) {
            if (turn.switchTo() != null) {
                current = turn.switchTo();
            }
            names.add(current);
        }
        return new Route("script", names);
    }

    /** The first turn with a {@code switch:}, else the middle of the conversation: where --matrix switches. */
    public int defaultSwitchTurn() {
        for (Turn turn : turns) {
            if (turn.switchTo() != null && turn.number() > 1) {
                return turn.number();
            }
        }
        return Math.max(1, turns.size() / 2 + 1);
    }

    /**
     * One route per ordered pair of distinct named models: the first answers the turns before {@code switchAt},
     * the second every turn from it on.
     */
    public List<Route> matrix(int switchAt) {
        List<Route> routes = new ArrayList<>();
        List<String> names = new ArrayList<>(new LinkedHashSet<>(models.keySet()));
        for (String from : names) {
            for (String to : names) {
                if (from.equals(to)) {
                    continue;
                }
                List<String> route = new ArrayList<>();
                for (Turn turn : turns) {
                    route.add(turn.number() < switchAt ? from : to);
                }
                routes.add(new Route(from + " → " + to + " at turn " + switchAt, route));
            }
        }
        return routes;
    }
}
