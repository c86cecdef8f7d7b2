package dev.yardstick.engine;

import java.util.List;

/**
 * How each model's client path was run once, off the clock, before its first measured request (see
 * {@link dev.yardstick.provider.ClientWarmup}): carried in every report's run information so a reader knows that
 * no figure includes the client's class loading and initialisation, and what was done instead.
 *
 * @param wallMs how long the warm-up held up the run (the models are warmed at once, so this is the slowest)
 * @param models one entry per model, by label
 */
public record ClientWarmupReport(double wallMs, List<Model> models) {

    public ClientWarmupReport {
        models = List.copyOf(models);
    }

    /**
     * @param method  {@code loopback-stub} (an in-process server in the provider's wire format, through the same
     *                langchain4j model and HTTP client), {@code loopback-stub+probe} (and a free GET of the
     *                endpoint's model list, for TLS and a pooled connection), {@code generation} (one short local
     *                generation), {@code in-process} (a zero-delay mock) or {@code none}
     * @param ms      how long this model's warm-up took
     * @param failure why it did not complete, null when it did (the run goes on either way)
     */
    public record Model(String model, String method, double ms, String failure) {
    }

    /** One line for tables and Markdown. */
    public String describe() {
        StringBuilder line = new StringBuilder("off the clock, ").append(Math.round(wallMs)).append(" ms (");
        for (int i = 0; i < models.size(); i++) {
            Model m = models.get(i);
            line.append(i == 0 ? "" : "; ").append(m.model()).append(": ").append(m.method()).append(' ')
                    .append(Math.round(m.ms())).append(" ms").append(m.failure() == null ? "" : ", " + m.failure());
        }
        return line.append(')').toString();
    }
}
