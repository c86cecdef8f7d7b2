package dev.yardstick.eval;

import dev.yardstick.config.AssertionSpec;
import dev.yardstick.config.FieldException;
import java.util.Map;

/**
 * The assertions on how an answer was produced: {@code latency} (end-to-end milliseconds at most
 * {@code threshold}), {@code cost} (US dollars at most {@code threshold}; an unknown price is an error, not a pass)
 * and {@code max-tokens} (output tokens at most {@code value}, or {@code threshold}). They have no {@code not-} form.
 */
final class LimitAssertions {

    private LimitAssertions() {
    }

    static void register(Map<String, AssertionType> types) {
        types.put("latency", limit(spec -> {
            double maxMs = nonNegative(spec, Values.threshold(spec, "the most milliseconds"));
            return answer -> !answer.timed() ? Grade.error(Answer.UNTIMED)
                    : Grade.of(answer.latencyMs() <= maxMs, Texts.number(Math.round(answer.latencyMs()))
                    + " ms > " + Texts.number(maxMs) + " ms");
        }));
        types.put("cost", limit(spec -> {
            double maxUsd = nonNegative(spec, Values.threshold(spec, "the most US dollars per answer"));
            return answer -> answer.costUsd() == null
                    ? Grade.error("no price is known for this model (give one in the config's prices)")
                    : Grade.of(answer.costUsd() <= maxUsd, "$" + answer.costUsd() + " > $" + Texts.number(maxUsd));
        }));
        types.put("max-tokens", limit(spec -> {
            double max = nonNegative(spec, spec.value() != null ? number(spec) : Values.threshold(spec,
                    "the most output tokens"));
            return answer -> Grade.of(answer.outputTokens() <= max, answer.outputTokens() + " tokens > "
                    + Texts.number(max));
        }));
    }

    private static AssertionType limit(AssertionType type) {
        return new AssertionType() {
            @Override
            public Assertion compile(AssertionSpec spec) {
                return type.compile(spec);
            }

            @Override
            public boolean negatable() {
                return false;
            }
        };
    }

    private static double number(AssertionSpec spec) {
        try {
            return Double.parseDouble(Values.text(spec).strip());
        } catch (NumberFormatException e) {
            throw new FieldException("value", "'" + spec.type() + "' needs a number, got '" + spec.value() + "'");
        }
    }

    private static double nonNegative(AssertionSpec spec, double limit) {
        if (limit < 0) {
            throw new FieldException(spec.value() != null && spec.threshold() == null ? "value" : "threshold",
                    "must be zero or more, got " + Texts.number(limit));
        }
        return limit;
    }
}
