package dev.yardstick.benchmark;

import dev.yardstick.config.InputException;
import dev.yardstick.engine.LoadShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --sweep concurrency=1,2,4} or {@code rate=1,2,5}: one step per value, in the order given.
 *
 * @param values  whole numbers for a concurrency sweep, requests per second for a rate sweep
 * @param text    as the user wrote it, for messages
 */
public record Sweep(Dimension dimension, List<Double> values, String text) {

    /** What a sweep varies from step to step. */
    public enum Dimension { CONCURRENCY, RATE }

    public Sweep {
        values = List.copyOf(values);
    }

    /** Parses the form only; the values' ranges are the plan's to judge (they depend on its limits). */
    public static Sweep parse(String text) {
        String sweep = text.trim().toLowerCase(Locale.ROOT);
        int eq = sweep.indexOf('=');
        String name = eq < 0 ? "" : sweep.substring(0, eq).trim();
        if (!name.equals("concurrency") && !name.equals("rate")) {
            throw new InputException("malformed sweep '" + text + "' (expected concurrency=1,2,4,8 or rate=1,2,5,10)");
        }
        Dimension dimension = name.equals("rate") ? Dimension.RATE : Dimension.CONCURRENCY;
        List<Double> values = new ArrayList<>();
        for (String value : sweep.substring(eq + 1).split(",")) {
            try {
                values.add(dimension == Dimension.RATE ? Double.parseDouble(value.trim())
                        : (double) Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new InputException("malformed sweep value '" + value.trim() + "' in '" + text + "'");
            }
        }
        return new Sweep(dimension, values, text);
    }

    public boolean openLoop() {
        return dimension == Dimension.RATE;
    }

    public String name() {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    /** One step per value, each checked against the plan's bounds. */
    List<LoadStep> steps(LoadShape.Arrival arrival, long seed, int maxConcurrency) {
        List<LoadStep> steps = new ArrayList<>();
        for (double value : values) {
            int number = steps.size() + 1;
            if (dimension == Dimension.CONCURRENCY) {
                int c = (int) value;
                if (c < 1 || c > BenchmarkPlan.MAX_CONCURRENCY) {
                    throw new InputException("sweep concurrency " + c + " is not between 1 and "
                            + BenchmarkPlan.MAX_CONCURRENCY);
                }
                steps.add(LoadStep.closed(number, c));
            } else {
                if (!(value > 0 && value <= BenchmarkPlan.MAX_RATE)) {
                    throw new InputException("sweep rate " + LoadStep.rate(value) + " is not a number above 0 and at"
                            + " most " + (long) BenchmarkPlan.MAX_RATE);
                }
                steps.add(LoadStep.open(number, value, arrival, seed, maxConcurrency));
            }
        }
        if (steps.stream().map(LoadStep::label).distinct().count() < steps.size()) {
            throw new InputException("sweep '" + text + "' names a step twice");
        }
        return steps;
    }

    @Override
    public String toString() {
        return text;
    }
}
